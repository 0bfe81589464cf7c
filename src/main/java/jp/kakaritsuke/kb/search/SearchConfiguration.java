package jp.kakaritsuke.kb.search;

import jp.kakaritsuke.kb.store.DatasetDecorator;
import jp.kakaritsuke.kb.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gives the embedded store its full-text index: the store opens TDB2 through this decorator. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    DatasetDecorator fullTextIndex(SearchProperties properties, StoreProperties store) {
        return new FullTextIndex(properties.indexLocation(), store.baseIri());
    }
}
