package jp.kakaritsuke.kb.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
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
     * of a binding): every query must stay SPARQL then. {@code BOUND(?param)} did not — it became {@code BOUND(<iri>)},
     * which Virtuoso refused (SP030) and took the page down; a parameter is read through a variable of its own.
     */
    @Test
    void everyQueryIsStillSparqlWithEveryParameterGivenAsARemoteStoreReceivesIt() {
        assertThat(catalog.all()).allSatisfy(q -> {
            Map<Var, Node> values = new HashMap<>();
            q.params()
                    .forEach(p -> values.put(
                            Var.alloc(p.name()),
                            p.kind() == QueryParameter.Kind.IRI
                                    ? NodeFactory.createURI("http://example.org/given/" + p.name())
                                    : NodeFactory.createLiteralString("2025")));
            Query sent = QueryTransformOps.replaceVars(q.query(), values);
            try {
                QueryFactory.create(sent.serialize(), Syntax.syntaxSPARQL_11);
            } catch (QueryParseException e) {
                throw new AssertionError(q.name() + " with every parameter given: " + e.getMessage(), e);
            }
        });
    }

    @Test
    void aParameterInBoundIsCaughtByTheCheckAbove() {
        Query query = QueryFactory.create("SELECT ?s WHERE { ?s ?p ?o FILTER(!BOUND(?given) || ?o = ?given) }");
        Query sent = QueryTransformOps.replaceVars(
                query, Map.of(Var.alloc("given"), NodeFactory.createURI("http://example.org/x")));
        assertThatThrownBy(() -> QueryFactory.create(sent.serialize(), Syntax.syntaxSPARQL_11))
                .isInstanceOf(QueryParseException.class);
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
