package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.kakaritsuke.kb.area.AreaIris;
import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.PrefectureParameter;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDF;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The worksheet page: one consultation worksheet laid out like the form (別添６), with its logic model; and its print
 * for the meeting, one A4 landscape page in the 別添６ arrangement ({@code /doc/worksheet/{slug}/print}, printed by
 * the browser; {@code …/print.pdf}, rendered on the server by {@link WorksheetPdf}); {@code ?full=true} adds a
 * second page with the roles and indicators.
 */
@Controller
class WorksheetController {

    private final BrowseQueries queries;
    private final WorksheetRepository repository;
    private final AreaEvidence evidence;
    private final WorksheetPdf pdf;

    WorksheetController(
            BrowseQueries queries, WorksheetRepository repository, AreaEvidence evidence, WorksheetPdf pdf) {
        this.queries = queries;
        this.repository = repository;
        this.evidence = evidence;
        this.pdf = pdf;
    }

    /** The worksheet {@code slug} as the pages show it; 404 if there is none. */
    private Worksheet read(String slug) {
        if (!WorksheetNames.isSlug(slug)) {
            throw new NotFoundException("worksheet " + slug);
        }
        WorksheetNames names = new WorksheetNames(queries.baseIri(), slug);
        String graphIri = names.graph();
        Model data = queries.graph(graphIri);
        String worksheetIri = names.worksheet();
        if (!data.contains(data.createResource(worksheetIri), null, (RDFNode) null)) {
            throw new NotFoundException("worksheet " + slug);
        }
        Model all = ModelFactory.createDefaultModel();
        all.add(data);
        all.add(queries.graph("graph/template"));
        all.add(queries.graph("graph/sources"));
        all.add(queries.construct(
                "worksheet-context", Map.of("worksheetGraph", ResourceFactory.createResource(graphIri))));
        // The ontology joins as it is, not copied: the page only reads.
        return WorksheetReader.read(
                ModelFactory.createUnion(all, queries.ontology()), worksheetIri, slug, queries.baseIri());
    }

    @GetMapping(path = "/doc/worksheet/{slug}/print", produces = MediaType.TEXT_HTML_VALUE)
    String print(
            @PathVariable String slug,
            @RequestParam(defaultValue = "false") boolean full,
            org.springframework.ui.Model page) {
        page.addAllAttributes(pdf.model(
                read(slug),
                new WorksheetNames(queries.baseIri(), slug).worksheet(),
                full,
                false,
                LocalizedText.currentLanguage()));
        return WorksheetPdf.TEMPLATE;
    }

    @GetMapping(path = "/doc/worksheet/{slug}/print.pdf")
    ResponseEntity<byte[]> printPdf(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean full) {
        Worksheet ws = read(slug);
        byte[] body = pdf.render(
                ws, new WorksheetNames(queries.baseIri(), slug).worksheet(), full, LocalizedText.currentLanguage());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(slug + ".pdf")
                                .build()
                                .toString())
                .body(body);
    }

    @GetMapping(path = "/doc/worksheet/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    String worksheet(
            @PathVariable String slug,
            @RequestParam(name = "prefecture", required = false) String prefecture,
            Authentication user,
            org.springframework.ui.Model page) {
        if (!WorksheetNames.isSlug(slug)) {
            throw new NotFoundException("worksheet " + slug);
        }
        String chosenPrefecture = PrefectureParameter.check(prefecture);
        WorksheetNames names = new WorksheetNames(queries.baseIri(), slug);
        String worksheetIri = names.worksheet();
        Model data = queries.graph(names.graph());
        var area = data.getResource(worksheetIri).getPropertyResourceValue(KK.area);
        Model description =
                area != null && area.isURIResource() && !area.getURI().equals(queries.iri(AreaIris.PLACEHOLDER_PATH))
                        ? queries.construct("area-description", Map.of("area", area))
                        : ModelFactory.createDefaultModel();
        // The other areas to compare with are those of one prefecture, the reader's choice or the worksheet's own:
        // a dozen, not the 340 of every prefecture (0.8-1.2 s in a JVM just started at 構想区域 × 10 years). A
        // worked example has no prefecture of its own: its areas are listed once the reader chooses one.
        String within = chosenPrefecture != null
                ? queries.iri(AreaIris.prefecturePath(chosenPrefecture))
                : area == null ? null : prefectureOf(description, area);
        List<CompareChoices.Prefecture> prefectures = queries.select("prefectures", Map.of()).stream()
                .map(row -> new CompareChoices.Prefecture(
                        Rows.string(row, "prefectureCode"),
                        Rows.localized(row, "prefectureLabel", "prefectureCode"),
                        Objects.equals(Rows.iri(row, "prefecture"), within)))
                .toList();
        CompareChoices.Prefecture comparePrefecture = prefectures.stream()
                .filter(CompareChoices.Prefecture::selected)
                .findFirst()
                .orElse(null);
        if (chosenPrefecture != null && comparePrefecture == null) {
            throw new BadRequestException("prefecture", "no prefecture with code '" + chosenPrefecture + "'");
        }
        page.addAttribute("comparePrefectures", prefectures);
        page.addAttribute("comparePrefecture", comparePrefecture);
        Map<String, Resource> compared = new HashMap<>();
        compared.put("worksheet", ResourceFactory.createResource(worksheetIri));
        if (within != null) {
            compared.put("prefecture", ResourceFactory.createResource(within));
            // Asked beside the rest of the page.
            queries.prefetch("compare/candidates", compared);
        }
        page.addAttribute("ws", read(slug));
        Author author = Authors.of(user);
        boolean workedExample = repository.isWorkedExample(slug);
        page.addAttribute("workedExample", workedExample);
        page.addAttribute("signedIn", author != null);
        page.addAttribute(
                "canEdit",
                !workedExample
                        && author != null
                        && area != null
                        && area.isURIResource()
                        && repository.mayWrite(author, area.getURI()));
        evidence(data.getResource(worksheetIri), area, description, page);
        page.addAttribute(
                "compare",
                within == null
                        ? CompareChoices.none()
                        : CompareChoices.from(queries.select("compare/candidates", compared), slug, queries.baseIri()));
        return "browse/worksheet";
    }

    /**
     * The prefecture the area lies in, from its description ({@code area-description.rq}): the area itself for a
     * prefecture, the one it states, or the one the area it is part of is or states (a ward of a designated city);
     * null for none.
     */
    private static String prefectureOf(Model description, Resource area) {
        Resource described = description.getResource(area.getURI());
        if (described.hasProperty(RDF.type, KK.Prefecture)) {
            return area.getURI();
        }
        Resource stated = described.getPropertyResourceValue(KK.inPrefecture);
        if (stated != null && stated.isURIResource()) {
            return stated.getURI();
        }
        for (var whole : described.listProperties(KK.partOf).toList()) {
            if (!whole.getObject().isURIResource()) {
                continue;
            }
            Resource w = whole.getResource();
            if (w.hasProperty(RDF.type, KK.Prefecture)) {
                return w.getURI();
            }
            Resource itsPrefecture = w.getPropertyResourceValue(KK.inPrefecture);
            if (itsPrefecture != null && itsPrefecture.isURIResource()) {
                return itsPrefecture.getURI();
            }
        }
        return null;
    }

    /**
     * The "evidence for this area" panel and the links from measures to related evidence: for a worksheet of a
     * 構想区域 or prefecture its own evidence, for one of a municipality that of the zone(s) covering it; for the
     * guideline's placeholder area only a note that evidence appears once an area is chosen.
     */
    private void evidence(Resource worksheet, Resource area, Model description, org.springframework.ui.Model page) {
        page.addAttribute("evidencePanels", List.of());
        page.addAttribute("measureEvidence", Map.of());
        page.addAttribute("evidencePlaceholder", false);
        if (area == null || !area.isURIResource()) {
            return;
        }
        if (area.getURI().equals(queries.iri(AreaIris.PLACEHOLDER_PATH))) {
            page.addAttribute("evidencePlaceholder", true);
            return;
        }
        List<String> areas = new ArrayList<>();
        Resource described = description.getResource(area.getURI());
        if (described.hasProperty(RDF.type, KK.VisionZone) || described.hasProperty(RDF.type, KK.Prefecture)) {
            areas.add(area.getURI());
        } else {
            description.listSubjectsWithProperty(KK.coversMunicipality, described).toList().stream()
                    .filter(z -> z.getURI().startsWith(queries.iri("id/area/kousou/")))
                    .map(z -> z.getURI())
                    .sorted()
                    .forEach(areas::add);
        }
        Resource function = worksheet.getPropertyResourceValue(KK.function);
        List<AreaEvidence.Panel> panels = new ArrayList<>();
        for (String a : areas) {
            AreaEvidence.Panel panel = evidence.panel(a, function);
            if (panel != null) {
                panels.add(panel);
            }
        }
        page.addAttribute("evidencePanels", panels);
        if (panels.isEmpty()) {
            return;
        }
        Map<Integer, List<Links.Link>> byMeasure = new HashMap<>();
        for (var m : worksheet.listProperties(KK.hasMeasure).toList()) {
            Resource measure = m.getResource();
            if (!measure.hasProperty(KK.ordinal)) {
                continue;
            }
            List<Resource> resources = new ArrayList<>();
            measure.listProperties(KK.usesResource).forEachRemaining(st -> resources.add(st.getResource()));
            measure.listProperties(KK.hasAction)
                    .forEachRemaining(action -> action.getResource()
                            .listProperties(KK.usesResource)
                            .forEachRemaining(st -> resources.add(st.getResource())));
            List<Links.Link> links = new ArrayList<>();
            for (String a : areas) {
                links.addAll(evidence.measureLinks(a, resources));
            }
            if (!links.isEmpty()) {
                byMeasure.put(measure.getProperty(KK.ordinal).getInt(), links);
            }
        }
        page.addAttribute("measureEvidence", byMeasure);
    }
}
