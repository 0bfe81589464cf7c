package jp.kakaritsuke.kb;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.search.FullTextIndex;
import org.apache.jena.sys.JenaSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Readies, on a thread of its own while Spring reads its configuration, what the first beans need and a cold JVM is
 * slow to ready: Jena's subsystems (about 0.9 s on the benchmark machine), the named queries (0.4 s) and the
 * dictionaries of the Japanese analyser. On two cores that work then overlaps Spring's own first seconds instead of
 * following them, as Spring Boot's background pre-initialisation does for its libraries.
 *
 * <p>No bean is created before the preparation has ended (a bean-factory post-processor waits for it): a class that
 * the main thread and this one initialised at the same time could otherwise deadlock the two. A preparation that
 * fails leaves the work to the beans, which report the failure as they would have.
 */
public final class StartUpPreparation implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartUpPreparation.class);

    /** How long the beans wait at most for the preparation. */
    private static final long WAITS_AT_MOST_SECONDS = 120;

    private final Runnable work;
    private volatile CompletableFuture<Void> prepared = CompletableFuture.completedFuture(null);

    /** The preparation of the application (Spring instantiates it from {@code META-INF/spring.factories}). */
    public StartUpPreparation() {
        this(StartUpPreparation::prepare);
    }

    /** A preparation doing {@code work} (tests). */
    StartUpPreparation(Runnable work) {
        this.work = work;
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationStartingEvent) {
            CompletableFuture<Void> running = new CompletableFuture<>();
            Thread thread = new Thread(() -> run(running), "start-up-preparation");
            thread.setDaemon(true);
            prepared = running;
            thread.start();
        } else if (event instanceof ApplicationPreparedEvent ready) {
            ready.getApplicationContext().addBeanFactoryPostProcessor(factory -> awaitPrepared());
        }
    }

    private static void prepare() {
        JenaSystem.init();
        NamedQueryCatalog.classpath();
        FullTextIndex.prepareAnalysers();
    }

    private void run(CompletableFuture<Void> done) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            log.debug("Start-up preparation failed; the beans do the work themselves", e);
        } finally {
            done.complete(null);
        }
    }

    private void awaitPrepared() {
        try {
            prepared.get(WAITS_AT_MOST_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "Start-up preparation still under way after {} s; the beans are created beside it",
                    WAITS_AT_MOST_SECONDS);
        } catch (ExecutionException e) {
            // run() completes normally whatever happens
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
