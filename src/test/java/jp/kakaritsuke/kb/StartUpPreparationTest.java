package jp.kakaritsuke.kb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.support.GenericApplicationContext;

class StartUpPreparationTest {

    @Test
    void noBeanIsCreatedBeforeThePreparationHasEnded() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean prepared = new AtomicBoolean();
        StartUpPreparation preparation = new StartUpPreparation(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            prepared.set(true);
        });
        SpringApplication application = new SpringApplication(StartUpPreparationTest.class);
        String[] args = {};
        preparation.onApplicationEvent(new ApplicationStartingEvent(new DefaultBootstrapContext(), application, args));

        CountDownLatch beanCreated = new CountDownLatch(1);
        AtomicBoolean preparedWhenCreated = new AtomicBoolean();
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("first", Object.class, () -> {
            preparedWhenCreated.set(prepared.get());
            beanCreated.countDown();
            return new Object();
        });
        preparation.onApplicationEvent(new ApplicationPreparedEvent(application, args, context));
        CompletableFuture<Void> refresh = CompletableFuture.runAsync(context::refresh);
        try {
            assertFalse(
                    beanCreated.await(Duration.ofMillis(300).toMillis(), TimeUnit.MILLISECONDS),
                    "a bean was created while the preparation was under way");
            release.countDown();
            refresh.get(30, TimeUnit.SECONDS);
            assertTrue(preparedWhenCreated.get(), "the bean was created before the preparation had ended");
        } finally {
            release.countDown();
            context.close();
        }
    }

    @Test
    void aFailedPreparationLeavesTheBeansToDoTheWork() throws Exception {
        StartUpPreparation preparation = new StartUpPreparation(() -> {
            throw new IllegalStateException("no dictionary");
        });
        SpringApplication application = new SpringApplication(StartUpPreparationTest.class);
        String[] args = {};
        preparation.onApplicationEvent(new ApplicationStartingEvent(new DefaultBootstrapContext(), application, args));
        GenericApplicationContext context = new GenericApplicationContext();
        AtomicBoolean created = new AtomicBoolean();
        context.registerBean("first", Object.class, () -> {
            created.set(true);
            return new Object();
        });
        preparation.onApplicationEvent(new ApplicationPreparedEvent(application, args, context));
        CompletableFuture.runAsync(context::refresh).get(30, TimeUnit.SECONDS);
        assertTrue(created.get());
        context.close();
    }
}
