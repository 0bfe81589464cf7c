package jp.kakaritsuke.kb.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks the application for its most visited pages once, on a background thread, as soon as it is up
 * ({@code kb.warm-up.paths}; empty: nothing), so that the counts and lists they need are in the answer cache before
 * the first reader comes: a reader arriving meanwhile waits for the answer under way instead of asking the store
 * again. Readers go first: before each page the warm-up waits until no reader's request has been answered for
 * {@link Foreground#READERS_PAUSE}, however long that takes, so that on two cores it does not take half the machine
 * from readers going from page to page, who ask what they need themselves. No limit: with one of 30 s a page, the
 * warm-up's pages came while readers went on after a series of writes, and each had what it asks for computed again
 * in the background, beside the readers' own pages. Its own requests are marked as
 * background ({@link Foreground#BACKGROUND_HEADER}). After a write the answer cache asks its recent questions again by
 * itself.
 */
@Component
class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final List<String> paths;
    private final Duration quiet;
    private final Foreground foreground;
    /** Set when the application stops: the warm-up ends, and what it was asking for is not reported as failed. */
    private volatile boolean stopping;

    @Autowired
    WarmUp(@Value("${kb.warm-up.paths:}") List<String> paths, Foreground foreground) {
        this(paths, foreground, Foreground.READERS_PAUSE);
    }

    /** @param quiet how long no reader's request must have been answered before each page (tests shorten it) */
    WarmUp(List<String> paths, Foreground foreground, Duration quiet) {
        this.paths =
                paths.stream().map(String::strip).filter(p -> p.startsWith("/")).toList();
        this.foreground = foreground;
        this.quiet = quiet;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (paths.isEmpty() || port == null) {
            return;
        }
        String address = event.getApplicationContext().getEnvironment().getProperty("server.address", "127.0.0.1");
        String host = address.isBlank() || "0.0.0.0".equals(address)
                ? "127.0.0.1"
                : address.contains(":") ? "[" + address + "]" : address;
        Thread thread = new Thread(() -> warm("http://" + host + ":" + port), "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    @EventListener(ContextClosedEvent.class)
    void beforeStop() {
        stopping = true;
    }

    /** Asks {@code origin} for every page of the list, one after the other, each once readers pause. */
    void warm(String origin) {
        HttpClient http = null;
        long started = System.nanoTime();
        for (String path : paths) {
            foreground.awaitQuiet(quiet, () -> stopping);
            if (stopping) {
                return;
            }
            if (http == null) {
                // Built once readers pause, not as the application comes up: building one sets up TLS (its classes
                // and the JDK's trusted certificates), 0.2 s of a core beside the first reader's page.
                http = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(origin + path))
                    .header("Accept", "text/html")
                    .header(Foreground.BACKGROUND_HEADER, "warm-up")
                    .timeout(Duration.ofMinutes(2))
                    .GET()
                    .build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status != 200) {
                    log.warn("Warm-up: {} answered {}", path, status);
                }
            } catch (IOException e) {
                if (stopping) {
                    return;
                }
                log.warn("Warm-up: {} failed: {}", path, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("Warm-up of {} pages done in {} ms", paths.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
