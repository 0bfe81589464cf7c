package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.browse.Links.Link;
import jp.kakaritsuke.kb.query.FiscalYears;
import jp.kakaritsuke.kb.query.WorksheetCounts;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.PageLinks;
import jp.kakaritsuke.kb.web.Paging;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.SKOS;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages of the ontology's concept schemes: the functions and actor types (lists and one page each), and the simple
 * pages of worksheet statuses and sections.
 */
@Controller
class ConceptController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final BrowseQueries queries;
    private final FiscalYears years;

    private final WorksheetCounts counts;

    ConceptController(BrowseQueries queries, FiscalYears years, WorksheetCounts counts) {
        this.queries = queries;
        this.years = years;
        this.counts = counts;
    }

    /** A concept scheme's name and definition. */
    record SchemeText(String label, String definition) {}

    /** A resource used by a function's measures, with how many worksheets and measures use it. */
    record ResourceUse(Link resource, long worksheets, long measures) {}

    /** An actor type in the list, indented by depth, with its measures and role assignments. */
    record ActorRow(Link actor, int depth, long measures, long roles) {}

    /** A measure or role that involves an actor type. */
    record Involvement(
            String worksheetHref,
            String worksheetTitle,
            String measureHref,
            String ordinal,
            String measureText,
            String kind,
            String roleText,
            boolean synthetic) {

        public String circled() {
            return ordinal == null ? null : Worksheet.circled(Integer.parseInt(ordinal));
        }
    }

    /** Involvements of one worksheet's area and function. */
    record InvolvementGroup(Link area, Link function, List<Involvement> rows) {}

    @GetMapping(path = "/functions", produces = MediaType.TEXT_HTML_VALUE)
    String functions(org.springframework.ui.Model page) {
        Model ontology = queries.ontology();
        page.addAttribute("scheme", schemeText(ontology, KK.functions));
        page.addAttribute("functions", HomeController.functionCounts(queries));
        return "browse/functions";
    }

    @GetMapping(path = "/def/function/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String function(
            @PathVariable String id,
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "page", defaultValue = "1") int pageNumber,
            org.springframework.ui.Model page) {
        Concept concept = Concept.of(queries.ontology(), "function", checked(id), queries.baseIri());
        Resource fn = ResourceFactory.createResource(concept.iri());
        page.addAttribute("concept", concept);
        FiscalYears.Choice choice = years.choose(year);
        // Each costly at the national scale: answered side by side.
        Map<String, RDFNode> listed = AreaController.inYear("function", fn, choice);
        counts.prefetch(concept.iri(), null, null);
        queries.prefetch("worksheet-list", listed);
        // The resources in the year the page shows, as its worksheets are: over every year, 構想区域 × 10 years, 0.65 s
        // in a JVM just started.
        Map<String, RDFNode> resourcesOfYear = new LinkedHashMap<>();
        resourcesOfYear.put("function", fn);
        if (choice.selected() != null) {
            resourcesOfYear.put("fiscalYear", choice.literal());
        }
        queries.prefetch("function-resources", resourcesOfYear);
        page.addAttribute("provenanceCounts", counts.of(concept.iri(), null, null));
        AreaController.WorksheetListing listing = AreaController.WorksheetListing.of(
                Rows.worksheets(queries.select("worksheet-list", listed), queries.baseIri()), pageNumber);
        page.addAttribute("years", choice);
        page.addAttribute("selfPath", "/def/function/" + id);
        page.addAttribute(
                "worksheetPage", PageLinks.ofYear(listing.paging(), "/def/function/" + id, choice.selected()));
        page.addAttribute("worksheetGroups", listing.groups());
        // The query ranks ties by the Japanese label; a stable sort by the label shown puts English ones in order.
        page.addAttribute(
                "resources",
                queries.select("function-resources", resourcesOfYear).stream()
                        .map(r -> new ResourceUse(
                                new Link(
                                        Rows.href(r, "resource", queries.baseIri()),
                                        Rows.localized(r, "label", "resource")),
                                Rows.number(r, "worksheets"),
                                Rows.number(r, "measures")))
                        .sorted(Comparator.comparingLong(ResourceUse::worksheets)
                                .reversed()
                                .thenComparing(Comparator.comparingLong(ResourceUse::measures)
                                        .reversed())
                                .thenComparing(
                                        u -> u.resource().label(), Comparator.nullsFirst(Comparator.naturalOrder())))
                        .toList());
        return "browse/function";
    }

    @GetMapping(path = "/actors", produces = MediaType.TEXT_HTML_VALUE)
    String actors(@RequestParam(name = "year", required = false) String year, org.springframework.ui.Model page) {
        Model ontology = queries.ontology();
        FiscalYears.Choice choice = years.choose(year);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, RDFNode> inYear = choice.selected() == null ? Map.of() : Map.of("fiscalYear", choice.literal());
        for (QuerySolution r : queries.select("actor-counts", inYear)) {
            counts.put(Rows.iri(r, "actor"), new long[] {Rows.number(r, "measures"), Rows.number(r, "roles")});
        }
        List<ActorRow> rows = new ArrayList<>();
        List<Resource> tops = ontology.getResource(KK.actorTypes.getURI())
                .listProperties(SKOS.hasTopConcept)
                .mapWith(s -> s.getResource())
                .toList();
        tops.sort(Comparator.comparing(Resource::getURI));
        for (Resource top : tops) {
            addActor(ontology, top, 0, counts, rows);
        }
        page.addAttribute("scheme", schemeText(ontology, KK.actorTypes));
        page.addAttribute("actors", rows);
        page.addAttribute("years", choice);
        page.addAttribute("selfPath", "/actors");
        return "browse/actors";
    }

    @GetMapping(path = "/def/actor/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String actor(
            @PathVariable String id,
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "page", defaultValue = "1") int pageNumber,
            org.springframework.ui.Model page) {
        Concept concept = Concept.of(queries.ontology(), "actor", checked(id), queries.baseIri());
        page.addAttribute("concept", concept);
        FiscalYears.Choice choice = years.choose(year);
        Map<String, RDFNode> bindings = new LinkedHashMap<>();
        bindings.put("actor", ResourceFactory.createResource(concept.iri()));
        if (choice.selected() != null) {
            bindings.put("fiscalYear", choice.literal());
        }
        Map<String, InvolvementGroup> groups = new LinkedHashMap<>();
        String base = queries.baseIri();
        // The query orders by the Japanese labels; a stable sort by the labels shown keeps that order within them.
        List<QuerySolution> involvement = queries.select("actor-involvement", bindings).stream()
                .sorted(Comparator.comparing((QuerySolution r) -> Rows.bool(r, "synthetic"))
                        .thenComparing(r -> Rows.localized(r, "areaLabel", "area"))
                        .thenComparing(r -> Rows.localized(r, "functionLabel", "worksheetFunction")))
                .toList();
        Paging<QuerySolution> shown = Paging.of(involvement, pageNumber, AreaController.PAGE_SIZE);
        page.addAttribute("years", choice);
        page.addAttribute("selfPath", "/def/actor/" + id);
        page.addAttribute("involvementPage", PageLinks.ofYear(shown, "/def/actor/" + id, choice.selected()));
        for (QuerySolution r : shown.items()) {
            String key = Rows.iri(r, "area") + " " + Rows.iri(r, "worksheetFunction");
            String measure = Rows.iri(r, "measure");
            String worksheetHref = Rows.href(r, "worksheet", base);
            String ordinal = Rows.string(r, "ordinal");
            groups.computeIfAbsent(
                            key,
                            k -> new InvolvementGroup(
                                    new Link(Rows.href(r, "area", base), Rows.localized(r, "areaLabel", "area")),
                                    new Link(
                                            Rows.href(r, "worksheetFunction", base),
                                            Rows.localized(r, "functionLabel", "worksheetFunction")),
                                    new ArrayList<>()))
                    .rows()
                    .add(new Involvement(
                            worksheetHref,
                            Rows.localized(r, "title", "worksheet"),
                            ordinal == null ? Links.href(measure, base) : worksheetHref + "#measure-" + ordinal,
                            ordinal,
                            Rows.localized(r, "measureText", null),
                            Rows.string(r, "involvement"),
                            Rows.localized(r, "roleText", null),
                            Rows.bool(r, "synthetic")));
        }
        page.addAttribute("groups", List.copyOf(groups.values()));
        return "browse/actor";
    }

    @GetMapping(path = "/def/status/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String status(
            @PathVariable String id,
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "page", defaultValue = "1") int pageNumber,
            org.springframework.ui.Model page) {
        Concept concept = Concept.of(queries.ontology(), "status", checked(id), queries.baseIri());
        page.addAttribute("concept", concept);
        FiscalYears.Choice choice = years.choose(year);
        AreaController.WorksheetListing listing = AreaController.WorksheetListing.of(
                Rows.worksheets(
                        queries.select(
                                "worksheet-list",
                                AreaController.inYear("status", ResourceFactory.createResource(concept.iri()), choice)),
                        queries.baseIri()),
                pageNumber);
        page.addAttribute("years", choice);
        page.addAttribute("selfPath", "/def/status/" + id);
        page.addAttribute("worksheetPage", PageLinks.ofYear(listing.paging(), "/def/status/" + id, choice.selected()));
        page.addAttribute("worksheetGroups", listing.groups());
        return "browse/concept";
    }

    @GetMapping(path = "/def/section/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String section(@PathVariable String id, org.springframework.ui.Model page) {
        Model ontology = queries.ontology();
        Concept concept = Concept.of(ontology, "section", checked(id), queries.baseIri());
        page.addAttribute("concept", concept);
        Resource itemClass = ontology.getResource(concept.iri()).getPropertyResourceValue(KK.itemClass);
        page.addAttribute("itemClass", itemClass == null ? null : Links.label(itemClass));
        Model template = queries.graph("graph/template");
        List<String> headings =
                template.listSubjectsWithProperty(KK.section, template.getResource(concept.iri())).toList().stream()
                        .map(slot -> LocalizedText.of(slot, KK.heading, "ja"))
                        .filter(h -> h != null)
                        .sorted()
                        .toList();
        page.addAttribute("headings", headings);
        return "browse/concept";
    }

    private void addActor(Model ontology, Resource actor, int depth, Map<String, long[]> counts, List<ActorRow> rows) {
        long[] c = counts.getOrDefault(actor.getURI(), new long[2]);
        rows.add(new ActorRow(Links.link(actor, queries.baseIri()), depth, c[0], c[1]));
        List<Resource> narrower =
                ontology.listSubjectsWithProperty(SKOS.broader, actor).toList();
        narrower.sort(Comparator.comparing(Resource::getURI));
        for (Resource n : narrower) {
            addActor(ontology, n, depth + 1, counts, rows);
        }
    }

    /** The scheme's name and definition in the reader's language. */
    private static SchemeText schemeText(Model ontology, Resource scheme) {
        Resource s = ontology.getResource(scheme.getURI());
        return new SchemeText(Links.label(s), LocalizedText.of(s, SKOS.definition));
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException(id);
        }
        return id;
    }
}
