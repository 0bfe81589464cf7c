package jp.kakaritsuke.kb.query;

import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.store.StoreQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query catalogue of the classpath; runs its queries against the configured store with the configured timeout and base IRI. */
@Configuration
class QueryConfiguration {

    @Bean
    NamedQueryCatalog namedQueryCatalog() {
        return NamedQueryCatalog.classpath();
    }

    @Bean
    StoreQueries storeQueries(NamedQueryCatalog catalog) {
        return catalog.storeQueries();
    }

    @Bean
    NamedQueryRunner namedQueryRunner(NamedQueryCatalog catalog, KnowledgeStore store, StoreProperties properties) {
        return new NamedQueryRunner(catalog, store, properties.query().timeout(), properties.baseIri());
    }
}
