package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.browse.Links.Link;
import jp.kakaritsuke.kb.browse.Rows.WorksheetRow;
import jp.kakaritsuke.kb.query.FiscalYears;
import jp.kakaritsuke.kb.query.WorksheetCounts;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.PageLinks;
import jp.kakaritsuke.kb.web.Paging;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The areas: the list of prefectures, and one page per area with the areas within it and its worksheets. */
@Controller
class AreaController {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    private final BrowseQueries queries;
    private final FiscalYears years;
    private final AreaEvidence evidence;
    private final EvidenceAnalysis analysis;
    private final EvidenceSections sections;

    private final WorksheetCounts counts;

    AreaController(
            BrowseQueries queries,
            FiscalYears years,
            AreaEvidence evidence,
            EvidenceAnalysis analysis,
            EvidenceSections sections,
            WorksheetCounts counts) {
        this.queries = queries;
        this.years = years;
        this.evidence = evidence;
        this.analysis = analysis;
        this.sections = sections;
        this.counts = counts;
    }

    /** An area's identifying codes, in the order the page lists them. */
    private static final List<Property> CODES = List.of(
            KK.prefectureCode, KK.areaCode, KK.localGovernmentCode, KK.isoCode, KK.medicalAreaCode, KK.planGeneration);

    /** A labelled value of the area (a code, a containing area). */
    record Fact(String label, String value, String href) {}

    /** Areas of one kind within a prefecture. */
    record AreaGroup(String kind, String kindLabel, List<Child> areas) {}

    /** One area within a prefecture, with its worksheet count. */
    record Child(String href, String label, String code, long worksheets) {}

    /** Worksheets of one area. */
    record WorksheetGroup(Link area, List<WorksheetRow> worksheets) {}

    /** How many worksheets a prefecture or function page lists. */
    static final int PAGE_SIZE = 50;

    /** One page of a list of worksheets, grouped by area: what the prefecture and function pages show. */
    record WorksheetListing(Paging<WorksheetRow> paging, List<WorksheetGroup> groups) {

        static WorksheetListing of(List<WorksheetRow> rows, int page) {
            Paging<WorksheetRow> paging = Paging.of(rows, page, PAGE_SIZE);
            Map<String, WorksheetGroup> groups = new LinkedHashMap<>();
            for (WorksheetRow w : paging.items()) {
                groups.computeIfAbsent(
                                w.area(),
                                a -> new WorksheetGroup(new Link(w.areaHref(), w.areaLabel()), new ArrayList<>()))
                        .worksheets()
                        .add(w);
            }
            return new WorksheetListing(paging, List.copyOf(groups.values()));
        }
    }

    /** The parameters of worksheet-list.rq for {@code subject} in the chosen fiscal year. */
    static Map<String, RDFNode> inYear(String parameter, Resource subject, FiscalYears.Choice year) {
        Map<String, RDFNode> bindings = new LinkedHashMap<>();
        bindings.put(parameter, subject);
        if (year.selected() != null) {
            bindings.put("year", year.literal());
        }
        return bindings;
    }

    @GetMapping(path = "/areas", produces = MediaType.TEXT_HTML_VALUE)
    String areas(Authentication user, org.springframework.ui.Model page) {
        page.addAttribute("canWrite", Authors.canWrite(user));
        page.addAttribute("prefectures", HomeController.prefectureCounts(queries));
        page.addAttribute("placeholder", Links.href(queries.iri("id/area/xxx"), queries.baseIri()));
        return "browse/areas";
    }

    @GetMapping(path = "/doc/area/pref/{code}", produces = MediaType.TEXT_HTML_VALUE)
    String prefecture(
            @PathVariable String code,
            @RequestParam(name = "year", required = false) String year,
            @RequestParam(name = "page", defaultValue = "1") int pageNumber,
            @RequestParam(name = "function", required = false) String function,
            @RequestParam(name = "facilityPage", defaultValue = "1") int facilityPage,
            org.springframework.ui.Model page) {
        String iri = describe("id/area/pref/" + checked(code), page);
        String path = "/doc/area/pref/" + code;
        Resource facilityFunction = AreaEvidence.function(function);
        FiscalYears.Choice choice = years.choose(year);
        Resource pref = ResourceFactory.createResource(iri);
        // Each costly at the national scale: answered side by side, and beside the evidence.
        Map<String, RDFNode> listed = inYear("area", pref, choice);
        counts.prefetch(null, iri, null);
        queries.prefetch("areas-in-prefecture", Map.of("prefecture", pref));
        queries.prefetch("worksheet-list", listed);
        page.addAttribute(
                "evidenceHtml",
                sections.render(
                        "evidence",
                        List.of(iri, String.valueOf(facilityFunction), facilityPage, String.valueOf(year), pageNumber),
                        "evidence",
                        () -> evidence.of(
                                iri,
                                code,
                                facilityFunction,
                                Links.href(iri, queries.baseIri()),
                                facilityPage,
                                n -> pageHref(path, facilityFunction, year, pageNumber, n, "area-facilities"))));
        page.addAttribute("provenanceCounts", counts.of(null, iri, null));
        Model ontology = queries.ontology();
        Map<String, List<Child>> byKind = new LinkedHashMap<>();
        for (var row : queries.select("areas-in-prefecture", Map.of("prefecture", pref))) {
            byKind.computeIfAbsent(Rows.iri(row, "kind"), k -> new ArrayList<>())
                    .add(new Child(
                            Rows.href(row, "area", queries.baseIri()), Rows.localized(row, "label", "code"),
                            Rows.string(row, "code"), Rows.number(row, "worksheets")));
        }
        List<AreaGroup> groups = new ArrayList<>();
        byKind.forEach((kind, list) ->
                groups.add(new AreaGroup(Links.localName(kind), Links.label(ontology.createResource(kind)), list)));
        page.addAttribute("groups", groups);
        WorksheetListing listing = WorksheetListing.of(
                Rows.worksheets(queries.select("worksheet-list", listed), queries.baseIri()), pageNumber);
        page.addAttribute("years", choice);
        page.addAttribute("selfPath", path);
        page.addAttribute(
                "worksheetPage",
                PageLinks.of(
                        listing.paging(),
                        n -> pageHref(path, facilityFunction, year, n, facilityPage, "area-worksheets")));
        page.addAttribute("worksheetGroups", listing.groups());
        return "browse/area";
    }

    /**
     * The link to an area page with its lists at the given pages: the facility filter, the fiscal year and each list's
     * page kept, defaults left out.
     */
    static String pageHref(
            String path, Resource function, String year, int worksheetPage, int facilityPage, String fragment) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (function != null) {
            uri.queryParam("function", AreaEvidence.key(function));
        }
        if (year != null && !year.isBlank()) {
            uri.queryParam("year", year);
        }
        if (worksheetPage > 1) {
            uri.queryParam("page", worksheetPage);
        }
        if (facilityPage > 1) {
            uri.queryParam("facilityPage", facilityPage);
        }
        return uri.fragment(fragment).encode().build().toUriString();
    }

    @GetMapping(path = "/doc/area/muni/{code}", produces = MediaType.TEXT_HTML_VALUE)
    String municipality(@PathVariable String code, org.springframework.ui.Model page) {
        return plainArea("id/area/muni/" + checked(code), page);
    }

    @GetMapping(path = "/doc/area/kousou/{generation}/{code}", produces = MediaType.TEXT_HTML_VALUE)
    String visionZone(
            @PathVariable String generation,
            @PathVariable String code,
            @RequestParam(required = false) String function,
            @RequestParam(name = "facilityPage", defaultValue = "1") int facilityPage,
            org.springframework.ui.Model page) {
        String view = plainArea("id/area/kousou/" + checked(generation) + "/" + checked(code), page);
        String iri = queries.iri("id/area/kousou/" + generation + "/" + code);
        String path = "/doc/area/kousou/" + generation + "/" + code;
        Resource facilityFunction = AreaEvidence.function(function);
        page.addAttribute(
                "evidenceHtml",
                sections.render(
                        "evidence",
                        List.of(iri, String.valueOf(facilityFunction), facilityPage),
                        "evidence",
                        () -> evidence.of(
                                iri,
                                code.substring(0, 2),
                                facilityFunction,
                                Links.href(iri, queries.baseIri()),
                                facilityPage,
                                n -> pageHref(path, facilityFunction, null, 1, n, "area-facilities"))));
        page.addAttribute("likeHtml", sections.render("like", List.of(iri), "like", () -> analysis.like(iri, null)));
        return view;
    }

    @GetMapping(path = "/doc/area/niji/{generation}/{code}", produces = MediaType.TEXT_HTML_VALUE)
    String secondaryMedicalArea(
            @PathVariable String generation, @PathVariable String code, org.springframework.ui.Model page) {
        return plainArea("id/area/niji/" + checked(generation) + "/" + checked(code), page);
    }

    @GetMapping(path = "/doc/area/xxx", produces = MediaType.TEXT_HTML_VALUE)
    String placeholder(org.springframework.ui.Model page) {
        return plainArea("id/area/xxx", page);
    }

    private String plainArea(String relative, org.springframework.ui.Model page) {
        String iri = describe(relative, page);
        page.addAttribute("evidenceHtml", null);
        page.addAttribute("groups", List.of());
        page.addAttribute(
                "worksheetGroups",
                grouped(queries.select("worksheet-list", Map.of("area", ResourceFactory.createResource(iri)))));
        return "browse/area";
    }

    /** Puts the area's name, kind, codes and links into the page; 404 when the store does not know the area. */
    private String describe(String relative, org.springframework.ui.Model page) {
        String iri = queries.iri(relative);
        Model description = queries.construct("area-description", Map.of("area", ResourceFactory.createResource(iri)));
        if (!description.contains(description.createResource(iri), null, (RDFNode) null)) {
            throw new NotFoundException("area " + relative);
        }
        // The labels of terms come from the cached ontology, read through a union rather than copied per page.
        Model model = ModelFactory.createUnion(description, queries.ontology());
        Resource area = model.createResource(iri);
        List<Fact> facts = new ArrayList<>();
        for (Property p : CODES) {
            Statement s = area.getProperty(p);
            if (s != null) {
                facts.add(new Fact(
                        Links.label(model.getResource(p.getURI())),
                        s.getObject().asLiteral().getLexicalForm(),
                        null));
            }
        }
        for (Property p : List.of(KK.inPrefecture, KK.partOf)) {
            for (Statement s : area.listProperties(p).toList()) {
                Resource o = s.getResource();
                if (p.equals(KK.partOf) && area.hasProperty(KK.inPrefecture, o)) {
                    continue;
                }
                facts.add(new Fact(
                        Links.label(model.getResource(p.getURI())),
                        Links.label(o),
                        Links.href(o.getURI(), queries.baseIri())));
            }
        }
        for (Statement s : area.listProperties(KK.standardAreaCode).toList()) {
            facts.add(new Fact(
                    Links.label(model.getResource(KK.standardAreaCode.getURI())),
                    s.getResource().getURI(),
                    s.getResource().getURI()));
        }
        List<Link> members = area.listProperties(KK.coversMunicipality).toList().stream()
                .map(s -> Links.link(s.getResource(), queries.baseIri()))
                .sorted(Comparator.comparing(Link::label))
                .toList();
        List<Link> zones = model.listSubjectsWithProperty(KK.coversMunicipality, area).toList().stream()
                .map(z -> Links.link(z, queries.baseIri()))
                .sorted(Comparator.comparing(Link::label))
                .toList();
        List<String> kinds = area.listProperties(RDF.type).toList().stream()
                .map(s -> Links.label(s.getResource()))
                .sorted()
                .toList();
        page.addAttribute("areaIri", iri);
        page.addAttribute("name", Links.label(area));
        page.addAttribute("nameJa", LocalizedText.of(area, SKOS.prefLabel, "ja"));
        page.addAttribute("kinds", kinds);
        page.addAttribute("comment", LocalizedText.of(area, RDFS.comment));
        page.addAttribute("facts", facts);
        page.addAttribute("members", members);
        page.addAttribute("zones", zones);
        page.addAttribute("dataHref", Links.href(iri, queries.baseIri()));
        return iri;
    }

    private List<WorksheetGroup> grouped(List<QuerySolution> rows) {
        Map<String, WorksheetGroup> groups = new LinkedHashMap<>();
        for (WorksheetRow w : Rows.worksheets(rows, queries.baseIri())) {
            groups.computeIfAbsent(
                            w.area(), a -> new WorksheetGroup(new Link(w.areaHref(), w.areaLabel()), new ArrayList<>()))
                    .worksheets()
                    .add(w);
        }
        return List.copyOf(groups.values());
    }

    private static String checked(String segment) {
        if (!SEGMENT.matcher(segment).matches()) {
            throw new NotFoundException("area " + segment);
        }
        return segment;
    }
}
