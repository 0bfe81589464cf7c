package jp.kakaritsuke.kb.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jp.kakaritsuke.kb.testdata.RdfAssertions;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AreaDataGeneratorTest {

    private static final Path REGIONS = Path.of("data/regions");
    private static final Path COMMITTED = Path.of("data/areas");
    private static final String BASE = "http://example.org/kb/";
    private static final String PREFIXES = """
            PREFIX kk: <https://w3id.org/kakaritsuke/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    /** The committed area files, loaded into a TDB2 store with a base other than the one they were written with. */
    private static Dataset store;

    @BeforeAll
    static void loadCommittedFiles() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(tdb, () -> readAreaFiles(COMMITTED, BASE).find().forEachRemaining(tdb::add));
        store = DatasetFactory.wrap(tdb);
    }

    @Test
    void regeneratingGivesTheCommittedFiles(@TempDir Path out) {
        AreaDataGenerator.generate(REGIONS, out);
        assertIsomorphic(readAreaFiles(COMMITTED, BASE), readAreaFiles(out, BASE));
    }

    @Test
    void filesHoldRelativeIrisOnly() {
        assertIsomorphic(AreaDataGenerator.build(REGIONS, BASE), readAreaFiles(COMMITTED, BASE));
        Set<String> absolute = new HashSet<>();
        readAreaFiles(COMMITTED, BASE).find().forEachRemaining(q -> {
            for (Node n : List.of(q.getGraph(), q.getSubject(), q.getObject())) {
                if (n.isURI() && n.getURI().startsWith(AreaDataGenerator.BUILD_BASE)) {
                    absolute.add(n.getURI());
                }
            }
        });
        assertEquals(Set.of(), absolute);
    }

    @Test
    void countsMatchTheSources() {
        assertEquals(
                47,
                count("SELECT (COUNT(?p) AS ?n) { GRAPH <" + graph(AreaGraph.PREFECTURES)
                        + "> { ?p a kk:Prefecture } }"));
        assertEquals(
                339,
                count("SELECT (COUNT(?z) AS ?n) { GRAPH <" + graph(AreaGraph.VISION_ZONES)
                        + "> { ?z a kk:VisionZone ; kk:planGeneration \"R7\" } }"));
        assertEquals(
                1,
                count("SELECT (COUNT(DISTINCT ?a) AS ?n) { GRAPH <" + graph(AreaGraph.PLACEHOLDER)
                        + "> { ?a a kk:Area ; rdfs:label \"XXX地域\"@ja , \"area XXX\"@en ; rdfs:comment ?c } }"));
        CsvTable rows = CsvTable.read(REGIONS.resolve(AreaDataGenerator.MUNICIPALITIES_CSV), "kind_guess");
        long nonPrefectures = rows.rows().stream()
                .filter(r -> !r.get("kind_guess").equals("prefecture"))
                .count();
        assertEquals(
                nonPrefectures,
                count("SELECT (COUNT(?m) AS ?n) { GRAPH <" + graph(AreaGraph.MUNICIPALITIES)
                        + "> { { ?m a kk:Municipality } UNION { ?m a kk:StatisticalArea } } }"));
    }

    @Test
    void everyPrefectureRowIsPresentWithItsCodesAndNames() {
        String query = PREFIXES + """
                SELECT ?code ?ja ?lg ?iso ?sac {
                  ?p a kk:Prefecture ; kk:prefectureCode ?code ; rdfs:label ?ja ; kk:localGovernmentCode ?lg ;
                     kk:isoCode ?iso ; kk:standardAreaCode ?sac .
                  FILTER (lang(?ja) = "ja")
                }""";
        Set<List<String>> actual = rows(query, "code", "ja", "lg", "iso", "sac");
        Set<List<String>> expected = new HashSet<>();
        for (CsvTable.Row row : CsvTable.read(REGIONS.resolve(AreaDataGenerator.PREFECTURES_CSV))
                .rows()) {
            expected.add(List.of(
                    row.get("pref_code"),
                    row.get("name_ja"),
                    row.get("dantai_code6"),
                    row.get("iso3166_2"),
                    row.get("sac_uri_plain")));
        }
        assertEquals(expected, actual);
        assertEquals(
                47,
                rows(
                                PREFIXES + "SELECT DISTINCT ?en { ?p a kk:Prefecture ; skos:prefLabel ?en "
                                        + "FILTER (lang(?en) = \"en\") }",
                                "en")
                        .size());
        assertEquals(Set.of(List.of("Tokyo"), List.of("Hokkaido")), rows(PREFIXES + """
                SELECT ?en { ?p a kk:Prefecture ; kk:prefectureCode ?c ; rdfs:label ?en
                  FILTER (?c IN ("01", "13") && lang(?en) = "en") }""", "en"));
    }

    @Test
    void everyMunicipalityRowIsPresentWithItsNameCodesAndParent() {
        String query = PREFIXES + """
                SELECT ?code ?lg ?name ?parentCode ?sac {
                  { ?m a kk:Municipality ; kk:localGovernmentCode ?lg } UNION { ?m a kk:StatisticalArea }
                  ?m kk:areaCode ?code ; rdfs:label ?name ; kk:standardAreaCode ?sac ; kk:partOf ?parent .
                  ?parent kk:areaCode ?parentCode .
                }""";
        Set<List<String>> actual = rows(query, "code", "lg", "name", "parentCode", "sac");
        Set<List<String>> expected = new HashSet<>();
        for (CsvTable.Row row : CsvTable.read(REGIONS.resolve(AreaDataGenerator.MUNICIPALITIES_CSV))
                .rows()) {
            String kind = row.get("kind_guess");
            if (kind.equals("prefecture")) {
                continue;
            }
            String lg = kind.endsWith("statistical-only") ? "" : row.get("code6_with_check_digit");
            expected.add(List.of(
                    row.get("code5"), lg, row.get("name_ja"), row.get("parent_code5"), row.get("sac_uri_plain")));
        }
        assertEquals(expected, actual);
    }

    @Test
    void everyRowOfTheOriginalCode4FukuiListIsPresent() {
        Set<List<String>> expected = new HashSet<>();
        for (CsvTable.Row row : CsvTable.read(REGIONS.resolve("LG_CODE_code4fukui.csv"), "lgcode", "name_ja", "parent")
                .rows()) {
            if (!row.get("lgcode").equals("0")) {
                expected.add(List.of(pad5(row.get("lgcode")), row.get("name_ja"), row.get("parent")));
            }
        }
        String query = PREFIXES + """
                SELECT ?code ?name ?parent {
                  ?a kk:areaCode ?code ; rdfs:label ?name .
                  FILTER (lang(?name) = "ja")
                  OPTIONAL { ?a kk:partOf/kk:areaCode ?parentCode }
                  BIND (COALESCE(?parentCode, "00000") AS ?parent)
                }""";
        Set<List<String>> actual = new HashSet<>();
        for (List<String> row : rows(query, "code", "name", "parent")) {
            // The original writes codes as numbers (1000 for 01000, 0 for the country as parent of a prefecture).
            actual.add(List.of(row.get(0), row.get(1), Integer.toString(Integer.parseInt(row.get(2)))));
        }
        assertEquals(expected, actual);
    }

    @Test
    void everyVisionZoneRowIsPresent() {
        String query = PREFIXES + """
                SELECT ?pref ?prefName ?code ?name {
                  ?z a kk:VisionZone ; kk:medicalAreaCode ?code ; rdfs:label ?name ; kk:inPrefecture ?p .
                  ?p kk:prefectureCode ?pref ; rdfs:label ?prefName .
                  FILTER (lang(?prefName) = "ja")
                }""";
        Set<List<String>> expected = new HashSet<>();
        for (CsvTable.Row row : CsvTable.read(REGIONS.resolve(AreaDataGenerator.VISION_ZONES_CSV))
                .rows()) {
            expected.add(
                    List.of(row.get("pref_code"), row.get("pref_name"), row.get("area_code"), row.get("area_name")));
        }
        assertEquals(339, expected.size());
        assertEquals(expected, rows(query, "pref", "prefName", "code", "name"));
        assertEquals(
                new AreaIris(BASE).visionZone("R7", "2405"),
                rows(PREFIXES + "SELECT ?z { ?z kk:medicalAreaCode \"2405\" ; rdfs:label \"桑員\"@ja }", "z")
                        .iterator()
                        .next()
                        .get(0));
    }

    @Test
    void everyMunicipalityLiesInExactlyOnePrefectureMatchingItsCode() {
        String violations = PREFIXES + """
                SELECT ?m {
                  { ?m a kk:Municipality } UNION { ?m a kk:StatisticalArea } UNION { ?m a kk:VisionZone }
                  OPTIONAL { ?m kk:inPrefecture ?p . ?p a kk:Prefecture ; kk:prefectureCode ?pc .
                             { ?m kk:areaCode ?c } UNION { ?m kk:medicalAreaCode ?c }
                             FILTER (STRSTARTS(?c, ?pc)) }
                }
                GROUP BY ?m HAVING (COUNT(DISTINCT ?p) != 1)""";
        assertEquals(Set.of(), rows(violations, "m"));
        assertEquals(0, count("SELECT (COUNT(*) AS ?n) { ?m kk:inPrefecture ?a , ?b FILTER (?a != ?b) }"));
    }

    @Test
    void checkDigitsRecomputedEqualTheSource() {
        int checked = 0;
        for (CsvTable.Row row : CsvTable.read(REGIONS.resolve(AreaDataGenerator.MUNICIPALITIES_CSV))
                .rows()) {
            assertEquals(
                    row.get("code6_with_check_digit"),
                    AreaIris.localGovernmentCode(row.get("code5")),
                    "line " + row.line());
            checked++;
        }
        assertEquals(2295, checked);
        for (List<String> row :
                rows(PREFIXES + "SELECT ?c ?lg { ?a kk:areaCode ?c ; kk:localGovernmentCode ?lg }", "c", "lg")) {
            assertEquals(row.get(1), AreaIris.localGovernmentCode(row.get(0)));
        }
    }

    @Test
    void aWrongCheckDigitInTheSourceIsReportedWithFileLineAndColumn(@TempDir Path regions) throws IOException {
        for (String name : List.of(
                AreaDataGenerator.PREFECTURES_CSV,
                AreaDataGenerator.MUNICIPALITIES_CSV,
                AreaDataGenerator.VISION_ZONES_CSV)) {
            Files.copy(REGIONS.resolve(name), regions.resolve(name));
        }
        Path municipalities = regions.resolve(AreaDataGenerator.MUNICIPALITIES_CSV);
        List<String> lines = Files.readAllLines(municipalities, StandardCharsets.UTF_8);
        assertTrue(lines.get(2).startsWith("01100,011002,"));
        lines.set(2, lines.get(2).replace("01100,011002,", "01100,011003,"));
        Files.write(municipalities, lines, StandardCharsets.UTF_8);

        AreaDataException e = assertThrows(AreaDataException.class, () -> AreaDataGenerator.build(regions, BASE));
        assertTrue(
                e.getMessage().contains(AreaDataGenerator.MUNICIPALITIES_CSV + ":3 [code6_with_check_digit]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("expected \"011002\""), e.getMessage());
    }

    @Test
    void anUnknownPrefectureCodeInTheSourceIsReportedWithFileLineAndColumn(@TempDir Path regions) throws IOException {
        Files.writeString(
                regions.resolve(AreaDataGenerator.PREFECTURES_CSV),
                "pref_code,name_ja,dantai_code6,iso3166_2,sac_uri_plain\n"
                        + "48,架空県,480002,JP-48,http://data.e-stat.go.jp/lod/sac/C48000\n");
        AreaDataException e = assertThrows(AreaDataException.class, () -> AreaDataGenerator.build(regions, BASE));
        assertTrue(e.getMessage().contains(AreaDataGenerator.PREFECTURES_CSV + ":2 [pref_code]"), e.getMessage());
        assertTrue(e.getMessage().contains("\"48\""), e.getMessage());
    }

    private static DatasetGraph readAreaFiles(Path dir, String base) {
        DatasetGraph dataset = DatasetGraphFactory.create();
        for (AreaGraph area : AreaGraph.values()) {
            RDFParser.source(dir.resolve(area.fileName()))
                    .lang(Lang.TRIG)
                    .base(base)
                    .parse(dataset);
        }
        return dataset;
    }

    private static void assertIsomorphic(DatasetGraph expected, DatasetGraph actual) {
        Set<Node> names = RdfAssertions.assertSameNamedGraphs(expected, actual);
        assertEquals(AreaGraph.values().length, names.size());
        assertFalse(expected.getDefaultGraph().size() > 0
                || actual.getDefaultGraph().size() > 0);
        for (Node name : names) {
            assertTrue(expected.getGraph(name).size() > 0, "empty graph " + name);
        }
    }

    private static String graph(AreaGraph area) {
        return new AreaIris(BASE).resolve(area.graphPath());
    }

    private static String pad5(String code) {
        return "0".repeat(5 - code.length()) + code;
    }

    private static long count(String query) {
        return Txn.calculateRead(store, () -> {
            try (QueryExecution qe = QueryExecution.dataset(store)
                    .query(PREFIXES + query)
                    .set(TDB2.symUnionDefaultGraph, true)
                    .timeout(30, TimeUnit.SECONDS)
                    .build()) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    /** The rows of a SELECT over the union of the named graphs, as lists of lexical forms ("" when unbound). */
    private static Set<List<String>> rows(String query, String... vars) {
        return Txn.calculateRead(store, () -> {
            try (QueryExecution qe = QueryExecution.dataset(store)
                    .query(query)
                    .set(TDB2.symUnionDefaultGraph, true)
                    .timeout(30, TimeUnit.SECONDS)
                    .build()) {
                ResultSet rs = qe.execSelect();
                Set<List<String>> out = new HashSet<>();
                int n = 0;
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    n++;
                    List<String> row = new ArrayList<>();
                    for (String v : vars) {
                        RDFNode node = s.get(v);
                        row.add(
                                node == null
                                        ? ""
                                        : node.isLiteral()
                                                ? node.asLiteral().getLexicalForm()
                                                : node.asResource().getURI());
                    }
                    out.add(row);
                }
                assertEquals(n, out.size(), "duplicate rows for " + query);
                return out;
            }
        });
    }
}
