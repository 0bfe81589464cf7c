package jp.kakaritsuke.kb.area;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.RIOT;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Turns the region reference data (data/regions/*.csv) into the area graphs (data/areas/*.trig): prefectures,
 * municipalities and statistical areas, 構想区域 and the guideline's placeholder area. The files carry relative IRIs;
 * every code is cross-checked (check digits, prefecture names, parents) and a mismatch fails with file, line and
 * column.
 *
 * <p>Run with {@code [regions-dir [out-dir]]}, by default {@code data/regions data/areas}.
 */
public final class AreaDataGenerator {

    /** The publication of the 構想区域 list in data/regions (FY2025, 令和7年度). */
    public static final String VISION_ZONE_PUBLICATION = "R7";

    static final String PREFECTURES_CSV = "prefectures_jisx0401.csv";
    static final String MUNICIPALITIES_CSV = "lgcode_with_checkdigit.csv";
    static final String VISION_ZONES_CSV = "kousou_kuiki_R7_339.csv";

    /** Base used while building; it never reaches the files, which are written relative to it. */
    static final String BUILD_BASE = "http://localhost:8080/";

    /** e-Stat statistical LOD: plain standard area codes are {@code C} followed by the 5-digit code. */
    private static final String ESTAT_SAC = "http://data.e-stat.go.jp/lod/sac/";

    private static final Set<String> MUNICIPALITY_KINDS =
            Set.of("municipality", "designated-city", "ward-of-designated-city", "special-ward(tokubetsu-ku)");
    private static final Set<String> STATISTICAL_KINDS = Set.of(
            "district(gun)-statistical-only", "subprefecture-statistical-only", "special-wards-area-statistical-only");

    private final AreaIris iris;
    private final Path regionsDir;

    private AreaDataGenerator(Path regionsDir, String baseIri) {
        this.regionsDir = regionsDir;
        this.iris = new AreaIris(baseIri);
    }

    public static void main(String[] args) {
        Path regions = Path.of(args.length > 0 ? args[0] : "data/regions");
        Path out = Path.of(args.length > 1 ? args[1] : "data/areas");
        generate(regions, out);
        System.err.println("Wrote " + AreaGraph.values().length + " area graphs to " + out);
    }

    /** Reads the CSVs in {@code regionsDir} and writes one TriG file per {@link AreaGraph} into {@code outDir}. */
    public static void generate(Path regionsDir, Path outDir) {
        write(build(regionsDir, BUILD_BASE), BUILD_BASE, outDir);
    }

    /** The area graphs, named and with IRIs resolved against {@code baseIri}. */
    public static DatasetGraph build(Path regionsDir, String baseIri) {
        return new AreaDataGenerator(regionsDir, baseIri).build();
    }

    /** Writes each area graph of {@code dataset} to its file, with IRIs under {@code baseIri} made relative. */
    static void write(DatasetGraph dataset, String baseIri, Path outDir) {
        AreaIris base = new AreaIris(baseIri);
        try {
            Files.createDirectories(outDir);
            for (AreaGraph area : AreaGraph.values()) {
                DatasetGraph single = DatasetGraphFactory.create();
                single.prefixes().putAll(dataset.prefixes());
                var graphName = NodeFactory.createURI(base.resolve(area.graphPath()));
                single.addGraph(graphName, dataset.getGraph(graphName));
                try (OutputStream out = Files.newOutputStream(outDir.resolve(area.fileName()))) {
                    out.write(headerComment(area).getBytes(StandardCharsets.UTF_8));
                    RDFWriter.source(single)
                            .format(RDFFormat.TRIG_PRETTY)
                            .base(base.base())
                            .set(RIOT.symTurtleOmitBase, true)
                            .output(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write area data to " + outDir, e);
        }
    }

    private static String headerComment(AreaGraph area) {
        StringBuilder sb = new StringBuilder();
        area.header().lines().forEach(line -> sb.append("# ").append(line).append('\n'));
        sb.append("# IRIs are relative: resolve them against the knowledge base's base IRI.\n\n");
        return sb.toString();
    }

    private DatasetGraph build() {
        DatasetGraph dataset = DatasetGraphFactory.create();
        dataset.prefixes()
                .putAll(Map.of(
                        "kk", KK.NS,
                        "rdfs", RDFS.getURI(),
                        "skos", SKOS.getURI()));
        Map<String, String> prefectureNames = new HashMap<>();
        add(dataset, AreaGraph.PREFECTURES, prefectures(prefectureNames));
        add(dataset, AreaGraph.MUNICIPALITIES, municipalities());
        add(dataset, AreaGraph.VISION_ZONES, visionZones(prefectureNames));
        add(dataset, AreaGraph.PLACEHOLDER, placeholder());
        return dataset;
    }

    private void add(DatasetGraph dataset, AreaGraph area, Model model) {
        Graph graph = model.getGraph();
        dataset.addGraph(NodeFactory.createURI(iris.resolve(area.graphPath())), graph);
    }

    private Model prefectures(Map<String, String> namesByCode) {
        Model model = ModelFactory.createDefaultModel();
        CsvTable table = CsvTable.read(
                regionsDir.resolve(PREFECTURES_CSV),
                "pref_code",
                "name_ja",
                "dantai_code6",
                "iso3166_2",
                "sac_uri_plain");
        for (CsvTable.Row row : table.rows()) {
            String code = row.get("pref_code");
            String prefecturePath = checked(row, "pref_code", () -> AreaIris.prefecturePath(code));
            String areaCode = AreaIris.prefectureAreaCode(code);
            String nameJa = row.get("name_ja");
            PrefectureNames.Name names = PrefectureNames.of(code);
            expect(row, "name_ja", names.ja(), nameJa);
            expect(row, "dantai_code6", AreaIris.localGovernmentCode(areaCode), row.get("dantai_code6"));
            expect(row, "iso3166_2", "JP-" + code, row.get("iso3166_2"));
            expect(row, "sac_uri_plain", ESTAT_SAC + "C" + areaCode, row.get("sac_uri_plain"));
            if (namesByCode.put(code, nameJa) != null) {
                throw row.error("pref_code", "prefecture " + code + " appears twice");
            }
            Resource prefecture = model.createResource(iris.resolve(prefecturePath));
            prefecture.addProperty(RDF.type, KK.Prefecture);
            labels(prefecture, nameJa);
            prefecture.addProperty(RDFS.label, names.en(), "en");
            prefecture.addProperty(SKOS.prefLabel, names.en(), "en");
            prefecture.addProperty(KK.prefectureCode, code);
            prefecture.addProperty(KK.areaCode, areaCode);
            prefecture.addProperty(KK.localGovernmentCode, row.get("dantai_code6"));
            prefecture.addProperty(KK.isoCode, row.get("iso3166_2"));
            prefecture.addProperty(KK.standardAreaCode, model.createResource(row.get("sac_uri_plain")));
        }
        if (namesByCode.size() != PrefectureNames.ALL.size()) {
            throw table.error(
                    table.rows().size() + 1,
                    "pref_code",
                    "lists " + namesByCode.size() + " prefectures, expected " + PrefectureNames.ALL.size());
        }
        return model;
    }

    private Model municipalities() {
        Model model = ModelFactory.createDefaultModel();
        CsvTable table = CsvTable.read(
                regionsDir.resolve(MUNICIPALITIES_CSV),
                "code5",
                "code6_with_check_digit",
                "name_ja",
                "parent_code5",
                "kind_guess",
                "sac_uri_plain");
        Map<String, String> namesByCode = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            namesByCode.put(row.get("code5"), row.get("name_ja"));
        }
        for (CsvTable.Row row : table.rows()) {
            String code = row.get("code5");
            String kind = row.get("kind_guess");
            String prefectureCode = checked(row, "code5", () -> AreaIris.prefectureCodeOf(code));
            expect(
                    row,
                    "code6_with_check_digit",
                    checked(row, "code5", () -> AreaIris.localGovernmentCode(code)),
                    row.get("code6_with_check_digit"));
            expect(row, "sac_uri_plain", ESTAT_SAC + "C" + code, row.get("sac_uri_plain"));
            if (kind.equals("prefecture")) {
                // Prefectures are written to their own graph from prefectures_jisx0401.csv; check they agree.
                expect(row, "code5", AreaIris.prefectureAreaCode(prefectureCode), code);
                expect(row, "name_ja", PrefectureNames.of(prefectureCode).ja(), row.get("name_ja"));
                continue;
            }
            Resource type;
            if (MUNICIPALITY_KINDS.contains(kind)) {
                type = KK.Municipality;
            } else if (STATISTICAL_KINDS.contains(kind)) {
                type = KK.StatisticalArea;
            } else {
                throw row.error("kind_guess", "unknown kind \"" + kind + "\"");
            }
            String parentCode = row.get("parent_code5");
            if (!namesByCode.containsKey(parentCode)) {
                throw row.error("parent_code5", "parent " + parentCode + " is not a row of the file");
            }
            if (!parentCode.startsWith(prefectureCode)) {
                throw row.error("parent_code5", "parent " + parentCode + " lies in another prefecture");
            }
            String nameJa = row.get("name_ja");
            String path = checked(row, "code5", () -> AreaIris.municipalityPath(code));
            Resource area = model.createResource(iris.resolve(path));
            area.addProperty(RDF.type, type);
            labels(area, nameJa);
            if (kind.equals("ward-of-designated-city")) {
                // Ward names repeat across cities (中央区, 北区); the city-qualified name tells them apart.
                area.addProperty(SKOS.altLabel, namesByCode.get(parentCode) + nameJa, "ja");
            }
            area.addProperty(KK.areaCode, code);
            if (type.equals(KK.Municipality)) {
                // Statistical areas (郡, 振興局, 特別区部) are no local governments, so they carry no such code.
                area.addProperty(KK.localGovernmentCode, row.get("code6_with_check_digit"));
            }
            area.addProperty(KK.standardAreaCode, model.createResource(row.get("sac_uri_plain")));
            boolean parentIsPrefecture = parentCode.endsWith("000");
            area.addProperty(
                    KK.partOf,
                    model.createResource(iris.resolve(
                            parentIsPrefecture
                                    ? AreaIris.prefecturePath(parentCode.substring(0, 2))
                                    : AreaIris.municipalityPath(parentCode))));
            area.addProperty(KK.inPrefecture, model.createResource(iris.prefecture(prefectureCode)));
        }
        return model;
    }

    private Model visionZones(Map<String, String> prefectureNames) {
        Model model = ModelFactory.createDefaultModel();
        CsvTable table =
                CsvTable.read(regionsDir.resolve(VISION_ZONES_CSV), "pref_code", "pref_name", "area_code", "area_name");
        for (CsvTable.Row row : table.rows()) {
            String prefectureCode = row.get("pref_code");
            String code = row.get("area_code");
            String path = checked(row, "area_code", () -> AreaIris.visionZonePath(VISION_ZONE_PUBLICATION, code));
            expect(row, "pref_code", code.substring(0, 2), prefectureCode);
            expect(row, "pref_name", prefectureNames.get(prefectureCode), row.get("pref_name"));
            Resource zone = model.createResource(iris.resolve(path));
            if (model.contains(zone, RDF.type)) {
                throw row.error("area_code", "構想区域 " + code + " appears twice");
            }
            zone.addProperty(RDF.type, KK.VisionZone);
            labels(zone, row.get("area_name"));
            zone.addProperty(KK.medicalAreaCode, code);
            zone.addProperty(KK.planGeneration, VISION_ZONE_PUBLICATION);
            zone.addProperty(KK.inPrefecture, model.createResource(iris.prefecture(prefectureCode)));
        }
        return model;
    }

    private Model placeholder() {
        Model model = ModelFactory.createDefaultModel();
        Resource xxx = model.createResource(iris.placeholder());
        xxx.addProperty(RDF.type, KK.Area);
        labels(xxx, "XXX地域");
        xxx.addProperty(RDFS.label, "area XXX", "en");
        xxx.addProperty(SKOS.prefLabel, "area XXX", "en");
        xxx.addProperty(
                RDFS.comment, "ガイドラインの協議シート様式（別添６）と協議イメージ（例）が、任意の地域を表すために" + "用いている仮の地域名「XXX地域」。特定の地域を指さない。", "ja");
        xxx.addProperty(
                RDFS.comment,
                "The placeholder 「XXX地域」 (area XXX) that the guideline's worksheet template "
                        + "(attachment 6) and its worked examples use for any area; it stands for no particular area.",
                "en");
        return model;
    }

    private static void labels(Resource area, String nameJa) {
        area.addProperty(RDFS.label, nameJa, "ja");
        area.addProperty(SKOS.prefLabel, nameJa, "ja");
    }

    private static void expect(CsvTable.Row row, String column, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            throw row.error(column, "is \"" + actual + "\", expected \"" + expected + "\"");
        }
    }

    private static String checked(CsvTable.Row row, String column, Supplier<String> mint) {
        try {
            return mint.get();
        } catch (InvalidAreaCodeException e) {
            throw row.error(column, e.getMessage());
        }
    }
}
