package jp.kakaritsuke.kb.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.testdata.RdfAssertions;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoWorksheetGeneratorTest {

    private static final String BASE = "http://example.org/kb/";
    private static final Path COMMITTED = Path.of("data", "demo", "demo.trig");
    private static final String ONTOLOGY_GRAPH = KK.ONTOLOGY;
    private static final String PREFIXES = """
            PREFIX kk: <https://w3id.org/kakaritsuke/ontology#>
            PREFIX kkst: <https://w3id.org/kakaritsuke/status/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            """;

    /** Synthetic worksheets that break the expected shape, with the first problem found. */
    private static final String SHAPE_VIOLATIONS = """
            SELECT ?w ?problem {
              GRAPH ?g { ?w a kk:Worksheet ; kk:synthetic true }
              OPTIONAL { SELECT ?w (COUNT(DISTINCT ?a) AS ?areas) { ?w kk:area ?a } GROUP BY ?w }
              OPTIONAL { SELECT ?w (COUNT(DISTINCT ?f) AS ?functions) { ?w kk:function ?f } GROUP BY ?w }
              OPTIONAL { SELECT ?w (COUNT(DISTINCT ?c) AS ?causes) { ?w kk:hasCause ?c } GROUP BY ?w }
              OPTIONAL { SELECT ?w (COUNT(DISTINCT ?i) AS ?indicators) { ?w kk:hasIndicator ?i } GROUP BY ?w }
              BIND (COALESCE(
                IF(COALESCE(?areas, 0) != 1, "areas", 1/0),
                IF(COALESCE(?functions, 0) != 1, "functions", 1/0),
                IF(COALESCE(?causes, 0) < 1, "causes", 1/0),
                IF(COALESCE(?indicators, 0) < 1 || ?indicators > 2, "indicators", 1/0),
                IF(NOT EXISTS { ?w kk:area ?a . { ?a a kk:VisionZone } UNION { ?a a kk:Prefecture } },
                   "area kind", 1/0),
                IF(NOT EXISTS { ?w dct:title ?t FILTER (lang(?t) = "ja" && STRSTARTS(?t, "【合成】")) },
                   "ja title", 1/0),
                IF(NOT EXISTS { ?w kk:translation ?t FILTER (lang(?t) = "en" && STRSTARTS(?t, "[synthetic]")) },
                   "en title", 1/0),
                IF(NOT EXISTS { ?w kk:status ?s FILTER (?s IN (kkst:draft, kkst:agreed)) }, "status", 1/0),
                IF(NOT EXISTS { ?w kk:fiscalYear ?y }, "fiscal year", 1/0),
                IF(NOT EXISTS { ?w prov:wasAttributedTo ?agent . ?agent a prov:SoftwareAgent ; rdfs:label ?l1 , ?l2
                                FILTER (lang(?l1) = "ja" && lang(?l2) = "en") }, "agent", 1/0),
                IF(NOT EXISTS { ?w prov:wasDerivedFrom ?e . ?e kk:status kkst:example ; kk:function ?f0 .
                                ?w kk:function ?f0 }, "derivation", 1/0),
                IF(EXISTS { ?w kk:status kkst:agreed } && NOT EXISTS { ?w kk:hasReview ?r . ?r kk:reviewDate ?d },
                   "review", 1/0),
                IF(EXISTS { ?w kk:status kkst:draft } && EXISTS { ?w kk:hasReview ?r }, "draft review", 1/0)
              ) AS ?problem)
              FILTER (BOUND(?problem))
            }""";

    /** Causes that no measure of the same worksheet addresses. */
    private static final String UNADDRESSED_CAUSES = """
            SELECT ?w ?cause {
              GRAPH ?g { ?w kk:synthetic true ; kk:hasCause ?cause }
              FILTER NOT EXISTS { GRAPH ?g { ?w kk:hasMeasure ?m . ?m kk:addresses ?cause } }
            }""";

    private static DatasetGraph input;
    private static DatasetGraph demo;
    /** The demo worksheets, the seed, the areas and the ontology in one TDB2 store. */
    private static DatasetGraph store;

    @BeforeAll
    static void generate() throws IOException {
        input = DemoWorksheetGenerator.loadInput(Path.of("data"), BASE);
        demo = new DemoWorksheetGenerator(input, BASE, DemoWorksheetGenerator.DEFAULT_SEED)
                .generate(DemoWorksheetGenerator.Scale.DEMO, 1);
        store = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(store, () -> {
            input.find().forEachRemaining(store::add);
            demo.find().forEachRemaining(store::add);
        });
        try (Stream<Path> files = Files.list(Path.of("ontology"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ttl") && !f.endsWith("shapes.ttl"))
                    .toList()) {
                Txn.executeWrite(
                        store,
                        () -> RDFParser.source(file)
                                .lang(Lang.TURTLE)
                                .parse(store.getGraph(NodeFactory.createURI(ONTOLOGY_GRAPH))));
            }
        }
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void generationIsDeterministic() {
        DatasetGraph again = new DemoWorksheetGenerator(
                        DemoWorksheetGenerator.loadInput(Path.of("data"), BASE),
                        BASE,
                        DemoWorksheetGenerator.DEFAULT_SEED)
                .generate(DemoWorksheetGenerator.Scale.DEMO, 1);
        assertIsomorphic(demo, again);
    }

    @Test
    void theCommittedDemoFileIsAFreshGenerationWithRelativeIris() {
        DatasetGraph committed = DatasetGraphFactory.create();
        RDFParser.source(COMMITTED).lang(Lang.TRIG).base(BASE).parse(committed);
        assertIsomorphic(demo, committed);
        Set<String> absolute = new HashSet<>();
        committed.find().forEachRemaining(q -> {
            for (Node n : List.of(q.getGraph(), q.getSubject(), q.getObject())) {
                if (n.isURI() && n.getURI().startsWith(DemoWorksheetGenerator.BUILD_BASE)) {
                    absolute.add(n.getURI());
                }
            }
        });
        assertEquals(Set.of(), absolute);
    }

    @Test
    void theWrittenFileHoldsWhatIsGenerated(@TempDir Path dir) {
        Path out = dir.resolve("years.trig");
        DemoWorksheetGenerator generator = new DemoWorksheetGenerator(input, BASE, 7L);
        assertEquals(90, generator.write(DemoWorksheetGenerator.Scale.DEMO, 3, out, null));
        DatasetGraph written = DatasetGraphFactory.create();
        RDFParser.source(out).lang(Lang.TRIG).base(BASE).parse(written);
        assertIsomorphic(generator.generate(DemoWorksheetGenerator.Scale.DEMO, 3), written);
    }

    @Test
    void intoStoreWritesWhatIsGeneratedInBatches() {
        DemoWorksheetGenerator generator = new DemoWorksheetGenerator(input, BASE, 7L);
        try (TdbKnowledgeStore target = TdbKnowledgeStore.inMemory()) {
            // 47 prefectures × 5 functions: more than one batch.
            assertEquals(235, generator.load(DemoWorksheetGenerator.Scale.PREFECTURES, 1, target, null));
            assertTrue(235 > DemoWorksheetGenerator.STORE_BATCH);
            DatasetGraph loaded = DatasetGraphFactory.create();
            target.forEachQuad(loaded::add);
            assertIsomorphic(generator.generate(DemoWorksheetGenerator.Scale.PREFECTURES, 1), loaded);
        }
    }

    @Test
    void theDemoSpreadsOverAreasPrefecturesAndAllFunctions() {
        assertEquals(List.of(List.of("30", "5", "14", "14")), rows("""
                SELECT (COUNT(DISTINCT ?w) AS ?sheets) (COUNT(DISTINCT ?f) AS ?functions)
                       (COUNT(DISTINCT ?a) AS ?areas) (COUNT(DISTINCT ?p) AS ?prefectures) {
                  ?w kk:synthetic true ; kk:function ?f ; kk:area ?a .
                  { ?a a kk:Prefecture BIND (?a AS ?p) } UNION { ?a a kk:VisionZone ; kk:inPrefecture ?p }
                }"""));
        assertEquals(List.of(List.of("12")), rows("""
                SELECT (COUNT(DISTINCT ?a) AS ?zones) { ?w kk:synthetic true ; kk:area ?a . ?a a kk:VisionZone }"""));
    }

    @Test
    void everyWorksheetHasOneAreaOneFunctionCausesAndItsMarks() {
        assertNoRows("worksheets breaking the shape of a synthetic worksheet", SHAPE_VIOLATIONS);
    }

    @Test
    void everyCauseIsAddressedByAMeasureOfItsOwnWorksheet() {
        assertNoRows("causes no measure of the same worksheet addresses", UNADDRESSED_CAUSES);
        assertNoRows("measures addressing a cause of another worksheet, or indicators tracking one", """
                SELECT ?w ?x ?y {
                  GRAPH ?g { ?w kk:synthetic true ; kk:hasMeasure|kk:hasIndicator ?x .
                             ?x kk:addresses|kk:tracks ?y }
                  FILTER NOT EXISTS { GRAPH ?g { ?w kk:hasCause|kk:hasMeasure ?y } }
                }""");
    }

    @Test
    void theChecksFindABrokenWorksheet() {
        DatasetGraph broken = DatabaseMgr.createDatasetGraph();
        List<Quad> all = Txn.calculateRead(store, () -> Iter.toList(store.find()));
        String someWorksheet = rows("SELECT ?w { ?w kk:synthetic true } ORDER BY ?w LIMIT 1")
                .get(0)
                .get(0);
        Txn.executeWrite(broken, () -> {
            all.forEach(broken::add);
            Node worksheet = NodeFactory.createURI(someWorksheet);
            Node area = NodeFactory.createURI("https://w3id.org/kakaritsuke/ontology#area");
            Node addresses = NodeFactory.createURI("https://w3id.org/kakaritsuke/ontology#addresses");
            broken.deleteAny(Node.ANY, worksheet, area, Node.ANY);
            broken.deleteAny(Node.ANY, Node.ANY, addresses, Node.ANY);
        });
        try {
            // Every worksheet has at least one cause, and now none is addressed.
            assertTrue(select(broken, UNADDRESSED_CAUSES).size() >= 30);
            ResultSetRewindable shape = select(broken, SHAPE_VIOLATIONS);
            assertEquals(1, shape.size());
            assertEquals("areas", shape.next().getLiteral("problem").getLexicalForm());
        } finally {
            broken.close();
        }
    }

    @Test
    void itemWordingIsAnExamplesOrTheGeneratorsOwnWithItsTranslation() {
        assertNoRows("items other than causes and measures whose text is not that of an example item", """
                SELECT ?item ?text {
                  GRAPH ?g { ?w kk:synthetic true ; kk:hasChallenge|kk:hasTargetState|kk:hasExpectedEffect
                             |(kk:hasMeasure/(kk:hasAction|kk:hasRoleAssignment)) ?item .
                             ?item kk:text ?text ; kk:translation ?en }
                  FILTER NOT EXISTS {
                    GRAPH ?e { ?example kk:status kkst:example . ?source kk:text ?text ; kk:translation ?en }
                  }
                }""");
        assertNoRows("causes or measures without a Japanese text and an English translation", """
                SELECT ?item {
                  GRAPH ?g { ?w kk:synthetic true ; kk:hasCause|kk:hasMeasure ?item }
                  FILTER NOT EXISTS { GRAPH ?g { ?item kk:text ?t ; kk:translation ?en
                                                 FILTER (lang(?t) = "ja" && lang(?en) = "en") } }
                }""");
        List<List<String>> varied = rows("""
                SELECT (COUNT(DISTINCT ?actor) AS ?actors) (COUNT(DISTINCT ?reworded) AS ?rewordedCauses)
                       (COUNT(DISTINCT ?causeText) AS ?causeTexts) {
                  ?w kk:synthetic true ; kk:hasMeasure/kk:hasRoleAssignment/kk:assignedTo ?actor ;
                     kk:hasCause ?cause .
                  ?cause kk:text ?causeText .
                  BIND (IF(EXISTS { ?example kk:status kkst:example ; kk:hasCause/kk:text ?causeText }, 1/0, ?cause)
                        AS ?reworded)
                }""");
        assertTrue(Integer.parseInt(varied.get(0).get(0)) > 10, "role actors vary: " + varied);
        assertTrue(Integer.parseInt(varied.get(0).get(1)) > 10, "causes are reworded: " + varied);
        assertTrue(Integer.parseInt(varied.get(0).get(2)) > 20, "cause wordings vary: " + varied);
    }

    @Test
    void everyCauseAndMeasureHasATypeAndEveryMeasureIsOnTheWorksheetsFunction() {
        assertNoRows("synthetic causes or measures without a type", """
                SELECT ?item {
                  { ?w kk:synthetic true ; kk:hasCause ?item FILTER NOT EXISTS { ?item kk:causeType ?t } }
                  UNION
                  { ?w kk:synthetic true ; kk:hasMeasure ?item FILTER NOT EXISTS { ?item kk:measureType ?t } }
                }""");
        // A measure is worded either as one of an example of the worksheet's own function or by the generator's
        // vocabulary, whose phrasings never come from another function's example.
        assertNoRows("measures worded as a measure of an example of another function", """
                SELECT ?m ?text {
                  ?w kk:synthetic true ; kk:function ?f ; kk:hasMeasure ?m .
                  ?m kk:text ?text .
                  ?example kk:status kkst:example ; kk:function ?other ; kk:hasMeasure/kk:text ?text .
                  FILTER (?other != ?f)
                  FILTER NOT EXISTS { ?same kk:status kkst:example ; kk:function ?f ; kk:hasMeasure/kk:text ?text }
                }""");
        List<List<String>> extra = rows("""
                SELECT (COUNT(DISTINCT ?m) AS ?own) {
                  ?w kk:synthetic true ; kk:hasMeasure ?m .
                  FILTER NOT EXISTS { ?m kk:hasRoleAssignment ?r }
                  FILTER NOT EXISTS { ?m kk:hasAction ?a }
                }""");
        assertTrue(Integer.parseInt(extra.get(0).get(0)) > 0, "some areas add a measure of their own: " + extra);
    }

    @Test
    void theMatrixForHomeCareHasOneRowPerCauseTypeNotPerWording() throws IOException {
        // The named query of /causes, unchanged, with its function bound as the page binds it.
        String query = Files.readString(Path.of("queries", "cause-type-rows.rq"))
                .replace("?function", "<https://w3id.org/kakaritsuke/function/f2-ha>");
        List<List<String>> typeRows = rows(query);
        Set<String> types = typeRows.stream().map(r -> r.get(0)).collect(Collectors.toSet());
        assertEquals(typeRows.size(), types.size(), "one row per type: " + typeRows);
        assertTrue(
                types.stream().allMatch(t -> t.startsWith("https://w3id.org/kakaritsuke/cause-type/")),
                "every cause of the shipped data has a type: " + typeRows);
        int wordings = Integer.parseInt(rows("""
                SELECT (COUNT(DISTINCT ?text) AS ?n) {
                  ?w kk:function <https://w3id.org/kakaritsuke/function/f2-ha> ; kk:hasCause/kk:text ?text }""").get(0).get(0));
        assertTrue(wordings > 2 * types.size(), wordings + " wordings fall into " + types.size() + " rows");
        assertEquals(
                Set.of(
                        "https://w3id.org/kakaritsuke/cause-type/provider-shortage",
                        "https://w3id.org/kakaritsuke/cause-type/lack-of-experience"),
                types,
                "the home-care causes are of the example's two types, however worded");
    }

    @Test
    void onlyTheOntologysTermsAndConceptsAreUsed() {
        assertNoRows("project terms not defined in the ontology", """
                SELECT DISTINCT ?term {
                  GRAPH ?g { ?w kk:synthetic true } GRAPH ?g { { ?s ?term ?o } UNION { ?s ?p ?term } }
                  FILTER (isIRI(?term) && STRSTARTS(STR(?term), "https://w3id.org/kakaritsuke/"))
                  FILTER NOT EXISTS { GRAPH <%s> { ?term a ?type } }
                }""".formatted(ONTOLOGY_GRAPH));
        assertNoRows("links to a concept outside the property's scheme", """
                SELECT ?s ?p ?concept {
                  VALUES (?p ?scheme) {
                    (kk:usesResource kk:resources) (kk:mentions kk:resources) (kk:involvesActor kk:actorTypes)
                    (kk:viewpoint kk:actorTypes) (kk:assignedTo kk:actorTypes) (kk:function kk:functions)
                    (kk:status kk:statuses)
                  }
                  GRAPH ?g { ?w kk:synthetic true } GRAPH ?g { ?s ?p ?concept }
                  FILTER NOT EXISTS { GRAPH <%s> { ?concept skos:inScheme ?scheme } }
                }""".formatted(ONTOLOGY_GRAPH));
    }

    @Test
    void largerScalesCoverEveryAreaWithEveryFunction() {
        DemoWorksheetGenerator generator = new DemoWorksheetGenerator(input, BASE, 1L);
        assertEquals(
                47 * 5,
                generator.plan(DemoWorksheetGenerator.Scale.PREFECTURES, 1).size());
        assertEquals(
                339 * 5 * 2,
                generator.plan(DemoWorksheetGenerator.Scale.ZONES, 2).size());
        long municipalities = Long.parseLong(rows("SELECT (COUNT(DISTINCT ?m) AS ?n) { ?m a kk:Municipality }")
                .get(0)
                .get(0));
        assertEquals(
                municipalities * 5,
                generator.plan(DemoWorksheetGenerator.Scale.MUNICIPALITIES, 1).size());
        List<WorksheetSynthesizer.Target> years = generator.plan(DemoWorksheetGenerator.Scale.DEMO, 3);
        assertEquals(
                Set.of(2026, 2027, 2028),
                years.stream().map(WorksheetSynthesizer.Target::fiscalYear).collect(Collectors.toSet()));
        assertTrue(years.stream().filter(t -> t.fiscalYear() < 2028).allMatch(WorksheetSynthesizer.Target::agreed));
    }

    @Test
    void badOptionsAndMissingExamplesAreReportedClearly() {
        DemoDataException scale = assertThrows(
                DemoDataException.class, () -> DemoWorksheetGenerator.main(new String[] {"--scale", "tiny"}));
        assertTrue(scale.getMessage().contains("\"tiny\""), scale.getMessage());
        DemoDataException years =
                assertThrows(DemoDataException.class, () -> DemoWorksheetGenerator.main(new String[] {"--years", "0"}));
        assertTrue(years.getMessage().contains("--years"), years.getMessage());
        DemoDataException unknown =
                assertThrows(DemoDataException.class, () -> DemoWorksheetGenerator.main(new String[] {"--size", "3"}));
        assertTrue(unknown.getMessage().contains("\"--size\""), unknown.getMessage());
        DemoDataException both = assertThrows(
                DemoDataException.class,
                () -> DemoWorksheetGenerator.main(new String[] {"--out", "x.trig", "--into-store", "var/tdb2"}));
        assertTrue(both.getMessage().contains("--into-store"), both.getMessage());
        DemoDataException noExamples = assertThrows(
                DemoDataException.class, () -> new DemoWorksheetGenerator(DatasetGraphFactory.create(), BASE, 1L));
        assertTrue(noExamples.getMessage().contains("kkst:example"), noExamples.getMessage());
    }

    private static void assertIsomorphic(DatasetGraph expected, DatasetGraph actual) {
        assertTrue(RdfAssertions.assertSameNamedGraphs(expected, actual).size() > 1);
    }

    private static void assertNoRows(String what, String query) {
        ResultSetRewindable results = select(store, query);
        assertEquals(0, results.size(), () -> {
            results.reset();
            return what + ":\n" + ResultSetFormatter.asText(results);
        });
    }

    /** Rows of a SELECT over the union of the named graphs, as lexical forms in the order of the variables. */
    private static List<List<String>> rows(String query) {
        ResultSetRewindable results = select(store, query);
        List<List<String>> rows = new ArrayList<>();
        results.forEachRemaining(s -> rows.add(results.getResultVars().stream()
                .map(v -> s.get(v) == null
                        ? ""
                        : s.get(v).isLiteral()
                                ? s.getLiteral(v).getLexicalForm()
                                : s.getResource(v).getURI())
                .toList()));
        return rows;
    }

    private static ResultSetRewindable select(DatasetGraph dataset, String query) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dataset))
                    .query(PREFIXES + query)
                    .set(TDB2.symUnionDefaultGraph, true)
                    .timeout(60, TimeUnit.SECONDS)
                    .build()) {
                return ResultSetFactory.makeRewindable(qe.execSelect());
            }
        });
    }
}
