package jp.kakaritsuke.kb.sparql;

import java.time.Duration;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.fuseki.servlets.FusekiFilter;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public SPARQL endpoint {@code /sparql} of the embedded store, served by Jena Fuseki's own protocol code inside
 * the Spring application (same Tomcat, same port).
 *
 * <p>This mirrors what {@code FusekiServer.Builder.build()} does for its Jetty: a {@link DataService} over the
 * store's dataset, registered under the name {@code /sparql} in a {@link DataAccessPointRegistry}; that registry and
 * an {@link OperationRegistry} are put on the servlet context, where {@link FusekiFilter} looks them up for every
 * request under {@code /sparql}. The service offers the SPARQL Query operation (with the {@link RowCap}) and Graph
 * Store Protocol reads only: no Update, no GSP writes, so every write request is refused and the store is unchanged.
 *
 * <p>The endpoint's context makes the default graph the union of the named graphs
 * ({@code TDB2.symUnionDefaultGraph}) and stops every query after {@code kb.query.timeout}
 * ({@code ARQ.queryTimeout}; Fuseki answers 503). The endpoint context is merged into each query execution's
 * context, so the store's other users are not affected by these settings.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kb.store.kind", havingValue = "tdb2", matchIfMissing = true)
class FusekiEndpointConfiguration {

    /** The name of the data service: Fuseki dispatches {@code /sparql} and {@code /sparql/...} to it. */
    static final String SERVICE_NAME = "/sparql";

    /**
     * Order of the Fuseki filter among the servlet filters. Fuseki answers the request itself and does not call
     * the rest of the chain, so everything that must see a request first has to sort before it: Spring Boot's
     * request-wrapping filters end at {@code OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER} (0) and Spring
     * Security's filter chain sits at {@code SecurityProperties.DEFAULT_FILTER_ORDER} (-100). A later security
     * configuration therefore runs before this filter without any change here.
     */
    static final int FUSEKI_FILTER_ORDER = 100;

    @Bean
    DataAccessPointRegistry sparqlAccessPoints(
            KnowledgeStore store, OperationRegistry sparqlOperations, StoreProperties properties) {
        Duration timeout = properties.query().timeout();
        Context context = new Context();
        context.set(TDB2.symUnionDefaultGraph, true);
        context.set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
        DataService service = DataService.newBuilder(localDataset(store))
                .addEndpoint(Endpoint.create()
                        .operation(Operation.Query)
                        .endpointName("")
                        .context(context)
                        .build())
                .addEndpoint(Endpoint.create()
                        .operation(Operation.GSP_R)
                        .endpointName("")
                        .context(context)
                        .build())
                .build();
        service.setEndpointProcessors(sparqlOperations);
        service.goActive();
        DataAccessPointRegistry registry = new DataAccessPointRegistry();
        registry.register(new DataAccessPoint(SERVICE_NAME, service));
        return registry;
    }

    @Bean
    OperationRegistry sparqlOperations(SparqlProperties properties) {
        OperationRegistry operations = new OperationRegistry(OperationRegistry.createStd());
        // Registered with its content type: Fuseki dispatches a direct POST (application/sparql-query) by it.
        operations.register(
                Operation.Query,
                WebContent.contentTypeSPARQLQuery,
                new CappedQueryProcessor(properties.maxRows(), properties.maxResultSize()));
        return operations;
    }

    @Bean
    ServletContextInitializer fusekiServletContext(
            DataAccessPointRegistry sparqlAccessPoints, OperationRegistry sparqlOperations) {
        return servletContext -> {
            OperationRegistry.set(servletContext, sparqlOperations);
            DataAccessPointRegistry.set(servletContext, sparqlAccessPoints);
        };
    }

    @Bean
    FilterRegistrationBean<FusekiFilter> fusekiFilter() {
        FilterRegistrationBean<FusekiFilter> registration = new FilterRegistrationBean<>(new FusekiFilter());
        registration.setName("fusekiFilter");
        registration.addUrlPatterns(SERVICE_NAME, SERVICE_NAME + "/*");
        registration.setOrder(FUSEKI_FILTER_ORDER);
        return registration;
    }

    private static DatasetGraph localDataset(KnowledgeStore store) {
        // The endpoint serves the dataset itself, past the application's answer cache: Fuseki reads it in its own
        // transactions, and the endpoint is read-only, so the cache cannot miss a write through it.
        if (CachingKnowledgeStore.unwrap(store) instanceof TdbKnowledgeStore tdb) {
            return tdb.datasetGraph();
        }
        throw new IllegalStateException("kb.store.kind is tdb2 but the knowledge store is " + store.describe());
    }
}
