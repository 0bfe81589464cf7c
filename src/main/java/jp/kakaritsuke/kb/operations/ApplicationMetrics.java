package jp.kakaritsuke.kb.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jp.kakaritsuke.kb.search.FullTextIndex;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import org.springframework.stereotype.Component;

/**
 * The answer cache's figures as metrics: {@code kb.cache.requests} (tagged {@code result=hit|miss}), {@code
 * kb.cache.hit.ratio}, {@code kb.cache.entries} and {@code kb.cache.cells}. Store request timings are {@code
 * kb.store.requests} (see {@link jp.kakaritsuke.kb.store.TimedKnowledgeStore}); request timings are Spring's {@code
 * http.server.requests}; the embedded text index's size is {@code kb.text.index.texts}.
 */
@Component
class ApplicationMetrics implements MeterBinder {

    private final KnowledgeStore store;

    ApplicationMetrics(KnowledgeStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (CachingKnowledgeStore.unwrap(store) instanceof TdbKnowledgeStore tdb
                && FullTextIndex.size(tdb.datasetGraph()) >= 0) {
            Gauge.builder("kb.text.index.texts", tdb, t -> FullTextIndex.size(t.datasetGraph()))
                    .description("Texts in the full-text index")
                    .register(registry);
        }
        if (!(store instanceof CachingKnowledgeStore cache)) {
            return;
        }
        FunctionCounter.builder("kb.cache.requests", cache, c -> c.stats().hits())
                .tag("result", "hit")
                .description("Store questions answered from the answer cache")
                .register(registry);
        FunctionCounter.builder("kb.cache.requests", cache, c -> c.stats().misses())
                .tag("result", "miss")
                .description("Store questions the answer cache had to ask the store")
                .register(registry);
        Gauge.builder("kb.cache.hit.ratio", cache, ApplicationMetrics::hitRatio)
                .description("Share of store questions answered from the cache since start")
                .register(registry);
        Gauge.builder("kb.cache.entries", cache, c -> c.stats().entries())
                .description("Answers held by the cache")
                .register(registry);
        Gauge.builder("kb.cache.cells", cache, c -> c.stats().cells())
                .description("Result cells and triples held by the cache (bounded by kb.cache.max-cells)")
                .register(registry);
    }

    private static double hitRatio(CachingKnowledgeStore cache) {
        CachingKnowledgeStore.Stats stats = cache.stats();
        long all = stats.hits() + stats.misses();
        return all == 0 ? 0 : (double) stats.hits() / all;
    }
}
