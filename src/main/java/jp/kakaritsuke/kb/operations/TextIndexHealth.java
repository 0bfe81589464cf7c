package jp.kakaritsuke.kb.operations;

import java.util.Optional;
import jp.kakaritsuke.kb.search.FullTextIndex;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the embedded full-text index (component {@code textIndex}, part of readiness): up when the index holds as
 * many texts as the store's statements of indexed properties hold distinct texts (the index keeps one document per
 * distinct text) — the check the index makes when the store opens. The
 * count costs a pass over those properties, so it is made once per state of the data: the answer is kept until the
 * next write. Over a remote store, which this application does not index, the component is up and says so.
 */
@Component("textIndex")
class TextIndexHealth extends AbstractHealthIndicator {

    private final KnowledgeStore store;
    private volatile Optional<FullTextIndex.Counts> known;

    TextIndexHealth(KnowledgeStore store) {
        super("The full-text index could not be read");
        this.store = store;
        if (store instanceof CachingKnowledgeStore caching) {
            caching.onChange(() -> known = null);
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<FullTextIndex.Counts> counts = known;
        if (counts == null || counts.map(c -> !c.agree()).orElse(false)) {
            // A write between counting the store and reading the index can make them differ once: count again.
            counts = count();
            if (counts.map(c -> !c.agree()).orElse(false)) {
                counts = count();
            }
            known = store instanceof CachingKnowledgeStore ? counts : null;
        }
        if (counts.isEmpty()) {
            builder.up().withDetail("index", "none (the store is not the embedded one)");
            return;
        }
        FullTextIndex.Counts c = counts.get();
        (c.agree() ? builder.up() : builder.down())
                .withDetail("indexedTexts", c.indexed())
                .withDetail("storedTexts", c.stored());
    }

    private Optional<FullTextIndex.Counts> count() {
        return CachingKnowledgeStore.unwrap(store) instanceof TdbKnowledgeStore tdb
                ? FullTextIndex.counts(tdb.datasetGraph())
                : Optional.empty();
    }
}
