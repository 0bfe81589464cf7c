package jp.kakaritsuke.kb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.search.FullTextIndex;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingProject;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * File-driven tests of every query of the application, in the manner of Jena's own test suites. Each folder
 * {@code src/test/resources/queries/{query}/{case}/} ({@code {query}} may be {@code export/graph-sizes}) holds the data ({@code data.trig}, and/or {@code data.ref}
 * naming folders of {@code data/}, one a line, or {@code case:{query}/{case}} for another case's {@code data.trig}), the parameters ({@code params.properties}, IRIs may be relative to
 * the base) and the expected answer ({@code expected.srj} for SELECT and ASK, {@code expected.ttl} for CONSTRUCT). The
 * ontology is always loaded into its graph, as in the application. Results are compared as result sets by term, in
 * order when the query has ORDER BY; graphs by isomorphism.
 */
class NamedQueryCasesTest {

    private static final Path CASES = Path.of("src/test/resources/queries");
    private static final Path DATA = Path.of("data");
    /** A {@code data.ref} line naming another case, whose {@code data.trig} the case shares. */
    private static final String OTHER_CASE = "case:";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final NamedQueryCatalog catalog = new NamedQueryCatalog();

    @TestFactory
    Stream<DynamicNode> everyCase() {
        return catalog.all().stream()
                .map(NamedQuery::name)
                .filter(name -> Files.isDirectory(CASES.resolve(name)))
                .map(name -> DynamicContainer.dynamicContainer(
                        name,
                        dirs(CASES.resolve(name))
                                .map(caseDir -> DynamicTest.dynamicTest(
                                        caseDir.getFileName().toString(),
                                        caseDir.toUri(),
                                        () -> runCase(name, caseDir)))));
    }

    @Test
    void everyNamedQueryHasAtLeastOneCase() {
        Set<String> withoutCase = new TreeSet<>();
        for (NamedQuery query : catalog.all()) {
            Path dir = CASES.resolve(query.name());
            if (!Files.isDirectory(dir) || dirs(dir).findAny().isEmpty()) {
                withoutCase.add(query.name());
            }
        }
        assertTrue(withoutCase.isEmpty(), "named queries without a test case: " + withoutCase);
    }

    @Test
    void everyCaseFolderNamesAQuery() throws IOException {
        try (Stream<Path> files = Files.walk(CASES)) {
            List<Path> expected = files.filter(f -> f.getFileName().toString().startsWith("expected."))
                    .toList();
            assertTrue(!expected.isEmpty(), "no cases under " + CASES);
            expected.forEach(file -> catalog.get(
                    CASES.relativize(file.getParent().getParent()).toString().replace('\\', '/')));
        }
    }

    private void runCase(String queryName, Path caseDir) throws IOException {
        NamedQuery query = catalog.get(queryName);
        // The search queries run on the store as the application has it: with the full-text index.
        try (TdbKnowledgeStore store = queryName.startsWith("search/")
                ? TdbKnowledgeStore.inMemory(new FullTextIndex(null, QueryFixtures.BASE))
                : TdbKnowledgeStore.inMemory()) {
            store.replaceGraphs(QueryFixtures.ontology());
            for (Path file : dataFiles(caseDir)) {
                store.replaceGraphs(QueryFixtures.trig(file));
            }
            NamedQueryRunner runner = new NamedQueryRunner(catalog, store, TIMEOUT, QueryFixtures.BASE);
            Map<String, String> params = params(caseDir.resolve("params.properties"));
            if (query.isAsk()) {
                boolean expected =
                        ResultSetMgr.readBoolean(caseDir.resolve("expected.srj").toString(), ResultSetLang.RS_JSON);
                assertEquals(expected, runner.ask(queryName, params), caseDir + ": ASK answer");
            } else if (query.isConstruct()) {
                Model actual = runner.construct(queryName, params);
                Graph expected = GraphFactory.createDefaultGraph();
                RDFParser.source(caseDir.resolve("expected.ttl"))
                        .base(QueryFixtures.BASE)
                        .lang(Lang.TURTLE)
                        .parse(expected);
                if (!actual.getGraph().isIsomorphicWith(expected)) {
                    fail(caseDir + ": graph differs\n--- expected\n" + turtle(expected) + "--- actual\n"
                            + turtle(actual.getGraph()));
                }
            } else {
                ResultSetRewindable expected;
                try (InputStream in = Files.newInputStream(caseDir.resolve("expected.srj"))) {
                    expected = ResultSetMgr.read(in, ResultSetLang.RS_JSON).rewindable();
                }
                ResultSetRewindable actual = project(runner.select(queryName, params), expected.getResultVars());
                boolean ordered = query.query().hasOrderBy();
                boolean same = ordered
                        ? ResultSetCompare.equalsByTermAndOrder(expected, actual)
                        : ResultSetCompare.equalsByTerm(expected, actual);
                if (!same) {
                    expected.reset();
                    actual.reset();
                    fail(caseDir + ": results differ" + (ordered ? " (in order)" : "") + "\n--- expected\n"
                            + table(expected) + "--- actual\n" + table(actual));
                }
            }
        }
    }

    /**
     * The actual rows restricted to the expected file's columns, when it names fewer: cases on the seed data check
     * the columns they are about, not every translation that an edit of the seed could change.
     */
    private static ResultSetRewindable project(ResultSetRewindable actual, List<String> columns) {
        if (actual.getResultVars().equals(columns)) {
            return actual;
        }
        if (!actual.getResultVars().containsAll(columns)) {
            fail("expected columns " + columns + " are not all among the query's " + actual.getResultVars());
        }
        List<Var> vars = Var.varList(columns);
        List<Binding> rows = new ArrayList<>();
        RowSet.adapt(actual).forEachRemaining(row -> rows.add(new BindingProject(vars, row)));
        return ResultSet.adapt(RowSetStream.create(vars, rows.iterator())).rewindable();
    }

    /** The fixture file and the data folders that {@code data.ref} names. */
    private static List<Path> dataFiles(Path caseDir) throws IOException {
        Stream<Path> refs = Stream.empty();
        Path ref = caseDir.resolve("data.ref");
        if (Files.exists(ref)) {
            refs = Files.readAllLines(ref, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .flatMap(folder -> folder.startsWith(OTHER_CASE)
                            ? Stream.of(CASES.resolve(folder.substring(OTHER_CASE.length()))
                                    .resolve("data.trig"))
                            : QueryFixtures.trigFiles(DATA.resolve(folder)).stream());
        }
        Path fixture = caseDir.resolve("data.trig");
        Stream<Path> own = Files.exists(fixture) ? Stream.of(fixture) : Stream.empty();
        List<Path> files = Stream.concat(refs, own).toList();
        if (files.isEmpty()) {
            throw new IllegalArgumentException(caseDir + ": neither data.trig nor data.ref");
        }
        return files;
    }

    private static Map<String, String> params(Path file) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(name -> params.put(name, properties.getProperty(name)));
        }
        return params;
    }

    private static Stream<Path> dirs(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String table(ResultSet rs) {
        return ResultSetFormatter.asText(rs);
    }

    private static String turtle(Graph graph) {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, graph, Lang.TURTLE);
        return out.toString();
    }
}
