package jp.kakaritsuke.kb.sparql;

import java.net.URI;
import java.time.Duration;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.RemoteKnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of {@code /sparql} shared by both store kinds: the service description in front of the protocol
 * handler, and, in remote mode, the forwarder that stands in for Fuseki (see {@link FusekiEndpointConfiguration}
 * for the embedded store), and around both the {@link WholeResultFilter} that sends only complete answers within
 * the byte cap.
 */
@Configuration(proxyBeanMethods = false)
class SparqlEndpointConfiguration {

    static {
        // CSV results open in spreadsheets as data, not formulas.
        SpreadsheetSafeCsv.register();
    }

    @Bean
    FilterRegistrationBean<SparqlFrontFilter> sparqlFrontFilter(KnowledgeStore store) {
        FilterRegistrationBean<SparqlFrontFilter> registration =
                new FilterRegistrationBean<>(new SparqlFrontFilter(store));
        registration.setName("sparqlFrontFilter");
        registration.addUrlPatterns(
                FusekiEndpointConfiguration.SERVICE_NAME, FusekiEndpointConfiguration.SERVICE_NAME + "/");
        registration.setOrder(FusekiEndpointConfiguration.FUSEKI_FILTER_ORDER - 1);
        return registration;
    }

    /** Around everything under /sparql, so that only complete answers within the byte cap are sent. */
    @Bean
    FilterRegistrationBean<WholeResultFilter> wholeResultFilter(SparqlProperties properties) {
        FilterRegistrationBean<WholeResultFilter> registration =
                new FilterRegistrationBean<>(new WholeResultFilter(properties.maxResultSize()));
        registration.setName("wholeResultFilter");
        registration.addUrlPatterns(
                FusekiEndpointConfiguration.SERVICE_NAME, FusekiEndpointConfiguration.SERVICE_NAME + "/*");
        registration.setOrder(FusekiEndpointConfiguration.FUSEKI_FILTER_ORDER - 2);
        return registration;
    }

    @Bean
    @ConditionalOnProperty(name = "kb.store.kind", havingValue = "remote")
    FilterRegistrationBean<RemoteSparqlForwarder> remoteSparqlForwarder(
            KnowledgeStore store, StoreProperties properties) {
        Duration timeout = properties.query().timeout();
        if (!(CachingKnowledgeStore.unwrap(store) instanceof RemoteKnowledgeStore remote)) {
            throw new IllegalStateException("kb.store.kind is remote but the knowledge store is " + store.describe());
        }
        FilterRegistrationBean<RemoteSparqlForwarder> registration = new FilterRegistrationBean<>(
                new RemoteSparqlForwarder(URI.create(remote.queryUrl()), URI.create(remote.gspUrl()), timeout));
        registration.setName("remoteSparqlForwarder");
        registration.addUrlPatterns(
                FusekiEndpointConfiguration.SERVICE_NAME, FusekiEndpointConfiguration.SERVICE_NAME + "/*");
        registration.setOrder(FusekiEndpointConfiguration.FUSEKI_FILTER_ORDER);
        return registration;
    }
}
