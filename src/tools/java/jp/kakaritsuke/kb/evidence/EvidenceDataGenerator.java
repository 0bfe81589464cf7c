package jp.kakaritsuke.kb.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import jp.kakaritsuke.kb.area.AreaDataGenerator;
import jp.kakaritsuke.kb.area.AreaIris;
import jp.kakaritsuke.kb.vocab.Codes;
import jp.kakaritsuke.kb.vocab.FacilityFunctions;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.PROV;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.RIOT;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Converts the regional evidence CSVs ({@code data/evidence/source/}, copies of tidy files derived from MHLW and MLIT
 * originals) into RDF under {@code data/}: the membership of 構想区域 and the kinds of municipalities
 * ({@code data/areas/membership.trig}), and the evidence graphs ({@code data/evidence/*.trig}, the facilities
 * gzip-compressed): population by age band, projected demand and the zone profile as RDF Data Cube observations,
 * medical institutions as schema.org organisations with their designated functions, and a description of every
 * data set with its originals (SHA-256, date, licence, the publisher's caveats) and the SHA-256 of the CSV it was made
 * from. Every row is checked against the area lists; a mismatch fails with file, line and column. The output depends
 * on the input only: running it again on the same CSVs writes the same bytes.
 *
 * <p>Run with {@code [source-dir [regions-dir [data-dir]]]}, by default
 * {@code data/evidence/source data/regions data}.
 */
public final class EvidenceDataGenerator {

    static final String BUILD_BASE = "http://localhost:8080/";

    static final String MEMBERSHIP_CSV = "kousou-municipalities-R7.csv";
    static final String MIE_CSV = "mie-kousou-municipalities.csv";
    static final String POPULATION_CSV = "kousou-population-2020.csv";
    static final String AREA_BASIC_CSV = "kousou-area-basic.csv";
    static final String DEMAND_CSV = "kousou-demand-forecast.csv";
    static final String FACILITIES_CSV = "kousou-facilities.csv";
    static final String FUNCTIONS_CSV = "kousou-facility-functions.csv";
    static final String LOCATIONS_CSV = "kousou-facility-locations.csv";
    static final String NAVII_CSV = "navii-hospitals-20250601.csv";

    /** The publication of the 構想区域 the evidence is keyed by. */
    static final String PUBLICATION = AreaDataGenerator.VISION_ZONE_PUBLICATION;
    /** Mie's 二次医療圏 belong to its 8th medical plan. */
    static final String MIE_PLAN = "8";

    static final String QB = "http://purl.org/linked-data/cube#";
    static final String SDMX_DIMENSION = "http://purl.org/linked-data/sdmx/2009/dimension#";
    static final String SDMX_ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#";
    static final String SCHEMA = "https://schema.org/";
    static final String GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#";
    static final String SPDX = "http://spdx.org/rdf/terms#";
    static final String YEAR = "http://reference.data.gov.uk/id/gregorian-year/";

    static final Resource QB_DATASET = ResourceFactory.createResource(QB + "DataSet");
    static final Resource QB_OBSERVATION = ResourceFactory.createResource(QB + "Observation");
    static final Property QB_DATASET_PROP = ResourceFactory.createProperty(QB + "dataSet");
    static final Property QB_STRUCTURE = ResourceFactory.createProperty(QB + "structure");
    static final Property QB_MEASURE_TYPE = ResourceFactory.createProperty(QB + "measureType");
    static final Property REF_AREA = ResourceFactory.createProperty(SDMX_DIMENSION + "refArea");
    static final Property REF_PERIOD = ResourceFactory.createProperty(SDMX_DIMENSION + "refPeriod");
    static final Property UNIT_MEASURE = ResourceFactory.createProperty(SDMX_ATTRIBUTE + "unitMeasure");
    static final Resource MEDICAL_ORGANIZATION = ResourceFactory.createResource(SCHEMA + "MedicalOrganization");
    static final Property SCHEMA_NAME = ResourceFactory.createProperty(SCHEMA + "name");
    static final Property LAT = ResourceFactory.createProperty(GEO + "lat");
    static final Property LONG = ResourceFactory.createProperty(GEO + "long");
    static final Property SPDX_CHECKSUM = ResourceFactory.createProperty(SPDX + "checksum");
    static final Property SPDX_ALGORITHM = ResourceFactory.createProperty(SPDX + "algorithm");
    static final Property SPDX_VALUE = ResourceFactory.createProperty(SPDX + "checksumValue");
    static final Resource SPDX_CHECKSUM_CLASS = ResourceFactory.createResource(SPDX + "Checksum");
    static final Resource SPDX_SHA256 = ResourceFactory.createResource(SPDX + "checksumAlgorithm_sha256");

    /** The age-band columns of the population CSV and their concepts. */
    static final Map<String, Resource> AGE_COLUMNS = ageColumns();

    /** The function names of the functions CSV and their concepts. */
    static final Map<String, Resource> FUNCTIONS = Map.of(
            "在宅療養支援", FacilityFunctions.HOME_CARE_SUPPORT,
            "二次救急", FacilityFunctions.SECONDARY_EMERGENCY,
            "三次救急", FacilityFunctions.TERTIARY_EMERGENCY,
            "地域支援", FacilityFunctions.REGIONAL_SUPPORT_HOSPITAL,
            "特定機能", FacilityFunctions.ADVANCED_TREATMENT_HOSPITAL);

    static final Map<String, Resource> DEMAND_CATEGORIES = Map.of(
            "在宅（訪問診療）", Codes.DEMAND_HOME_VISIT,
            "外来", Codes.DEMAND_OUTPATIENT);

    /** One evidence file: its graph, its file under data/, and the header comment. */
    enum Output {
        MEMBERSHIP(
                "areas/membership.trig",
                EvidenceIris.MEMBERSHIP_GRAPH,
                "構想区域の構成市区町村と市区町村の種別 — which municipalities make up each of the 339 vision zones (FY2025),\n"
                        + "Mie's four 二次医療圏 (8th plan) and the kind of every municipality and statistical area.\n"
                        + "Sources: MLIT 国土数値情報 A38-20 (members A38b_001), 三重県医療政策課 for Mie's 8 zones, and\n"
                        + "data/regions/lgcode_with_checkdigit.csv for the kinds. Licence: 国土数値情報 open-data terms and\n"
                        + "the government standard terms of use (CC BY 4.0 compatible); attribute MLIT and 三重県."),
        POPULATION(
                "evidence/population-2020.trig.gz",
                EvidenceIris.graph("population-2020"),
                "構想区域別・年齢5歳階級別人口（令和2年国勢調査） — population of each vision zone by age band, 2020 census.\n"
                        + "Source: MHLW materials「2040年に向けた地域医療構想」. Licence: government standard terms of use\n"
                        + "(CC BY 4.0 compatible); attribute MHLW and the Statistics Bureau."),
        DEMAND(
                "evidence/demand.trig.gz",
                EvidenceIris.graph("demand"),
                "構想区域別の医療需要推計 — projected home-visit and outpatient demand per vision zone, FY2024–2050, in\n"
                        + "claims per month (not patients); FY2030 on are current-rate projections.\n"
                        + "Source: MHLW 001728462.xlsx. Licence: MHLW site terms (government standard terms); attribute MHLW."),
        PROFILE(
                "evidence/area-profile.trig",
                EvidenceIris.graph("area-profile"),
                "構想区域の基礎情報 — surface area and estimated patient outflow and inflow rates of each vision zone (FY2025).\n"
                        + "Source: MHLW 別添４ 001723349.xlsx. Licence: MHLW site terms (government standard terms); attribute\n"
                        + "MHLW. Caveat: 病床機能報告の集計結果と将来の病床数の必要量は計算方法が異なるため、単純に比較しない."),
        FACILITIES(
                "evidence/facilities.trig.gz",
                EvidenceIris.graph("facilities"),
                "構想区域別の医療機関とその機能 — hospitals and bedded clinics per vision zone with their designated functions,\n"
                        + "locations where matched unambiguously (never guessed) and Medical Information Net ids where name and\n"
                        + "municipality match one entry.\n"
                        + "Sources: MHLW 別添５ 001723127.xlsx; MLIT 国土数値情報 P04-20; MHLW 医療情報ネット open data 2025-06-01.\n"
                        + "Licence: MHLW site terms (government standard terms) and 国土数値情報 open-data terms; attribute\n"
                        + "MHLW and MLIT. Caveats: unreported institutions may exist; a blank function is unknown, not no."),
        SOURCES(
                "evidence/sources.trig",
                EvidenceIris.graph("sources"),
                "出典 — the evidence data sets (RDF Data Cube and DCAT), the government originals they derive from\n"
                        + "(SHA-256, date, licence, the publishers' caveats) and the SHA-256 of each CSV they were made from.");

        final String file;
        final String graph;
        final String header;

        Output(String file, String graph, String header) {
            this.file = file;
            this.graph = graph;
            this.header = header;
        }
    }

    private final Path sourceDir;
    private final Path regionsDir;
    private final String base;
    private final Map<Output, Model> models = new LinkedHashMap<>();
    /** 構想区域 code → name, from data/regions. */
    private final Map<String, String> zones = new TreeMap<>();
    /** standard area code → [name, kind, parent]. */
    private final Map<String, String[]> municipalities = new HashMap<>();
    /** (zone code, municipality name) → municipality code, from the membership CSV. */
    private final Map<String, String> municipalityByZoneAndName = new HashMap<>();

    private EvidenceDataGenerator(Path sourceDir, Path regionsDir, String base) {
        this.sourceDir = sourceDir;
        this.regionsDir = regionsDir;
        this.base = base;
        for (Output output : Output.values()) {
            models.put(output, ModelFactory.createDefaultModel());
        }
    }

    public static void main(String[] args) {
        Path source = Path.of(args.length > 0 ? args[0] : "data/evidence/source");
        Path regions = Path.of(args.length > 1 ? args[1] : "data/regions");
        Path data = Path.of(args.length > 2 ? args[2] : "data");
        write(build(source, regions, BUILD_BASE), BUILD_BASE, data);
        System.err.println("Wrote " + Output.values().length + " evidence files under " + data);
    }

    /** The evidence graphs, named and with IRIs resolved against {@code baseIri}. */
    public static DatasetGraph build(Path sourceDir, Path regionsDir, String baseIri) {
        EvidenceDataGenerator generator = new EvidenceDataGenerator(sourceDir, regionsDir, baseIri);
        generator.run();
        DatasetGraph dataset = DatasetGraphFactory.create();
        dataset.prefixes().putAll(prefixes());
        generator.models.forEach(
                (output, model) -> dataset.addGraph(NodeFactory.createURI(baseIri + output.graph), model.getGraph()));
        return dataset;
    }

    /** Relative paths (under data/) of the files the generator writes. */
    public static List<String> files() {
        return java.util.Arrays.stream(Output.values()).map(o -> o.file).toList();
    }

    static Map<String, String> prefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("kk", KK.NS);
        prefixes.put("kkfac", FacilityFunctions.NS);
        prefixes.put("kkcode", Codes.NS);
        prefixes.put("qb", QB);
        prefixes.put("sdmx-dimension", SDMX_DIMENSION);
        prefixes.put("sdmx-attribute", SDMX_ATTRIBUTE);
        prefixes.put("schema", SCHEMA);
        prefixes.put("geo", GEO);
        prefixes.put("spdx", SPDX);
        prefixes.put("dct", DCTerms.NS);
        prefixes.put("dcat", DCAT.NS);
        prefixes.put("prov", PROV.NS);
        prefixes.put("rdfs", RDFS.getURI());
        prefixes.put("skos", SKOS.getURI());
        prefixes.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        return prefixes;
    }

    /** Writes each graph of {@code dataset} to its file under {@code dataDir}, IRIs under {@code baseIri} relative. */
    static void write(DatasetGraph dataset, String baseIri, Path dataDir) {
        try {
            for (Output output : Output.values()) {
                Path file = dataDir.resolve(output.file);
                Files.createDirectories(file.getParent());
                DatasetGraph single = DatasetGraphFactory.create();
                single.prefixes().putAll(dataset.prefixes());
                var name = NodeFactory.createURI(baseIri + output.graph);
                single.addGraph(name, dataset.getGraph(name));
                try (OutputStream raw = Files.newOutputStream(file);
                        OutputStream out = output.file.endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
                    StringBuilder header = new StringBuilder();
                    output.header
                            .lines()
                            .forEach(line -> header.append("# ").append(line).append('\n'));
                    header.append(
                            "# Generated from data/evidence/source/ by jp.kakaritsuke.kb.evidence.EvidenceDataGenerator;"
                                    + " do not edit by hand.\n# IRIs are relative: resolve them against the knowledge base's base"
                                    + " IRI.\n\n");
                    out.write(header.toString().getBytes(StandardCharsets.UTF_8));
                    RDFWriter.source(single)
                            .format(RDFFormat.TRIG_BLOCKS)
                            .base(baseIri)
                            .set(RIOT.symTurtleOmitBase, true)
                            .output(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write evidence data under " + dataDir, e);
        }
    }

    // ---------------------------------------------------------------- the conversion

    private void run() {
        readAreas();
        membership();
        population();
        demand();
        profile();
        facilities();
        sources();
    }

    private String iri(String relative) {
        return base + relative;
    }

    private Resource zone(Model model, String code) {
        return model.createResource(base + AreaIris.visionZonePath(PUBLICATION, code));
    }

    private Resource municipality(Model model, String code) {
        return model.createResource(base + AreaIris.municipalityPath(code));
    }

    private void readAreas() {
        for (Row row : Csv.read(regionsDir.resolve("kousou_kuiki_R7_339.csv"))) {
            zones.put(row.get("area_code"), row.get("area_name"));
        }
        for (Row row : Csv.read(regionsDir.resolve("lgcode_with_checkdigit.csv"))) {
            municipalities.put(
                    row.get("code5"),
                    new String[] {row.get("name_ja"), row.get("kind_guess"), row.optional("parent_code5")});
        }
    }

    private String knownZone(Row row, String column) {
        String code = row.get(column);
        if (!zones.containsKey(code)) {
            throw row.error(column, "構想区域 " + code + " is not in data/regions/kousou_kuiki_R7_339.csv");
        }
        return code;
    }

    private void expectZoneName(Row row, String codeColumn, String nameColumn) {
        String expected = zones.get(row.get(codeColumn));
        if (!expected.equals(row.get(nameColumn))) {
            throw row.error(nameColumn, "is \"" + row.get(nameColumn) + "\", expected \"" + expected + "\"");
        }
    }

    /** The six villages of the Northern Territories: codes 01695–01700. */
    static boolean northernTerritories(String code) {
        return code.compareTo("01695") >= 0 && code.compareTo("01700") <= 0;
    }

    private void membership() {
        Model model = models.get(Output.MEMBERSHIP);
        // kinds of every municipality and statistical area
        for (Map.Entry<String, String[]> e : new TreeMap<>(municipalities).entrySet()) {
            String kind = e.getValue()[1];
            Resource concept = switch (kind) {
                case "municipality" ->
                    northernTerritories(e.getKey()) ? Codes.NORTHERN_TERRITORIES_VILLAGE : Codes.ORDINARY_MUNICIPALITY;
                case "designated-city" -> Codes.DESIGNATED_CITY;
                case "ward-of-designated-city" -> Codes.DESIGNATED_CITY_WARD;
                case "special-ward(tokubetsu-ku)" -> Codes.SPECIAL_WARD;
                case "district(gun)-statistical-only",
                        "subprefecture-statistical-only",
                        "special-wards-area-statistical-only" -> Codes.STATISTICAL_AREA;
                case "prefecture" -> null;
                default ->
                    throw new EvidenceDataException(
                            "data/regions/lgcode_with_checkdigit.csv: unknown kind " + kind + " of " + e.getKey());
            };
            if (concept != null) {
                municipality(model, e.getKey()).addProperty(KK.municipalityKind, concept);
            }
        }
        Set<String> seen = new HashSet<>();
        for (Row row : Csv.read(sourceDir.resolve(MEMBERSHIP_CSV))) {
            String code = row.get("muni_code");
            String zoneCode = knownZone(row, "area_code");
            expectZoneName(row, "area_code", "area_name");
            String[] muni = municipalities.get(code);
            if (muni == null) {
                throw row.error(
                        "muni_code", "municipality " + code + " is not in data/regions/lgcode_with_checkdigit.csv");
            }
            if (!muni[0].equals(row.get("muni_name"))
                    && !(municipalities.containsKey(muni[2])
                            && (municipalities.get(muni[2])[0] + muni[0]).equals(row.get("muni_name")))) {
                throw row.error(
                        "muni_name", "is \"" + row.get("muni_name") + "\", the code list says \"" + muni[0] + "\"");
            }
            if (!zoneCode.startsWith(row.get("pref_code")) || !code.startsWith(row.get("pref_code"))) {
                throw row.error("pref_code", "does not match the codes of the zone and the municipality");
            }
            if (!seen.add(code)) {
                throw row.error("muni_code", "municipality " + code + " appears twice");
            }
            municipalityByZoneAndName.put(zoneCode + "|" + row.get("muni_name"), code);
            Resource zone = zone(model, zoneCode);
            zone.addProperty(KK.coversMunicipality, municipality(model, code));
            if (muni[1].equals("ward-of-designated-city")) {
                // a designated city belongs, through its wards, to every zone one of its wards lies in
                zone.addProperty(KK.coversMunicipality, municipality(model, muni[2]));
            }
        }
        // Mie: 8 構想区域 within 4 二次医療圏 of the 8th plan
        Map<String, String> nijiNames = new TreeMap<>();
        for (Row row : Csv.read(sourceDir.resolve(MIE_CSV))) {
            String zoneCode = knownZone(row, "area_code");
            expectZoneName(row, "area_code", "area_name");
            String code = row.get("muni_code");
            if (!zoneCode.equals(memberZone(code))) {
                throw row.error(
                        "area_code",
                        "municipality " + code + " belongs to " + memberZone(code) + " in " + MEMBERSHIP_CSV);
            }
            String niji = row.get("parent_iryoken2_code");
            nijiNames.put(niji, row.get("parent_iryoken2_name"));
            Resource area = model.createResource(base + AreaIris.secondaryMedicalAreaPath(MIE_PLAN, niji));
            area.addProperty(KK.coversMunicipality, municipality(model, code));
            zone(model, zoneCode).addProperty(KK.partOf, area);
        }
        nijiNames.forEach((code, name) -> {
            Resource area = model.createResource(base + AreaIris.secondaryMedicalAreaPath(MIE_PLAN, code));
            area.addProperty(RDF.type, KK.SecondaryMedicalArea);
            area.addProperty(RDFS.label, name, "ja");
            area.addProperty(SKOS.prefLabel, name, "ja");
            area.addProperty(KK.medicalAreaCode, code);
            area.addProperty(KK.planGeneration, MIE_PLAN);
            area.addProperty(
                    KK.inPrefecture, model.createResource(base + AreaIris.prefecturePath(code.substring(0, 2))));
            area.addProperty(KK.partOf, model.createResource(base + AreaIris.prefecturePath(code.substring(0, 2))));
            area.addProperty(
                    DCTerms.source, model.createResource(iri(EvidenceIris.source(EvidenceSource.MIE_NIJI_8.key))));
        });
    }

    private String memberZone(String municipalityCode) {
        return municipalityByZoneAndName.entrySet().stream()
                .filter(e -> e.getValue().equals(municipalityCode))
                .map(e -> e.getKey().substring(0, 4))
                .findFirst()
                .orElse(null);
    }

    private Resource dataset(Model model, String name, Resource structure) {
        Resource dataset = model.createResource(iri(EvidenceIris.dataset(name)));
        dataset.addProperty(RDF.type, QB_DATASET);
        dataset.addProperty(QB_STRUCTURE, structure);
        return dataset;
    }

    private Resource observation(Model model, Resource dataset, String relative) {
        Resource obs = model.createResource(iri(relative));
        obs.addProperty(RDF.type, QB_OBSERVATION);
        obs.addProperty(QB_DATASET_PROP, dataset);
        return obs;
    }

    private void population() {
        Model model = models.get(Output.POPULATION);
        Resource dataset =
                dataset(model, "population-2020", ResourceFactory.createResource(KK.NS + "PopulationStructure"));
        Set<String> seen = new HashSet<>();
        for (Row row : Csv.read(sourceDir.resolve(POPULATION_CSV))) {
            String code = knownZone(row, "area_code");
            expectZoneName(row, "area_code", "area_name");
            if (!seen.add(code)) {
                throw row.error("area_code", "appears twice");
            }
            long bands = 0;
            long over65 = 0;
            for (Map.Entry<String, Resource> band : AGE_COLUMNS.entrySet()) {
                long value = row.integer(band.getKey());
                String local = band.getValue().getURI().substring(Codes.NS.length());
                Resource obs = observation(model, dataset, EvidenceIris.observation("population-2020", code, local));
                obs.addProperty(REF_AREA, zone(model, code));
                obs.addProperty(REF_PERIOD, model.createResource(YEAR + "2020"));
                obs.addProperty(KK.ageBand, band.getValue());
                obs.addLiteral(KK.population, model.createTypedLiteral(String.valueOf(value), XSDDatatype.XSDinteger));
                obs.addProperty(UNIT_MEASURE, Codes.UNIT_PERSON);
                if (band.getKey().matches("pop_[0-9].*")) {
                    bands += value;
                    if (band.getKey().compareTo("pop_65") >= 0 || band.getKey().equals("pop_100plus")) {
                        over65 += value;
                    }
                }
            }
            // internal consistency of the source, so that a shifted column cannot pass unnoticed
            if (row.integer("pop_65plus") != bandsFrom65(row)) {
                throw row.error("pop_65plus", "is not the sum of the bands from 65");
            }
            if (bands - over65 + row.integer("pop_65plus") + row.integer("pop_age_unknown")
                    != row.integer("pop_total_census")) {
                throw row.error("pop_total_census", "is not the sum of the bands and the unknown ages");
            }
        }
        if (seen.size() != zones.size()) {
            throw new EvidenceDataException(POPULATION_CSV + ": " + seen.size() + " zones, expected " + zones.size());
        }
    }

    private static long bandsFrom65(Row row) {
        long sum = 0;
        for (String column : AGE_COLUMNS.keySet()) {
            if (column.matches("pop_(6[5-9]|[7-9][0-9])_.*") || column.equals("pop_100plus")) {
                sum += row.integer(column);
            }
        }
        return sum;
    }

    private void demand() {
        Model model = models.get(Output.DEMAND);
        Resource dataset = dataset(model, "demand", ResourceFactory.createResource(KK.NS + "DemandStructure"));
        for (Row row : Csv.read(sourceDir.resolve(DEMAND_CSV))) {
            String code = knownZone(row, "area_code");
            expectZoneName(row, "area_code", "area_name");
            Resource category = DEMAND_CATEGORIES.get(row.get("demand_category"));
            if (category == null) {
                throw row.error("demand_category", "unknown category " + row.get("demand_category"));
            }
            String year = row.get("year");
            String label = row.get("year_label");
            if (!label.startsWith(year + "年度")) {
                throw row.error("year_label", "does not name the year " + year);
            }
            String local = category.getURI().substring(Codes.NS.length());
            Resource obs = observation(model, dataset, EvidenceIris.observation("demand", code, local, year));
            obs.addProperty(REF_AREA, zone(model, code));
            obs.addLiteral(KK.referenceFiscalYear, model.createTypedLiteral(year, XSDDatatype.XSDgYear));
            obs.addProperty(KK.demandCategory, category);
            obs.addLiteral(
                    KK.receiptsPerMonth,
                    model.createTypedLiteral(
                            row.decimal("receipts_per_month").toPlainString(), XSDDatatype.XSDdecimal));
            obs.addProperty(UNIT_MEASURE, Codes.UNIT_CLAIMS_PER_MONTH);
            obs.addLiteral(KK.projection, label.contains("現状投影"));
            obs.addProperty(KK.sourceLabel, label, "ja");
        }
    }

    private void profile() {
        Model model = models.get(Output.PROFILE);
        Resource dataset =
                dataset(model, "area-profile", ResourceFactory.createResource(KK.NS + "AreaProfileStructure"));
        for (Row row : Csv.read(sourceDir.resolve(AREA_BASIC_CSV))) {
            if (!row.get("published_fy").equals(PUBLICATION)) {
                // The R6 net flow rate is another concept than the R7 rates and is never set beside them.
                continue;
            }
            String code = knownZone(row, "area_code");
            expectZoneName(row, "area_code", "area_name");
            measure(model, dataset, code, KK.areaKm2, row.decimal("area_2020_km2"));
            if (!row.optional("outflow_rate").isEmpty()) {
                measure(model, dataset, code, KK.outflowRate, row.decimal("outflow_rate"));
            }
            if (!row.optional("inflow_rate").isEmpty()) {
                measure(model, dataset, code, KK.inflowRate, row.decimal("inflow_rate"));
            }
        }
    }

    private void measure(Model model, Resource dataset, String code, Property measure, BigDecimal value) {
        Resource obs =
                observation(model, dataset, EvidenceIris.observation("area-profile", code, measure.getLocalName()));
        obs.addProperty(REF_AREA, zone(model, code));
        obs.addProperty(QB_MEASURE_TYPE, measure);
        obs.addLiteral(measure, model.createTypedLiteral(value.toPlainString(), XSDDatatype.XSDdecimal));
    }

    /** NFKC with white space removed: how names are compared with the Medical Information Net. */
    static String normalizedName(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private void facilities() {
        Model model = models.get(Output.FACILITIES);
        Resource p04 = model.createResource(iri(EvidenceIris.dataset("facility-locations")));
        Resource navii = model.createResource(iri(EvidenceIris.dataset("medical-information-net")));
        Map<String, Row> facilities = new LinkedHashMap<>();
        for (Row row : Csv.read(sourceDir.resolve(FACILITIES_CSV))) {
            String code = knownZone(row, "area_code");
            expectZoneName(row, "area_code", "area_name");
            String record = row.get("record_id");
            if (!record.equals(PUBLICATION + "-" + code + "-" + row.get("source_row"))) {
                throw row.error("record_id", "is not publication-zone-row");
            }
            if (facilities.put(record, row) != null) {
                throw row.error("record_id", "appears twice");
            }
        }
        // Medical Information Net: index by (normalized name, municipality code), for the official and short names
        Map<String, List<Row>> byOfficial = new HashMap<>();
        Map<String, List<Row>> byShort = new HashMap<>();
        for (Row row : Csv.read(sourceDir.resolve(NAVII_CSV))) {
            String muni = row.get("都道府県コード") + row.get("市区町村コード");
            byOfficial
                    .computeIfAbsent(normalizedName(row.get("正式名称")) + "|" + muni, k -> new ArrayList<>())
                    .add(row);
            if (!row.optional("略称").isEmpty()) {
                byShort.computeIfAbsent(normalizedName(row.get("略称")) + "|" + muni, k -> new ArrayList<>())
                        .add(row);
            }
        }
        Map<String, Integer> facilityKeys = new HashMap<>();
        Map<String, String> keyOf = new HashMap<>();
        for (Row row : facilities.values()) {
            String muni = municipalityByZoneAndName.get(row.get("area_code") + "|" + row.optional("municipality"));
            if (muni != null) {
                String key = normalizedName(row.get("facility_name")) + "|" + muni;
                keyOf.put(row.get("record_id"), key);
                facilityKeys.merge(key, 1, Integer::sum);
            }
        }
        Map<String, Row> naviiMatch = new HashMap<>();
        Set<String> usedIds = new HashSet<>();
        for (Map<String, List<Row>> index : List.of(byOfficial, byShort)) {
            for (Row row : facilities.values()) {
                String record = row.get("record_id");
                String key = keyOf.get(record);
                if (key == null || naviiMatch.containsKey(record) || facilityKeys.get(key) != 1) {
                    continue;
                }
                List<Row> candidates = index.getOrDefault(key, List.of());
                if (candidates.size() == 1 && usedIds.add(candidates.get(0).get("ID"))) {
                    naviiMatch.put(record, candidates.get(0));
                }
            }
        }
        Map<String, Row> locations = new HashMap<>();
        for (Row row : Csv.read(sourceDir.resolve(LOCATIONS_CSV))) {
            Row facility = facilities.get(row.get("record_id"));
            if (facility == null || !facility.get("area_code").equals(row.get("area_code"))) {
                throw row.error("record_id", "is not a facility of zone " + row.get("area_code"));
            }
            if (locations.put(row.get("record_id"), row) != null) {
                throw row.error("record_id", "appears twice");
            }
        }
        for (Row row : facilities.values()) {
            String record = row.get("record_id");
            String code = row.get("area_code");
            Resource facility = model.createResource(iri(EvidenceIris.facility(record)));
            facility.addProperty(RDF.type, MEDICAL_ORGANIZATION);
            facility.addProperty(SCHEMA_NAME, row.get("facility_name"), "ja");
            facility.addProperty(RDFS.label, row.get("facility_name"), "ja");
            facility.addProperty(KK.inVisionZone, zone(model, code));
            facility.addProperty(KK.sourceRecord, record);
            facility.addProperty(
                    DCTerms.source, model.createResource(iri(EvidenceIris.source(EvidenceSource.MHLW_BETTEN5_R7.key))));
            String municipalityName = row.optional("municipality");
            if (!municipalityName.isEmpty()) {
                facility.addProperty(KK.municipalityName, municipalityName, "ja");
                String muni = municipalityByZoneAndName.get(code + "|" + municipalityName);
                if (muni != null) {
                    facility.addProperty(KK.inMunicipality, municipality(model, muni));
                }
            }
            Row location = locations.get(record);
            Row naviiRow = naviiMatch.get(record);
            if (location != null && location.get("match_status").equals("matched")) {
                facility.addLiteral(
                        LAT,
                        model.createTypedLiteral(location.decimal("latitude").toPlainString(), XSDDatatype.XSDdecimal));
                facility.addLiteral(
                        LONG,
                        model.createTypedLiteral(
                                location.decimal("longitude").toPlainString(), XSDDatatype.XSDdecimal));
                facility.addProperty(KK.locationSource, p04);
            } else if (naviiRow != null
                    && naviiRow.decimal("所在地座標（緯度）").signum() != 0
                    && naviiRow.decimal("所在地座標（経度）").signum() != 0) {
                facility.addLiteral(
                        LAT,
                        model.createTypedLiteral(
                                naviiRow.decimal("所在地座標（緯度）").toPlainString(), XSDDatatype.XSDdecimal));
                facility.addLiteral(
                        LONG,
                        model.createTypedLiteral(
                                naviiRow.decimal("所在地座標（経度）").toPlainString(), XSDDatatype.XSDdecimal));
                facility.addProperty(KK.locationSource, navii);
            }
            if (naviiRow != null) {
                facility.addProperty(KK.medicalInfoNetId, naviiRow.get("ID"));
                String beds = naviiRow.optional("合計病床数");
                if (!beds.isEmpty()) {
                    facility.addLiteral(KK.bedCount, model.createTypedLiteral(beds, XSDDatatype.XSDnonNegativeInteger));
                }
            }
        }
        for (Row row : Csv.read(sourceDir.resolve(FUNCTIONS_CSV))) {
            Row facility = facilities.get(row.get("record_id"));
            if (facility == null || !facility.get("area_code").equals(row.get("area_code"))) {
                throw row.error("record_id", "is not a facility of zone " + row.get("area_code"));
            }
            Resource function = FUNCTIONS.get(row.get("function_name"));
            if (function == null) {
                throw row.error("function_name", "unknown function " + row.get("function_name"));
            }
            model.createResource(iri(EvidenceIris.facility(row.get("record_id"))))
                    .addProperty(KK.designatedFunction, function);
        }
    }

    private void sources() {
        Model model = models.get(Output.SOURCES);
        for (EvidenceSource source : EvidenceSource.values()) {
            Resource doc = model.createResource(iri(EvidenceIris.source(source.key)));
            doc.addProperty(RDF.type, DCAT.Distribution);
            doc.addProperty(RDF.type, model.createResource(PROV.NS + "Entity"));
            doc.addProperty(DCTerms.title, source.titleJa, "ja");
            doc.addProperty(DCTerms.title, source.titleEn, "en");
            doc.addProperty(RDFS.label, source.titleJa, "ja");
            doc.addProperty(RDFS.label, source.titleEn, "en");
            doc.addProperty(DCTerms.publisher, source.publisher, "ja");
            doc.addProperty(DCTerms.license, model.createResource(source.licence));
            if (source.downloadUrl != null) {
                doc.addProperty(DCAT.downloadURL, model.createResource(source.downloadUrl));
            }
            if (source.landingPage != null) {
                doc.addProperty(DCAT.accessURL, model.createResource(source.landingPage));
            } else if (source.downloadUrl != null) {
                doc.addProperty(DCAT.accessURL, model.createResource(source.downloadUrl));
            }
            if (source.sha256 != null) {
                checksum(model, doc, source.sha256);
            }
            if (source.acquired != null) {
                doc.addLiteral(DCTerms.date, model.createTypedLiteral(source.acquired, XSDDatatype.XSDdate));
            }
            for (String caveat : source.caveats) {
                doc.addProperty(SKOS.scopeNote, caveat, "ja");
            }
        }
        describe(
                model,
                "population-2020",
                "構想区域別・年齢階級別人口（2020年国勢調査）",
                "Population by vision zone and age band (2020 census)",
                "339の構想区域の2020年国勢調査人口を5歳階級・65歳以上・年齢不詳・総数で示す。",
                "2020 census population of the 339 vision zones by 5-year age band, 65 and over, unknown age and total.",
                List.of(EvidenceSource.CENSUS_2020),
                List.of(POPULATION_CSV),
                "2020",
                "2020");
        describe(
                model,
                "demand",
                "構想区域別の医療需要推計",
                "Projected medical demand by vision zone",
                "在宅（訪問診療）と外来の需要をレセプト件数/月で示す。2024年度は実績相当、2030〜2050年度は現状投影。患者数ではない。",
                "Home-visit and outpatient demand in claims per month; FY2024 actual, FY2030–2050 current-rate projections. Not patients.",
                List.of(EvidenceSource.MHLW_DEMAND_R7),
                List.of(DEMAND_CSV),
                "2024",
                "2050");
        describe(
                model,
                "area-profile",
                "構想区域の基礎情報（面積・推計流出入患者割合）",
                "Vision-zone profile (area, patient outflow and inflow)",
                "構想区域の面積と推計流出・流入患者割合（令和7年度公表）。",
                "Surface area and estimated patient outflow and inflow rates of the vision zones (FY2025 publication).",
                List.of(EvidenceSource.MHLW_BETTEN4_R7),
                List.of(AREA_BASIC_CSV),
                "2020",
                "2025");
        describe(
                model,
                "facilities",
                "構想区域別の医療機関とその機能",
                "Medical institutions of each vision zone and their functions",
                "構想区域ごとの病院・有床診療所、指定・届出機能、一意に対応づけられた場合の位置と医療情報ネットID。",
                "Hospitals and bedded clinics of each vision zone, their designated functions, and their location and Medical Information Net id where matched unambiguously.",
                List.of(EvidenceSource.MHLW_BETTEN5_R7, EvidenceSource.MLIT_P04_20, EvidenceSource.NAVII_20250601),
                List.of(FACILITIES_CSV, FUNCTIONS_CSV, LOCATIONS_CSV, NAVII_CSV),
                "2025",
                "2025");
        describe(
                model,
                "membership",
                "構想区域の構成市区町村",
                "Municipalities of each vision zone",
                "339の構想区域を構成する市区町村（指定都市はその区を通じて）、三重県の二次医療圏、市区町村の種別。",
                "The municipalities of the 339 vision zones (designated cities through their wards), Mie's secondary medical areas, and municipality kinds.",
                List.of(EvidenceSource.MLIT_A38_20, EvidenceSource.MIE_NIJI_8),
                List.of(MEMBERSHIP_CSV, MIE_CSV),
                "2020",
                "2025");
        Resource p04 = model.createResource(iri(EvidenceIris.dataset("facility-locations")));
        p04.addProperty(RDF.type, DCAT.Dataset);
        p04.addProperty(DCTerms.title, "医療機関の位置（国土数値情報P04-20との突合）", "ja");
        p04.addProperty(DCTerms.title, "Locations of medical institutions (linked with P04-20)", "en");
        p04.addProperty(
                PROV.wasDerivedFrom, model.createResource(iri(EvidenceIris.source(EvidenceSource.MLIT_P04_20.key))));
        Resource navii = model.createResource(iri(EvidenceIris.dataset("medical-information-net")));
        navii.addProperty(RDF.type, DCAT.Dataset);
        navii.addProperty(DCTerms.title, "医療情報ネット（ナビイ）オープンデータ", "ja");
        navii.addProperty(DCTerms.title, "Medical Information Net (navii) open data", "en");
        navii.addProperty(
                PROV.wasDerivedFrom, model.createResource(iri(EvidenceIris.source(EvidenceSource.NAVII_20250601.key))));
    }

    private void describe(
            Model model,
            String name,
            String titleJa,
            String titleEn,
            String descJa,
            String descEn,
            List<EvidenceSource> originals,
            List<String> csvs,
            String from,
            String to) {
        Resource dataset = model.createResource(iri(EvidenceIris.dataset(name)));
        dataset.addProperty(RDF.type, DCAT.Dataset);
        dataset.addProperty(DCTerms.title, titleJa, "ja");
        dataset.addProperty(DCTerms.title, titleEn, "en");
        dataset.addProperty(DCTerms.description, descJa, "ja");
        dataset.addProperty(DCTerms.description, descEn, "en");
        Resource period = model.createResource(iri(EvidenceIris.dataset(name) + "#period"));
        period.addProperty(RDF.type, DCTerms.PeriodOfTime);
        period.addLiteral(DCAT.startDate, model.createTypedLiteral(from, XSDDatatype.XSDgYear));
        period.addLiteral(DCAT.endDate, model.createTypedLiteral(to, XSDDatatype.XSDgYear));
        dataset.addProperty(DCTerms.temporal, period);
        dataset.addProperty(DCTerms.spatial, model.createResource("http://data.e-stat.go.jp/lod/sac/C00000"));
        for (EvidenceSource original : originals) {
            Resource doc = model.createResource(iri(EvidenceIris.source(original.key)));
            dataset.addProperty(PROV.wasDerivedFrom, doc);
            dataset.addProperty(DCTerms.license, model.createResource(original.licence));
            for (String caveat : original.caveats) {
                dataset.addProperty(SKOS.scopeNote, caveat, "ja");
            }
        }
        for (String csv : csvs) {
            Resource copy = model.createResource(iri("id/source/tidy/" + csv));
            copy.addProperty(RDF.type, DCAT.Distribution);
            copy.addProperty(DCTerms.title, "data/evidence/source/" + csv);
            copy.addProperty(RDFS.label, "data/evidence/source/" + csv);
            checksum(model, copy, sha256(sourceDir.resolve(csv)));
            dataset.addProperty(PROV.wasDerivedFrom, copy);
        }
    }

    private void checksum(Model model, Resource doc, String sha256) {
        Resource checksum = model.createResource(doc.getURI() + "#sha256");
        checksum.addProperty(RDF.type, SPDX_CHECKSUM_CLASS);
        checksum.addProperty(SPDX_ALGORITHM, SPDX_SHA256);
        checksum.addLiteral(SPDX_VALUE, model.createTypedLiteral(sha256, XSDDatatype.XSDhexBinary));
        doc.addProperty(SPDX_CHECKSUM, checksum);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Resource> ageColumns() {
        Map<String, Resource> columns = new LinkedHashMap<>();
        for (int lo = 0; lo < 100; lo += 5) {
            columns.put(
                    "pop_" + lo + "_" + (lo + 4),
                    ResourceFactory.createResource(Codes.NS + "age-" + lo + "-" + (lo + 4)));
        }
        columns.put("pop_100plus", Codes.AGE_100PLUS);
        columns.put("pop_65plus", Codes.AGE_65PLUS);
        columns.put("pop_age_unknown", Codes.AGE_UNKNOWN);
        columns.put("pop_total_census", Codes.AGE_TOTAL);
        return columns;
    }

    // ---------------------------------------------------------------- CSV

    /** One row of a CSV file, read by column name; errors name file, line and column. */
    record Row(Path file, long line, CSVRecord record) {

        String get(String column) {
            String value = optional(column);
            if (value.isEmpty()) {
                throw error(column, "is empty");
            }
            return value;
        }

        String optional(String column) {
            if (!record.isMapped(column)) {
                throw error(column, "column is missing");
            }
            String value = record.get(column);
            return value == null ? "" : value.strip();
        }

        long integer(String column) {
            try {
                return Long.parseLong(get(column));
            } catch (NumberFormatException e) {
                throw error(column, "is not an integer: " + get(column));
            }
        }

        BigDecimal decimal(String column) {
            try {
                return new BigDecimal(get(column));
            } catch (NumberFormatException e) {
                throw error(column, "is not a number: " + get(column));
            }
        }

        EvidenceDataException error(String column, String problem) {
            return new EvidenceDataException(file.getFileName() + ":" + line + " [" + column + "] " + problem);
        }
    }

    static final class Csv {

        private Csv() {}

        static List<Row> read(Path file) {
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                reader.mark(1);
                if (reader.read() != '\uFEFF') {
                    reader.reset();
                }
                List<Row> rows = new ArrayList<>();
                try (CSVParser parser =
                        CSVParser.builder().setReader(reader).setFormat(format).get()) {
                    for (CSVRecord record : parser) {
                        if (!record.isConsistent()) {
                            throw new EvidenceDataException(file.getFileName() + ":" + parser.getCurrentLineNumber()
                                    + " has " + record.size() + " fields, the header has "
                                    + parser.getHeaderMap().size());
                        }
                        rows.add(new Row(file, parser.getCurrentLineNumber(), record));
                    }
                }
                return rows;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }
}
