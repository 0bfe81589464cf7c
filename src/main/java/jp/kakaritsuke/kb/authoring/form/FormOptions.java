package jp.kakaritsuke.kb.authoring.form;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.area.AreaIris;
import jp.kakaritsuke.kb.cross.ComparisonTypes;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.OntologyModel;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.Statuses;
import jp.kakaritsuke.kb.worksheet.CanonicalOrder;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.springframework.stereotype.Component;

/**
 * The choices the forms offer, with their labels in the reader's language: concepts of the ontology's schemes
 * (functions, statuses, reused resources, actor types, read from the ontology graph; cause and measure types, named
 * query {@code comparison-types}), prefectures and the areas in
 * one (named query {@code areas-in-prefecture}), and the worksheets of a prefecture to start from (named
 * query {@code worksheet-list}).
 */
@Component
class FormOptions {

    /** A choice: its value (an IRI, a slug) and what the reader sees. */
    record Option(String value, String label) {}

    /** Choices under a heading (an area kind). */
    record Group(String label, List<Option> options) {}

    private final KnowledgeStore store;
    private final NamedQueryRunner queries;
    private final String base;
    private final OntologyModel ontology;

    FormOptions(KnowledgeStore store, NamedQueryRunner queries, StoreProperties properties, OntologyModel ontology) {
        this.store = store;
        this.ontology = ontology;
        this.queries = queries;
        this.base = properties.baseIri();
    }

    String base() {
        return base;
    }

    private Model ontology() {
        return ontology.model();
    }

    /** The concepts of {@code scheme}, in label order (functions by notation). */
    List<Option> concepts(Resource scheme, String lang) {
        Model ontology = ontology();
        List<Resource> concepts =
                new ArrayList<>(ontology.listSubjectsWithProperty(SKOS.inScheme, ontology.getResource(scheme.getURI()))
                        .toList());
        List<Option> options = new ArrayList<>();
        concepts.sort(Comparator.comparing((Resource r) -> string(r, SKOS.notation, null), CanonicalOrder.NOTATION)
                .thenComparing(r -> label(r, lang)));
        for (Resource concept : concepts) {
            options.add(new Option(concept.getURI(), label(concept, lang)));
        }
        return options;
    }

    /**
     * The cause types and measure types an author chooses from, each scheme as a tree (named query
     * {@code comparison-types}, the same the cross-region views arrange their rows and columns by).
     */
    ComparisonTypes types(String lang) {
        return ComparisonTypes.from(queries.select("comparison-types", Map.of()), lang);
    }

    /** The statuses an author sets: draft and agreed, and the current one if it is another (an example's). */
    List<Option> statuses(String current, String lang) {
        return concepts(KK.statuses, lang).stream()
                .filter(o -> o.value().equals(Statuses.DRAFT.getURI())
                        || o.value().equals(Statuses.AGREED.getURI())
                        || o.value().equals(current))
                .toList();
    }

    /** The prefectures, by code; {@code codes} restricts them (empty: all). */
    List<Option> prefectures(java.util.Set<String> codes, String lang) {
        Model areas = ModelFactory.createModelForGraph(store.graph(base + "graph/areas/prefectures"));
        List<Option> options = new ArrayList<>();
        for (Resource pref : areas.listSubjectsWithProperty(KK.prefectureCode).toList()) {
            String code = string(pref, KK.prefectureCode, "");
            if (codes.isEmpty() || codes.contains(code)) {
                options.add(new Option(code, code + " " + label(pref, lang)));
            }
        }
        options.sort(Comparator.comparing(Option::value));
        return options;
    }

    /** The prefecture itself and the areas in it, grouped by kind. */
    List<Group> areasIn(String prefectureCode, String lang) {
        String prefecture = prefectureIri(prefectureCode);
        Model ontology = ontology();
        Model labels = ModelFactory.createModelForGraph(store.graph(base + "graph/areas/prefectures"));
        List<Group> groups = new ArrayList<>();
        Resource pref = labels.getResource(prefecture);
        groups.add(new Group(
                label(ontology.getResource(KK.Prefecture.getURI()), lang),
                List.of(new Option(prefecture, label(pref, lang)))));
        Group current = null;
        for (var rows = queries.select("areas-in-prefecture", Map.of("prefecture", prefecture)); rows.hasNext(); ) {
            QuerySolution row = rows.next();
            String kind = row.getResource("kind").getURI();
            String kindLabel = label(ontology.getResource(kind), lang);
            if (current == null || !current.label().equals(kindLabel)) {
                current = new Group(kindLabel, new ArrayList<>());
                groups.add(current);
            }
            String code = row.contains("code") ? row.get("code").toString() : "";
            current.options()
                    .add(new Option(
                            row.getResource("area").getURI(),
                            (code.isEmpty() ? "" : code + " ")
                                    + row.get("label").asLiteral().getLexicalForm()));
        }
        return groups;
    }

    /** An area's name in {@code lang} (named query {@code authoring/area-labels}). */
    String areaLabel(String area, String lang) {
        Model model = queries.construct("authoring/area-labels", Map.of("area", area));
        return label(model.getResource(area), lang);
    }

    /** A concept's label in {@code lang}, from the ontology. */
    String conceptLabel(String concept, String lang) {
        return label(ontology().getResource(concept), lang);
    }

    /**
     * The worksheets of a prefecture, of every area in it and every fiscal year, by title, to start from: what an
     * editor copies (last year's, a neighbouring area's). The list is bounded by the prefecture, not by the data; a
     * worksheet elsewhere can still be the start ({@code current}, kept in the list when it is not among them).
     */
    List<Option> worksheetsIn(String prefectureCode, String current, String lang) {
        List<Option> options = new ArrayList<>();
        var rows = queries.select("worksheet-list", Map.of("area", prefectureIri(prefectureCode)));
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            String iri = row.getResource("worksheet").getURI();
            String slug = WorksheetNames.slugOf(base, iri);
            if (slug == null) {
                continue;
            }
            String title = text(row, "en".equals(lang) ? "titleEn" : "title", text(row, "title", iri));
            String area = text(row, "en".equals(lang) ? "areaLabelEn" : "areaLabel", "");
            options.add(new Option(slug, startText(title, area)));
        }
        if (current != null
                && !current.isBlank()
                && options.stream().noneMatch(o -> o.value().equals(current))) {
            options.add(0, startElsewhere(current, lang));
        }
        return options;
    }

    /** How a worksheet to start from is named in the list: its title and its area. */
    private static String startText(String title, String area) {
        return title + (area.isEmpty() ? "" : " — " + area);
    }

    /** A worksheet outside the prefecture as a start, named from its own graph (its name if there is none). */
    private Option startElsewhere(String slug, String lang) {
        WorksheetNames names = new WorksheetNames(base, slug);
        Model graph = ModelFactory.createModelForGraph(store.graph(names.graph()));
        Resource worksheet = graph.getResource(names.worksheet());
        String ja = literal(worksheet, DCTerms.title, "ja");
        String title = "en".equals(lang) ? literal(worksheet, KK.translation, "en") : null;
        title = title != null ? title : ja != null ? ja : slug;
        Resource area = worksheet.getPropertyResourceValue(KK.area);
        return new Option(slug, startText(title, area == null ? "" : areaLabel(area.getURI(), lang)));
    }

    private static String literal(Resource subject, Property property, String lang) {
        for (var it = subject.listProperties(property); it.hasNext(); ) {
            RDFNode object = it.next().getObject();
            if (object.isLiteral() && lang.equalsIgnoreCase(object.asLiteral().getLanguage())) {
                return object.asLiteral().getLexicalForm();
            }
        }
        return null;
    }

    private String prefectureIri(String prefectureCode) {
        return base + AreaIris.prefecturePath(prefectureCode);
    }

    /** The MHLW worked examples (status example), by slug. */
    List<Option> examples(String lang) {
        List<Option> options = new ArrayList<>();
        var rows = queries.select("worksheet-list", Map.of("status", Statuses.EXAMPLE.getURI()));
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            String iri = row.getResource("worksheet").getURI();
            String slug = WorksheetNames.slugOf(base, iri);
            if (slug != null) {
                options.add(new Option(slug, text(row, "en".equals(lang) ? "functionLabelEn" : "functionLabel", iri)));
            }
        }
        options.sort(Comparator.comparing(Option::value));
        return options;
    }

    private static String text(QuerySolution row, String var, String fallback) {
        RDFNode node = row.get(var);
        return node != null && node.isLiteral() ? node.asLiteral().getLexicalForm() : fallback;
    }

    private static String string(Resource r, org.apache.jena.rdf.model.Property p, String fallback) {
        var s = r.getProperty(p);
        return s != null && s.getObject().isLiteral() ? s.getString() : fallback;
    }

    /** skos:prefLabel, else rdfs:label, in {@code lang}, else Japanese, else the IRI. */
    static String label(Resource r, String lang) {
        for (var property : List.of(SKOS.prefLabel, RDFS.label)) {
            String ja = null;
            for (var it = r.listProperties(property); it.hasNext(); ) {
                RDFNode o = it.next().getObject();
                if (o.isLiteral()) {
                    Literal l = o.asLiteral();
                    if (l.getLanguage().equalsIgnoreCase(lang)) {
                        return l.getLexicalForm();
                    }
                    if (l.getLanguage().equalsIgnoreCase("ja")) {
                        ja = l.getLexicalForm();
                    }
                }
            }
            if (ja != null) {
                return ja;
            }
        }
        return r.isURIResource() ? r.getURI() : r.toString();
    }

    /** Labels of the given IRIs that are not among {@code options} (values the data has but the list lacks). */
    static List<Option> extra(List<Option> options, List<String> values) {
        List<Option> extra = new ArrayList<>();
        for (String v : values) {
            if (v != null
                    && !v.isBlank()
                    && options.stream().noneMatch(o -> o.value().equals(v))
                    && extra.stream().noneMatch(o -> o.value().equals(v))) {
                extra.add(new Option(v, v));
            }
        }
        return extra;
    }

    Map<String, String> titles(
            String area, String function, java.util.function.BiFunction<String, Object[], String> fmt) {
        return Map.of(
                "ja", fmt.apply("ja", new Object[] {areaLabel(area, "ja"), conceptLabel(function, "ja")}),
                "en", fmt.apply("en", new Object[] {areaLabel(area, "en"), conceptLabel(function, "en")}));
    }
}
