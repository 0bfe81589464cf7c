package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import jp.kakaritsuke.kb.store.StoredBoolean;
import jp.kakaritsuke.kb.vocab.Codes;
import jp.kakaritsuke.kb.vocab.FacilityFunctions;
import jp.kakaritsuke.kb.web.PageLinks;
import jp.kakaritsuke.kb.web.Paging;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.SKOS;
import org.springframework.stereotype.Component;

/**
 * What is known about an area (a 構想区域, or a prefecture as the sum of its zones), for the area and worksheet pages:
 * population and 65+ share against the prefecture and the nation, projected home-visit demand with its growth and rank
 * among all zones, the medical institutions by designated function and a map of them. All of it from the evidence
 * graphs through the named queries; nothing when the evidence is not loaded.
 */
@Component
class AreaEvidence {

    /** The designated functions in the order the pages offer them. */
    static final List<Resource> FUNCTIONS = List.of(
            FacilityFunctions.HOME_CARE_SUPPORT,
            FacilityFunctions.SECONDARY_EMERGENCY,
            FacilityFunctions.TERTIARY_EMERGENCY,
            FacilityFunctions.REGIONAL_SUPPORT_HOSPITAL,
            FacilityFunctions.ADVANCED_TREATMENT_HOSPITAL);

    record Population(
            long population,
            long over65,
            String share,
            String prefectureShare,
            String nationShare,
            Links.Link prefecture,
            boolean wholePrefecture) {}

    record Bar(String year, String value, boolean projection, long x, long y, long width, long height) {}

    record Demand(
            List<Bar> bars,
            String from,
            String to2040,
            String growth,
            Integer rank,
            int zones,
            String outpatientGrowth) {}

    record Facility(
            String name,
            String href,
            String municipality,
            String functions,
            String medicalInfoNetId,
            String beds,
            boolean located) {}

    record Filter(String key, String label, String href, boolean active) {}

    record Point(long x, long y, String name) {}

    record MapView(String viewBox, String outline, List<Point> points) {}

    /**
     * What an area page shows of the evidence. The map draws every institution of the chosen function; the table lists
     * one page of them.
     */
    record Evidence(
            Population population,
            Demand demand,
            PageLinks<Facility> facilities,
            List<Filter> filters,
            String function,
            MapView map,
            int unlocated) {}

    /** How many institutions a page of the facility table lists. */
    static final int FACILITY_PAGE_SIZE = 50;

    private final BrowseQueries queries;
    private final PrefectureOutlines outlines;

    AreaEvidence(BrowseQueries queries, PrefectureOutlines outlines) {
        this.queries = queries;
        this.outlines = outlines;
    }

    /** The key of a designated function in URLs ({@code ?function=home-care-support}). */
    static String key(Resource function) {
        return function.getURI().substring(FacilityFunctions.NS.length());
    }

    static Resource function(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        for (Resource f : FUNCTIONS) {
            if (key(f).equals(key)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The evidence of {@code area} (a vision zone or prefecture IRI); null when the store holds none for it.
     *
     * @param prefectureCode the 2-digit code of the prefecture the map shows
     * @param pageHref the area page, to which the function filters link
     * @param facilityPage the page of the facility table, from 1
     * @param facilityPageHref the link to a page of the facility table, the function kept
     */
    Evidence of(
            String area,
            String prefectureCode,
            Resource function,
            String pageHref,
            int facilityPage,
            IntFunction<String> facilityPageHref) {
        Resource areaNode = ResourceFactory.createResource(area);
        Population population = population(areaNode);
        if (population == null) {
            return null;
        }
        Model ontology = queries.ontology();
        Map<String, RDFNode> bindings = new LinkedHashMap<>();
        bindings.put("area", areaNode);
        if (function != null) {
            bindings.put("function", function);
        }
        List<Facility> facilities = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        PrefectureOutlines.Frame frame = outlines.frame(prefectureCode);
        int unlocated = 0;
        for (QuerySolution row : queries.select("facilities-of-area", bindings)) {
            String name = row.getLiteral("name").getLexicalForm();
            boolean located = row.contains("latitude") && row.contains("longitude");
            facilities.add(new Facility(
                    name,
                    Rows.href(row, "facility", queries.baseIri()),
                    row.contains("municipalityName")
                            ? row.getLiteral("municipalityName").getLexicalForm()
                            : "",
                    functionLabels(ontology, Rows.string(row, "functions")),
                    row.contains("medicalInfoNetId")
                            ? row.getLiteral("medicalInfoNetId").getLexicalForm()
                            : "",
                    row.contains("beds") ? row.getLiteral("beds").getLexicalForm() : "",
                    located));
            if (located && frame != null) {
                points.add(new Point(
                        Math.round(frame.x(row.getLiteral("longitude").getDouble())),
                        Math.round(frame.y(row.getLiteral("latitude").getDouble())),
                        name));
            } else {
                unlocated++;
            }
        }
        List<Filter> filters = new ArrayList<>();
        filters.add(new Filter("", null, pageHref + "#area-facilities", function == null));
        for (Resource f : FUNCTIONS) {
            filters.add(new Filter(
                    key(f),
                    Links.label(ontology.getResource(f.getURI())),
                    pageHref + "?function=" + key(f) + "#area-facilities",
                    f.equals(function)));
        }
        MapView map = frame == null ? null : new MapView(frame.viewBox(), frame.outline(), points);
        return new Evidence(
                population,
                demand(areaNode),
                PageLinks.of(Paging.of(facilities, facilityPage, FACILITY_PAGE_SIZE), facilityPageHref),
                filters,
                function == null ? null : Links.label(ontology.getResource(function.getURI())),
                map,
                unlocated);
    }

    /** Labels of the functions whose notations (在支, 二次, …) a facility row lists. */
    private static String functionLabels(Model ontology, String notations) {
        if (notations == null || notations.isBlank()) {
            return "";
        }
        List<String> labels = new ArrayList<>();
        for (Resource f : FUNCTIONS) {
            Resource concept = ontology.getResource(f.getURI());
            String notation = concept.hasProperty(SKOS.notation)
                    ? concept.getProperty(SKOS.notation).getString()
                    : "";
            if (List.of(notations.split(" ")).contains(notation)) {
                labels.add(Links.label(concept));
            }
        }
        return String.join("・", labels);
    }

    private Population population(Resource area) {
        List<QuerySolution> rows = queries.select("area-population", Map.of("area", area));
        if (rows.isEmpty() || !rows.get(0).contains("population")) {
            return null;
        }
        QuerySolution row = rows.get(0);
        long population = row.getLiteral("population").getLong();
        if (population == 0) {
            return null;
        }
        long over65 = row.getLiteral("over65").getLong();
        Resource prefecture = row.getResource("prefecture");
        boolean wholePrefecture = prefecture.getURI().equals(area.getURI());
        return new Population(
                population,
                over65,
                percent(over65, population),
                percent(
                        row.getLiteral("prefectureOver65").getLong(),
                        row.getLiteral("prefecturePopulation").getLong()),
                percent(
                        row.getLiteral("nationOver65").getLong(),
                        row.getLiteral("nationPopulation").getLong()),
                new Links.Link(Links.href(prefecture.getURI(), queries.baseIri()), label(prefecture)),
                wholePrefecture);
    }

    private String label(Resource resource) {
        Model model = queries.construct("area-description", Map.of("area", resource));
        return Links.label(model.getResource(resource.getURI()));
    }

    private Demand demand(Resource area) {
        Map<String, Double> home = new LinkedHashMap<>();
        Map<String, Boolean> projection = new LinkedHashMap<>();
        Map<String, Double> outpatient = new LinkedHashMap<>();
        for (QuerySolution row : queries.select("area-demand", Map.of("area", area))) {
            String year = row.getLiteral("year").getLexicalForm();
            double value = row.getLiteral("receipts").getDouble();
            if (row.getResource("category").equals(Codes.DEMAND_HOME_VISIT)) {
                home.put(year, value);
                projection.put(year, StoredBoolean.isTrue(row.get("projection")));
            } else {
                outpatient.put(year, value);
            }
        }
        if (home.isEmpty()) {
            return null;
        }
        double max =
                home.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Double> e : home.entrySet()) {
            long height = Math.round(e.getValue() / max * 120);
            bars.add(new Bar(
                    e.getKey(),
                    String.format(Locale.ROOT, "%,.0f", e.getValue()),
                    projection.get(e.getKey()),
                    20 + i * 60L,
                    140 - height,
                    40,
                    height));
            i++;
        }
        Double from = home.get("2024");
        Double to = home.get("2040");
        String growth = from == null || to == null ? null : signedPercent((to - from) / from);
        Integer rank = null;
        int zones = 0;
        List<QuerySolution> ranking = queries.select("areas-by-home-visit-growth", Map.of());
        for (QuerySolution row : ranking) {
            zones++;
            if (rank == null && row.getResource("area").getURI().equals(area.getURI())) {
                rank = zones;
            }
        }
        Double outFrom = outpatient.get("2024");
        Double outTo = outpatient.get("2040");
        return new Demand(
                bars,
                from == null ? null : String.format(Locale.ROOT, "%,.0f", from),
                to == null ? null : String.format(Locale.ROOT, "%,.0f", to),
                growth,
                rank,
                zones,
                outFrom == null || outTo == null ? null : signedPercent((outTo - outFrom) / outFrom));
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String signedPercent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * ratio);
    }

    /** The evidence panel of a worksheet: the area it is for, what matters for its function, links to the rest. */
    record Panel(Links.Link area, Population population, Demand demand, List<FunctionCount> facilities) {}

    /** How many institutions of an area have a function, and where to see them. */
    record FunctionCount(String label, long count, String href) {}

    /** The designated functions that matter for a family-doctor function, in the order the panel lists them. */
    static List<Resource> functionsFor(Resource familyDoctorFunction) {
        String f = familyDoctorFunction == null ? "" : familyDoctorFunction.getURI();
        return switch (f.substring(f.lastIndexOf('/') + 1)) {
            case "f2-ha", "f2-ni" -> List.of(FacilityFunctions.HOME_CARE_SUPPORT);
            case "f2-i" -> List.of(FacilityFunctions.SECONDARY_EMERGENCY, FacilityFunctions.TERTIARY_EMERGENCY);
            case "f2-ro" -> List.of(FacilityFunctions.HOME_CARE_SUPPORT, FacilityFunctions.REGIONAL_SUPPORT_HOSPITAL);
            default -> FUNCTIONS;
        };
    }

    /** The panel for {@code area} (a zone or prefecture IRI), or null when no evidence is loaded for it. */
    Panel panel(String area, Resource familyDoctorFunction) {
        Resource areaNode = ResourceFactory.createResource(area);
        Population population = population(areaNode);
        if (population == null) {
            return null;
        }
        Model ontology = queries.ontology();
        String href = Links.href(area, queries.baseIri());
        List<FunctionCount> counts = new ArrayList<>();
        for (Resource f : functionsFor(familyDoctorFunction)) {
            long n = queries.select("facilities-of-area", Map.of("area", areaNode, "function", f))
                    .size();
            counts.add(new FunctionCount(
                    Links.label(ontology.getResource(f.getURI())),
                    n,
                    href + "?function=" + key(f) + "#area-facilities"));
        }
        return new Panel(new Links.Link(href, label(areaNode)), population, demand(areaNode), counts);
    }

    /** Links from a measure to the evidence its resources relate to: the area's institutions with those functions. */
    List<Links.Link> measureLinks(String area, List<Resource> resources) {
        Model ontology = queries.ontology();
        String href = Links.href(area, queries.baseIri());
        List<Links.Link> links = new ArrayList<>();
        for (Resource f : FUNCTIONS) {
            Resource concept = ontology.getResource(f.getURI());
            boolean related = resources.stream().anyMatch(r -> concept.hasProperty(SKOS.related, r));
            if (related) {
                links.add(new Links.Link(href + "?function=" + key(f) + "#area-facilities", Links.label(concept)));
            }
        }
        return links;
    }
}
