package jp.kakaritsuke.kb.store;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the application's {@link KnowledgeStore} from the {@code kb.store.*} properties and loads the shipped data
 * into it before any other bean can use it. An embedded store works through the {@link DatasetDecorator} bean, if
 * there is one (the full-text index). Unless {@code kb.cache.max-cells} is 0, the application sees the store through
 * an answer cache emptied by every write ({@link CachingKnowledgeStore}); what reaches the store under it is timed
 * ({@link TimedKnowledgeStore}). Spring closes the store on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    KnowledgeStore knowledgeStore(
            StoreProperties properties,
            ObjectProvider<DatasetDecorator> decorator,
            CacheProperties cache,
            ObjectProvider<MeterRegistry> meters,
            StoreQueries queries) {
        KnowledgeStore store = open(properties, decorator.getIfAvailable(), queries);
        try {
            DataLoader.from(properties).loadIfNeeded(store, properties.data().reload());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            store = new TimedKnowledgeStore(store, registry);
        }
        if (cache.maxCells() > 0) {
            store = new CachingKnowledgeStore(store, cache.maxCells(), cache.timeToLive(), true);
        }
        log.info("Knowledge store: {}", store.describe());
        return store;
    }

    private static KnowledgeStore open(StoreProperties properties, DatasetDecorator decorator, StoreQueries queries) {
        StoreProperties.Store store = properties.store();
        return switch (store.kind()) {
            case TDB2 -> TdbKnowledgeStore.open(store.tdb2().location(), decorator);
            case REMOTE ->
                new RemoteKnowledgeStore(store.remote(), properties.query().timeout(), queries);
        };
    }
}
