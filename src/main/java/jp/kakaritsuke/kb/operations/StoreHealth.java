package jp.kakaritsuke.kb.operations;

import java.time.Duration;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import org.apache.jena.query.Query;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the knowledge store (component {@code store}, part of readiness): it answers a trivial question (named
 * query {@code store/probe}). The
 * question goes to the store itself, not to the answer cache, and stops after the shorter of the query timeout and
 * {@link #TIMEOUT}.
 */
@Component("store")
class StoreHealth extends AbstractHealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Query ANYTHING = NamedQueryCatalog.query("store/probe");

    private final KnowledgeStore store;
    private final Duration timeout;

    StoreHealth(KnowledgeStore store, StoreProperties properties) {
        super("The knowledge store did not answer");
        this.store = CachingKnowledgeStore.unwrap(store);
        Duration queryTimeout = properties.query().timeout();
        this.timeout = queryTimeout.compareTo(TIMEOUT) < 0 ? queryTimeout : TIMEOUT;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long start = System.nanoTime();
        store.ask(ANYTHING, null, timeout);
        builder.up()
                .withDetail("store", store.describe())
                .withDetail("answeredInMs", (System.nanoTime() - start) / 1_000_000);
    }
}
