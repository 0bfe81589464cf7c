package jp.kakaritsuke.kb.cross;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ResourceFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import jp.kakaritsuke.kb.store.KnowledgeStore;

/**
 * The named queries of {@code queries/} that the cross-region views run. Each file is read and parsed once, when the
 * application starts (a broken file stops it with the file's name, line and column); every run binds its one
 * parameter by name and has the configured timeout.
 */
@Component
class CrossQueries {

    static final String FUNCTIONS = "functions-to-compare";
    static final String MATRIX = "cause-measure-matrix";
    static final String CAUSE_CONTEXT = "cause-context";
    static final String SIMILAR_MEASURES = "similar-measures-for-cause";
    static final String RESOURCE_RANKING = "resource-ranking";
    static final String RESOURCE_CONCEPT = "resource-concept";
    static final String RESOURCE_USE = "resource-use";

    private static final List<String> NAMES = List.of(FUNCTIONS, MATRIX, CAUSE_CONTEXT, SIMILAR_MEASURES,
            RESOURCE_RANKING, RESOURCE_CONCEPT, RESOURCE_USE);

    private final KnowledgeStore store;
    private final Duration timeout;
    private final Map<String, Query> queries = new HashMap<>();

    CrossQueries(KnowledgeStore store, @Value("${kb.query.timeout:PT10S}") Duration timeout) {
        this.store = store;
        this.timeout = timeout;
        for (String name : NAMES) {
            queries.put(name, read(name));
        }
    }

    /** Runs a SELECT query with no parameter. */
    ResultSetRewindable select(String name) {
        return store.select(queries.get(name), new QuerySolutionMap(), timeout);
    }

    /** Runs a SELECT query with one IRI parameter bound by name. */
    ResultSetRewindable select(String name, String parameter, String iri) {
        return store.select(queries.get(name), bind(parameter, iri), timeout);
    }

    /** Runs a CONSTRUCT query with one IRI parameter bound by name. */
    Model construct(String name, String parameter, String iri) {
        return store.construct(queries.get(name), bind(parameter, iri), timeout);
    }

    private static QuerySolutionMap bind(String parameter, String iri) {
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add(parameter, ResourceFactory.createResource(NodeFactory.createURI(iri).getURI()));
        return bindings;
    }

    private static Query read(String name) {
        String file = "queries/" + name + ".rq";
        String text;
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            throw new IllegalStateException(file + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(),
                    e);
        }
    }
}
