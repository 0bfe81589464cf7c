package jp.kakaritsuke.kb.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class NamedQueryCatalogTest {

    private final NamedQueryCatalog catalog = new NamedQueryCatalog();

    @Test
    void everyFileOfTheQueriesFolderIsInTheCatalogue() throws IOException {
        List<String> files;
        Path folder = Path.of("queries");
        try (Stream<Path> paths = Files.walk(folder)) {
            files = paths.map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".rq"))
                    .map(name -> name.substring(0, name.length() - 3))
                    .sorted()
                    .toList();
        }
        assertThat(files).isNotEmpty();
        assertThat(catalog.all()).extracting(NamedQuery::name).containsExactlyElementsOf(files);
    }

    @Test
    void everyQueryHasBothTitlesAndIsSelectConstructOrAsk() {
        assertThat(catalog.all()).allSatisfy(q -> {
            assertThat(q.title("ja")).isNotBlank();
            assertThat(q.title("en")).isNotBlank();
            assertThat(q.query().isSelectType()
                            || q.query().isConstructType()
                            || q.query().isAskType())
                    .isTrue();
        });
    }

    @Test
    void theQueryPageOffersOnlyTheFilesDirectlyInTheFolder() {
        assertThat(catalog.published())
                .extracting(NamedQuery::name)
                .doesNotContain("export/graph-sizes")
                .contains("measures-for-cause");
        assertThat(catalog.get("export/graph-sizes").resultColumns()).containsExactly("graph", "triples");
        assertThat(catalog.get("export/resource-known").isAsk()).isTrue();
    }

    @Test
    void headerIsReadIntoTheRecord() {
        NamedQuery q = catalog.get("measures-for-cause");
        assertThat(q.title("ja")).isEqualTo("原因に対処する方策");
        assertThat(q.title("en")).isEqualTo("Measures that address a cause");
        assertThat(q.params())
                .containsExactly(new QueryParameter(
                        "cause",
                        QueryParameter.Kind.IRI,
                        "https://w3id.org/kakaritsuke/ontology#Cause",
                        "対象の原因",
                        "The cause",
                        false));
        assertThat(q.resultColumns()).isEqualTo(q.query().getResultVars());
        assertThat(catalog.get("causes-without-measures").params().get(0).optional())
                .isTrue();
        assertThat(catalog.get("worksheet-chain").isConstruct()).isTrue();
    }

    /**
     * A remote store receives a query with the given values written in place of their variables (Jena's substitution
     * of a binding, as {@code RemoteKnowledgeStore} asks for it): every query must stay SPARQL then.
     * {@code BOUND(?param)} did not — it became {@code BOUND(<iri>)}, which Fuseki and Virtuoso refused and which took
     * the page down; a parameter is read through a variable of its own.
     */
    @Test
    void everyQueryIsStillSparqlWithEveryParameterGivenAsARemoteStoreReceivesIt() {
        List<String> broken = new ArrayList<>();
        for (NamedQuery q : catalog.all()) {
            BindingBuilder given = Binding.builder();
            q.params()
                    .forEach(p -> given.add(
                            Var.alloc(p.name()),
                            p.kind() == QueryParameter.Kind.IRI
                                    ? NodeFactory.createURI("http://example.org/given/" + p.name())
                                    : NodeFactory.createLiteralString("2025")));
            String sent = asARemoteStoreReceivesIt(q.query(), given.build());
            try {
                QueryFactory.create(sent, Syntax.syntaxSPARQL_11);
            } catch (QueryParseException e) {
                broken.add(q.name() + ": " + e.getMessage());
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void aParameterInBoundIsCaughtByTheCheckAbove() {
        Query query = QueryFactory.create("SELECT ?s WHERE { ?s ?p ?o FILTER(!BOUND(?given) || ?o = ?given) }");
        String sent = asARemoteStoreReceivesIt(
                query,
                Binding.builder()
                        .add(Var.alloc("given"), NodeFactory.createURI("http://example.org/x"))
                        .build());
        assertThatThrownBy(() -> QueryFactory.create(sent, Syntax.syntaxSPARQL_11))
                .isInstanceOf(QueryParseException.class);
    }

    /** The text of {@code query} with {@code given} substituted: built only, never sent. */
    private static String asARemoteStoreReceivesIt(Query query, Binding given) {
        return QueryExecHTTP.service("http://localhost:1/sparql")
                .query(query)
                .substitution(given)
                .build()
                .getQueryString();
    }

    @Test
    void springBuildsTheComponentWithItsClasspathConstructor() {
        try (AnnotationConfigApplicationContext context =
                new AnnotationConfigApplicationContext(NamedQueryCatalog.class)) {
            assertThat(context.getBean(NamedQueryCatalog.class).all())
                    .extracting(NamedQuery::name)
                    .containsExactlyElementsOf(
                            catalog.all().stream().map(NamedQuery::name).toList());
        }
    }

    @Test
    void unknownNameIsATypedNotFound() {
        assertThatThrownBy(() -> catalog.get("no-such-query"))
                .isInstanceOf(NamedQueryNotFoundException.class)
                .hasMessageContaining("no-such-query");
    }

    @Test
    void aBrokenFileStopsTheWholeCatalogue() {
        String good = "# title.ja: 良い\n# title.en: Good\n# result: s\nSELECT ?s WHERE { ?s ?p ?o }\n";
        String bad = "# title.ja: 悪い\n# title.en: Bad\n# result: s\nSELECT ?s WHERE { ?s ?p }\n";
        assertThatThrownBy(() -> new NamedQueryCatalog(Map.of("good.rq", good, "bad.rq", bad)))
                .isInstanceOf(NamedQueryDefinitionException.class)
                .hasMessageStartingWith("bad.rq, line 4, column");
    }
}
