package jp.kakaritsuke.kb.authoring.security;

import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.fuseki.servlets.FusekiFilter;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /admin/sparql}: SPARQL Query, SPARQL Update and the Graph Store Protocol (read and write) over the embedded
 * store, for administrators only (HTTP Basic; see {@link SecurityConfiguration}).
 *
 * <p>It is a second data service in the same Fuseki registry as the public, query-only {@code /sparql}, served by a
 * second {@link FusekiFilter} registration. Fuseki answers a request itself and never passes it on, so its filter
 * must come after Spring Security's filter chain ({@code -100}); {@value #ADMIN_FILTER_ORDER} does. Writes made here
 * bypass the worksheet repository: no SHACL validation, no history. They are for repairs and bulk work by
 * administrators.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kb.store.kind", havingValue = "tdb2", matchIfMissing = true)
class AdminSparqlConfiguration {

    static final String SERVICE_NAME = "/admin/sparql";
    static final int ADMIN_FILTER_ORDER = 100;

    @Bean
    DataAccessPoint adminSparqlAccessPoint(
            KnowledgeStore store, DataAccessPointRegistry sparqlAccessPoints, OperationRegistry sparqlOperations) {
        if (!(CachingKnowledgeStore.unwrap(store) instanceof TdbKnowledgeStore tdb)) {
            throw new IllegalStateException("kb.store.kind is tdb2 but the knowledge store is " + store.describe());
        }
        Context union = new Context();
        union.set(TDB2.symUnionDefaultGraph, true);
        DataService service = DataService.newBuilder(tdb.datasetGraph())
                .addEndpoint(Endpoint.create()
                        .operation(Operation.Query)
                        .endpointName("")
                        .context(union)
                        .build())
                .addEndpoint(Endpoint.create()
                        .operation(Operation.Update)
                        .endpointName("")
                        .build())
                .addEndpoint(Endpoint.create()
                        .operation(Operation.GSP_RW)
                        .endpointName("")
                        .build())
                .build();
        service.setEndpointProcessors(sparqlOperations);
        service.goActive();
        DataAccessPoint accessPoint = new DataAccessPoint(SERVICE_NAME, service);
        sparqlAccessPoints.register(accessPoint);
        return accessPoint;
    }

    @Bean
    FilterRegistrationBean<FusekiFilter> adminSparqlFilter(DataAccessPoint adminSparqlAccessPoint) {
        FilterRegistrationBean<FusekiFilter> registration = new FilterRegistrationBean<>(new FusekiFilter());
        registration.setName("adminSparqlFilter");
        registration.addUrlPatterns(SERVICE_NAME, SERVICE_NAME + "/*");
        registration.setOrder(ADMIN_FILTER_ORDER);
        return registration;
    }
}
