package jp.kakaritsuke.kb.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converts the shipped evidence CSVs and checks the RDF against them, counting and sampling with an independent CSV
 * reading: membership rows, the 339 zones, population totals, demand rows, facilities and their functions per zone,
 * matched locations; and proves that the files under data/ are exactly what the generator writes.
 */
class EvidenceDataGeneratorTest {

    static final Path SOURCE = Path.of("data/evidence/source");
    static final Path REGIONS = Path.of("data/regions");
    static final String BASE = EvidenceDataGenerator.BUILD_BASE;

    static DatasetGraph built;

    @BeforeAll
    static void build() {
        built = EvidenceDataGenerator.build(SOURCE, REGIONS, BASE);
        // the default graph is the union of the named graphs for the count queries
        DatasetGraph union = DatasetGraphFactory.create();
        built.find().forEachRemaining(quad -> union.getDefaultGraph().add(quad.asTriple()));
        built = union;
    }

    static List<CSVRecord> csv(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(SOURCE.resolve(file), StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)
                    .getRecords();
        }
    }

    static long count(String where) {
        String query = """
                PREFIX kk: <https://w3id.org/kakaritsuke/ontology#>
                PREFIX kkfac: <https://w3id.org/kakaritsuke/facility-function/>
                PREFIX kkcode: <https://w3id.org/kakaritsuke/code/>
                PREFIX qb: <http://purl.org/linked-data/cube#>
                PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
                PREFIX schema: <https://schema.org/>
                PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
                SELECT (COUNT(*) AS ?n) WHERE { %s }""".formatted(where);
        try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(built))
                .query(query)
                .build()) {
            QuerySolution row = qe.execSelect().next();
            return row.getLiteral("n").getLong();
        }
    }

    static String zone(String code) {
        return "<" + BASE + "id/area/kousou/R7/" + code + ">";
    }

    @Test
    void everyMembershipRowIsATripleAndDesignatedCitiesBelongThroughTheirWards() throws IOException {
        List<CSVRecord> rows = csv(EvidenceDataGenerator.MEMBERSHIP_CSV);
        assertThat(rows).hasSize(1896);
        for (CSVRecord row : rows) {
            assertThat(count(zone(row.get("area_code")) + " kk:coversMunicipality <" + BASE + "id/area/muni/"
                            + row.get("muni_code") + ">"))
                    .as(row.toString())
                    .isEqualTo(1);
        }
        assertThat(count(
                        "{ SELECT DISTINCT ?zone WHERE { ?zone kk:coversMunicipality ?m FILTER STRSTARTS(STR(?zone), \""
                                + BASE + "id/area/kousou/\") } }"))
                .isEqualTo(339);
        // 浜松市 (22130): its wards lie in two zones, so the city belongs to both
        assertThat(count("?zone kk:coversMunicipality <" + BASE + "id/area/muni/22130>"))
                .isEqualTo(rows.stream()
                        .filter(r -> r.get("muni_code").startsWith("2213")
                                && !r.get("muni_code").equals("22130"))
                        .map(r -> r.get("area_code"))
                        .distinct()
                        .count());
        // Mie: 4 二次医療圏 of the 8th plan and 8 構想区域, each zone within one of them
        assertThat(count("?niji a kk:SecondaryMedicalArea ; kk:planGeneration \"8\""))
                .isEqualTo(4);
        assertThat(count("?zone kk:partOf ?niji . ?niji a kk:SecondaryMedicalArea"))
                .isEqualTo(8);
    }

    @Test
    void municipalityKindsCountTheLocalPublicBodiesAsPeopleExpect() {
        long bodies = count("?m kk:municipalityKind ?k VALUES ?k { kkcode:ordinary-municipality kkcode:designated-city"
                + " kkcode:special-ward }");
        assertThat(bodies).isEqualTo(1741);
        assertThat(count("?m kk:municipalityKind kkcode:northern-territories-village"))
                .isEqualTo(6);
        assertThat(count("?m kk:municipalityKind kkcode:designated-city")).isEqualTo(20);
        assertThat(count("?m kk:municipalityKind kkcode:special-ward")).isEqualTo(23);
    }

    @Test
    void populationObservationsMatchTheCsv() throws IOException {
        List<CSVRecord> rows = csv(EvidenceDataGenerator.POPULATION_CSV);
        assertThat(rows).hasSize(339);
        assertThat(count("?o kk:ageBand ?band")).isEqualTo(339L * EvidenceDataGenerator.AGE_COLUMNS.size());
        long total = rows.stream()
                .mapToLong(r -> Long.parseLong(r.get("pop_total_census")))
                .sum();
        String q = "SELECT (SUM(?p) AS ?n) WHERE { ?o kk:ageBand kkcode:age-total ; kk:population ?p }";
        assertThat(sum(q)).isEqualByComparingTo(BigDecimal.valueOf(total));
        for (CSVRecord row : rows.subList(0, 5)) {
            assertThat(count("?o sdmx-dimension:refArea " + zone(row.get("area_code"))
                            + " ; kk:ageBand kkcode:age-65plus ; kk:population " + row.get("pop_65plus")))
                    .isEqualTo(1);
        }
    }

    @Test
    void demandRowsAreObservationsWithTheirValues() throws IOException {
        List<CSVRecord> rows = csv(EvidenceDataGenerator.DEMAND_CSV);
        assertThat(count("?o kk:receiptsPerMonth ?v")).isEqualTo(rows.size()).isEqualTo(4068);
        for (CSVRecord row : List.of(rows.get(0), rows.get(1), rows.get(rows.size() - 1))) {
            String category =
                    row.get("demand_category").equals("外来") ? "kkcode:demand-outpatient" : "kkcode:demand-home-visit";
            assertThat(count("?o sdmx-dimension:refArea " + zone(row.get("area_code")) + " ; kk:demandCategory "
                            + category
                            + " ; kk:referenceFiscalYear \"" + row.get("year")
                            + "\"^^<http://www.w3.org/2001/XMLSchema#gYear>"
                            + " ; kk:receiptsPerMonth ?v FILTER (?v = "
                            + new BigDecimal(row.get("receipts_per_month")).toPlainString()
                            + ")"))
                    .as(row.toString())
                    .isEqualTo(1);
        }
        assertThat(count("?o kk:projection true"))
                .isEqualTo(rows.stream()
                        .filter(r -> r.get("year_label").contains("現状投影"))
                        .count());
    }

    @Test
    void facilitiesFunctionsAndLocationsMatchTheCsv() throws IOException {
        List<CSVRecord> facilities = csv(EvidenceDataGenerator.FACILITIES_CSV);
        assertThat(count("?f a schema:MedicalOrganization"))
                .isEqualTo(facilities.size())
                .isEqualTo(11760);
        List<CSVRecord> functions = csv(EvidenceDataGenerator.FUNCTIONS_CSV);
        assertThat(count("?f kk:designatedFunction ?fn"))
                .isEqualTo(functions.size())
                .isEqualTo(7574);
        assertThat(count("?f kk:designatedFunction kkfac:home-care-support")).isEqualTo(3027);
        assertThat(count("?f kk:designatedFunction kkfac:secondary-emergency")).isEqualTo(3406);
        // per zone, facilities and home-care support
        Map<String, Long> perZone = new HashMap<>();
        facilities.forEach(r -> perZone.merge(r.get("area_code"), 1L, Long::sum));
        for (String code : List.of("0101", "1202", "2405", "4704")) {
            assertThat(count("?f kk:inVisionZone " + zone(code))).isEqualTo(perZone.get(code));
            long homeCare = functions.stream()
                    .filter(r -> r.get("area_code").equals(code)
                            && r.get("function_name").equals("在宅療養支援"))
                    .count();
            assertThat(count("?f kk:inVisionZone " + zone(code) + " ; kk:designatedFunction kkfac:home-care-support"))
                    .isEqualTo(homeCare);
        }
        // locations: every matched row of the linkage and nothing else from it; never a guessed one
        List<CSVRecord> locations = csv(EvidenceDataGenerator.LOCATIONS_CSV);
        long matched = locations.stream()
                .filter(r -> r.get("match_status").equals("matched"))
                .count();
        assertThat(matched).isEqualTo(10244);
        assertThat(count("?f kk:locationSource <" + BASE + "id/dataset/facility-locations>"))
                .isEqualTo(matched);
        CSVRecord first = locations.get(0);
        assertThat(count("<" + BASE + "id/facility/" + first.get("record_id").toLowerCase()
                        + "> geo:lat ?lat ; geo:long ?long" + " FILTER (?lat = " + first.get("latitude")
                        + " && ?long = " + first.get("longitude") + ")"))
                .isEqualTo(1);
        for (CSVRecord row : locations) {
            if (row.get("match_status").equals("candidate_only")) {
                assertThat(count("<" + BASE + "id/facility/"
                                + row.get("record_id").toLowerCase() + "> kk:locationSource" + " <" + BASE
                                + "id/dataset/facility-locations>"))
                        .isZero();
                break;
            }
        }
        // Medical Information Net ids are unique where given
        assertThat(count("{ SELECT ?id WHERE { ?f kk:medicalInfoNetId ?id } GROUP BY ?id HAVING (COUNT(?f) > 1) }"))
                .isZero();
        assertThat(count("?f kk:medicalInfoNetId ?id")).isGreaterThan(5000);
    }

    @Test
    void everySourceNamesItsSha256LicenceAndCaveats() {
        assertThat(count("?d a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/license> ?l"))
                .isGreaterThanOrEqualTo(5);
        assertThat(
                        count(
                                "<" + BASE
                                        + "id/source/mhlw-betten5-r7> <http://spdx.org/rdf/terms#checksum>/<http://spdx.org/rdf/terms#checksumValue>"
                                        + " \"acdd3dffdea6da5b20e66aec083227540367100d694bbd83c9a72bede33f3171\"^^<http://www.w3.org/2001/XMLSchema#hexBinary>"))
                .isEqualTo(1);
        assertThat(count("<" + BASE + "id/dataset/facilities> <http://www.w3.org/2004/02/skos/core#scopeNote> ?note"
                        + " FILTER CONTAINS(?note, \"単純に比較する\")"))
                .isEqualTo(1);
        assertThat(count("<" + BASE + "id/dataset/demand> <http://www.w3.org/2004/02/skos/core#scopeNote> ?note"
                        + " FILTER CONTAINS(?note, \"患者数・人数ではない\")"))
                .isEqualTo(1);
    }

    @Test
    void theShippedFilesAreWhatTheGeneratorWrites(@TempDir Path out) throws IOException {
        EvidenceDataGenerator.write(EvidenceDataGenerator.build(SOURCE, REGIONS, BASE), BASE, out);
        List<String> differ = new ArrayList<>();
        for (String file : EvidenceDataGenerator.files()) {
            byte[] shipped = Files.readAllBytes(Path.of("data").resolve(file));
            byte[] regenerated = Files.readAllBytes(out.resolve(file));
            if (!java.util.Arrays.equals(shipped, regenerated)) {
                differ.add(file);
            }
            Graph a = parse(Path.of("data").resolve(file), file);
            Graph b = parse(out.resolve(file), file);
            assertTrue(a.isIsomorphicWith(b), file + " is not isomorphic with what the generator writes");
        }
        assertThat(differ).as("files under data/ that regenerating changes").isEmpty();
    }

    static Graph parse(Path path, String file) throws IOException {
        DatasetGraph dataset = DatasetGraphFactory.create();
        try (InputStream in = IO.openFileEx(path.toString())) {
            RDFParser.source(in).lang(Lang.TRIG).base(BASE).parse(dataset);
        }
        assertThat(dataset.listGraphNodes()).toIterable().hasSize(1);
        return dataset.getGraph(dataset.listGraphNodes().next());
    }

    static BigDecimal sum(String select) {
        String query =
                "PREFIX kk: <https://w3id.org/kakaritsuke/ontology#>\nPREFIX kkcode: <https://w3id.org/kakaritsuke/code/>\n"
                        + select;
        try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(built))
                .query(query)
                .build()) {
            return new BigDecimal(qe.execSelect().next().getLiteral("n").getLexicalForm());
        }
    }
}
