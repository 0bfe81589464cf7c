package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.browse.Links.Link;
import jp.kakaritsuke.kb.browse.Worksheet.Action;
import jp.kakaritsuke.kb.browse.Worksheet.Cause;
import jp.kakaritsuke.kb.browse.Worksheet.Entry;
import jp.kakaritsuke.kb.browse.Worksheet.Heading;
import jp.kakaritsuke.kb.browse.Worksheet.Headings;
import jp.kakaritsuke.kb.browse.Worksheet.Indicator;
import jp.kakaritsuke.kb.browse.Worksheet.Measure;
import jp.kakaritsuke.kb.browse.Worksheet.Reading;
import jp.kakaritsuke.kb.browse.Worksheet.Review;
import jp.kakaritsuke.kb.browse.Worksheet.Role;
import jp.kakaritsuke.kb.browse.Worksheet.Source;
import jp.kakaritsuke.kb.browse.Worksheet.Tag;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.worksheet.Literals;
import jp.kakaritsuke.kb.worksheet.WorksheetContent;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Reads a {@link Worksheet} out of a model that holds the worksheet's graph together with the template, the source
 * documents, the ontology and the names of everything the worksheet refers to.
 */
final class WorksheetReader {

    private final Model model;
    private final String baseIri;
    /** Interpreted triples, keyed by subject, predicate and object, with the rationale in the reader's language. */
    private final Map<String, String> interpretedTriples = new HashMap<>();

    private final Map<Resource, List<Reading>> readings = new HashMap<>();

    private WorksheetReader(Model model, String baseIri) {
        this.model = model;
        this.baseIri = baseIri;
        indexInterpretations();
    }

    /** The worksheet {@code worksheetIri} as the page shows it; the model must hold its graph. */
    static Worksheet read(Model model, String worksheetIri, String slug, String baseIri) {
        return new WorksheetReader(model, baseIri)
                .read(model.createResource(worksheetIri), WorksheetContent.read(model.getGraph(), worksheetIri), slug);
    }

    private Worksheet read(Resource ws, WorksheetContent content, String slug) {
        List<Cause> causes = new ArrayList<>();
        for (WorksheetContent.Cause c : content.causes()) {
            int n = c.item().ordinal();
            causes.add(new Cause(
                    entry(c.item(), "cause-" + n),
                    n,
                    marker(content, "cause", c.item(), n),
                    "/doc/worksheet/" + slug + "/cause/" + n,
                    tags(c.item(), KK.viewpoint, c.viewpoints()),
                    tags(c.item(), KK.mentions, c.mentions())));
        }
        Map<String, String> causeAnchors = new HashMap<>();
        causes.forEach(c -> causeAnchors.put(c.entry().iri(), c.entry().anchor()));

        List<Measure> measures = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        for (WorksheetContent.Measure measure : content.measures()) {
            int n = measure.item().ordinal();
            Resource m = resource(measure.item());
            Entry entry = entry(measure.item(), "measure-" + n);
            List<Tag> addresses = new ArrayList<>();
            for (String iri : measure.addresses()) {
                Resource cause = model.createResource(iri);
                String anchor = causeAnchors.get(iri);
                addresses.add(new Tag(
                        new Link(anchor == null ? Links.href(iri, baseIri) : "#" + anchor, printedLabel(cause)),
                        isInterpreted(m, KK.addresses, cause),
                        rationale(m, KK.addresses, cause)));
            }
            List<Action> actions = new ArrayList<>();
            int k = 0;
            for (WorksheetContent.Action a : measure.actions()) {
                k++;
                actions.add(new Action(
                        entry(a.item(), entry.anchor() + "-action-" + k),
                        tags(a.item(), KK.usesResource, a.resources()),
                        tags(a.item(), KK.involvesActor, a.actors())));
            }
            measures.add(new Measure(
                    entry,
                    n,
                    marker(content, "measure", measure.item(), n),
                    addresses,
                    tags(measure.item(), KK.usesResource, measure.resources()),
                    tags(measure.item(), KK.involvesActor, measure.actors()),
                    actions));
            for (WorksheetContent.Role r : measure.roles()) {
                Resource role = resource(r.item());
                Resource actor = r.actor() == null ? null : model.createResource(r.actor());
                boolean interpreted = isInterpreted(m, KK.hasRoleAssignment, role)
                        || readings.containsKey(role)
                        || (actor != null && isInterpreted(role, KK.assignedTo, actor));
                String why = rationale(m, KK.hasRoleAssignment, role);
                if (why == null && actor != null) {
                    why = rationale(role, KK.assignedTo, actor);
                }
                roles.add(new Role(
                        entry.anchor(),
                        printedLabel(measure.item()),
                        new Tag(actor == null ? null : Links.link(actor, baseIri), interpreted, why),
                        r.item().text().localized("ja"),
                        r.item().translation().localized("en"),
                        r.item().translationOutdated()));
            }
        }

        List<Indicator> indicators = new ArrayList<>();
        int i = 0;
        for (WorksheetContent.Indicator ind : content.indicators()) {
            i++;
            indicators.add(new Indicator(
                    entry(ind.item(), "indicator-" + i), ind.baseline(), ind.target(), links(ind.tracks())));
        }
        List<Review> reviews = new ArrayList<>();
        i = 0;
        for (WorksheetContent.Review rev : content.reviews()) {
            i++;
            reviews.add(new Review(entry(rev.item(), "review-" + i), rev.date(), links(rev.reviewed())));
        }
        List<Entry> notes = new ArrayList<>();
        i = 0;
        for (WorksheetContent.Item note : content.notes()) {
            i++;
            notes.add(entry(note, "note-" + i));
        }

        Worksheet sheet = new Worksheet(
                slug,
                content.iri(),
                content.title().localized("ja"),
                titleTranslation(content),
                link(content.area()),
                link(content.function()),
                link(content.status()),
                content.fiscalYear(),
                content.consultationDates(),
                content.synthetic(),
                sources(content.sources()),
                links(content.attributedTo()),
                headings(content),
                content.challenge() == null ? null : entry(content.challenge(), "challenge"),
                causes,
                content.targetState() == null ? null : entry(content.targetState(), "target-state"),
                measures,
                content.effect() == null ? null : entry(content.effect(), "effect"),
                notes,
                roles,
                indicators,
                reviews,
                null);
        return withLogicModel(sheet, ws);
    }

    /** The editors' translation of the title (kk:translation), or an English dct:title. */
    private static String titleTranslation(WorksheetContent content) {
        String translation = content.titleTranslation().localized("en");
        if (translation != null) {
            return translation;
        }
        String title = content.title().localized("en");
        return title != null && !title.equals(content.title().localized("ja")) ? title : null;
    }

    private Worksheet withLogicModel(Worksheet s, Resource ws) {
        LogicModel lm = LogicModel.of(s, model);
        return new Worksheet(
                s.slug(),
                s.iri(),
                s.title(),
                s.titleTranslation(),
                s.area(),
                s.function(),
                s.status(),
                s.fiscalYear(),
                s.consultationDates(),
                s.synthetic(),
                s.sources(),
                s.attributedTo(),
                s.headings(),
                s.challenge(),
                s.causes(),
                s.targetState(),
                s.measures(),
                s.effect(),
                s.notes(),
                s.roles(),
                s.indicators(),
                s.reviews(),
                lm);
    }

    private Entry entry(WorksheetContent.Item item, String anchor) {
        String label = bare(item.label().localized("ja"));
        String labelEn = item.label().localized("en");
        return new Entry(
                item.iri(),
                anchor,
                label,
                labelEn != null && !labelEn.equals(label) ? labelEn : null,
                item.text().localized("ja"),
                item.translation().localized("en"),
                item.translationOutdated(),
                readings.getOrDefault(resource(item), List.of()));
    }

    private Resource resource(WorksheetContent.Item item) {
        return model.createResource(item.iri());
    }

    /** A label without the form's 【】 brackets, which the page adds itself. */
    private static String bare(String label) {
        return label == null ? null : label.replaceFirst("^【(.*)】$", "$1");
    }

    /**
     * The label of an item in the reader's language: as printed on the form (原因①) for Japanese readers, the data's
     * English label (Cause 1) for English ones; falling back to the printed label, then to its local name.
     */
    private String printedLabel(Resource item) {
        return printedLabel(Literals.of(model.getGraph(), item.asNode(), RDFS.label.asNode()), item.getURI());
    }

    private static String printedLabel(WorksheetContent.Item item) {
        return printedLabel(item.label(), item.iri());
    }

    private static String printedLabel(Literals labels, String iri) {
        String label = bare(labels.localized("ja"));
        if ("en".equals(LocalizedText.currentLanguage())) {
            String english = labels.localized("en");
            if (english != null && !bare(english).equals(label)) {
                return english;
            }
        }
        return label != null ? label : Links.localName(iri);
    }

    private Resource template(WorksheetContent content) {
        return model.createResource(content.template() != null ? content.template() : baseIri + "id/template/betten6");
    }

    private Headings headings(WorksheetContent content) {
        Resource template = template(content);
        Map<String, Heading> bySection = new HashMap<>();
        for (Resource slot : objects(template, KK.hasSlot)) {
            Resource section = slot.getPropertyResourceValue(KK.section);
            if (section != null && !slot.hasProperty(DCTerms.isPartOf) && slot.hasProperty(KK.heading)) {
                bySection.put(Links.localName(section.getURI()), heading(slot, KK.heading));
            }
        }
        Heading title = template.hasProperty(DCTerms.title) ? heading(template, DCTerms.title) : null;
        return new Headings(
                title,
                bySection.get("challenge"),
                bySection.get("cause"),
                bySection.get("target-state"),
                bySection.get("measure"),
                bySection.get("expected-effect"),
                literal(template, KK.attachmentLabel, "ja"));
    }

    /**
     * The printed marker of the n-th item of a section (【原因①】): the template's numbered box when it has one,
     * else the item's own label in the form's brackets; null when neither exists.
     */
    private Heading marker(WorksheetContent content, String section, WorksheetContent.Item item, int n) {
        Resource sectionConcept = model.createResource(KK.VOCABULARY + "section/" + section);
        for (Resource slot : objects(template(content), KK.hasSlot)) {
            if (slot.hasProperty(KK.section, sectionConcept)
                    && slot.hasProperty(DCTerms.isPartOf)
                    && ordinal(slot) == n
                    && slot.hasProperty(KK.heading)) {
                return heading(slot, KK.heading);
            }
        }
        String label = bare(item.label().localized("ja"));
        String labelEn = item.label().localized("en");
        return label == null
                ? null
                : new Heading("【" + label + "】", labelEn == null || labelEn.equals(label) ? null : labelEn);
    }

    private static Heading heading(Resource r, Property p) {
        return new Heading(literal(r, p, "ja"), LocalizedText.of(r, KK.translation, "en"));
    }

    private List<Source> sources(List<String> iris) {
        List<Source> sources = new ArrayList<>();
        for (String iri : iris) {
            Resource excerpt = model.createResource(iri);
            Resource document = null;
            for (Statement s : excerpt.listProperties().toList()) {
                if (s.getObject().isResource() && s.getResource().hasProperty(RDF.type, KK.SourceDocument)) {
                    document = s.getResource();
                }
            }
            Resource described = document != null ? document : excerpt;
            Resource publisher = described.getPropertyResourceValue(DCTerms.publisher);
            String attachment = literal(excerpt, KK.attachmentLabel, "ja");
            if (attachment == null && document != null) {
                attachment = literal(document, KK.attachmentLabel, "ja");
            }
            sources.add(new Source(
                    Links.link(excerpt, baseIri),
                    document == null ? null : Links.link(document, baseIri),
                    literal(excerpt, KK.chapter, "ja"),
                    lexical(excerpt, KK.pages),
                    attachment,
                    publisher == null ? null : Links.link(publisher, baseIri),
                    LocalizedText.of(described, DCTerms.bibliographicCitation)));
        }
        return sources;
    }

    private void indexInterpretations() {
        for (Resource in :
                model.listSubjectsWithProperty(RDF.type, KK.Interpretation).toList()) {
            String why = LocalizedText.of(in, KK.rationale);
            Resource s = in.getPropertyResourceValue(RDF.subject);
            Resource p = in.getPropertyResourceValue(RDF.predicate);
            RDFNode o = in.hasProperty(RDF.object) ? in.getProperty(RDF.object).getObject() : null;
            if (s != null && p != null && o != null) {
                interpretedTriples.put(key(s, p, o), why == null ? "" : why);
            }
            Resource item = in.getPropertyResourceValue(KK.interprets);
            if (item != null) {
                readings.computeIfAbsent(item, x -> new ArrayList<>())
                        .add(new Reading(literal(in, KK.sourceFragment, "ja"), LocalizedText.of(in, KK.reading), why));
            }
        }
    }

    private boolean isInterpreted(Resource s, Property p, RDFNode o) {
        return interpretedTriples.containsKey(key(s, p, o));
    }

    private String rationale(Resource s, Property p, RDFNode o) {
        String why = interpretedTriples.get(key(s, p, o));
        return why == null || why.isEmpty() ? null : why;
    }

    private static String key(Resource s, Resource p, RDFNode o) {
        return s + " " + p + " " + o;
    }

    /** The links of an item to {@code iris} by {@code p}, named, marked where the editors interpreted them. */
    private List<Tag> tags(WorksheetContent.Item item, Property p, List<String> iris) {
        Resource subject = resource(item);
        List<Tag> tags = new ArrayList<>();
        for (String iri : iris) {
            Resource o = model.createResource(iri);
            tags.add(new Tag(Links.link(o, baseIri), isInterpreted(subject, p, o), rationale(subject, p, o)));
        }
        tags.sort(Comparator.comparing(t -> t.link().label()));
        return tags;
    }

    private List<Link> links(List<String> iris) {
        return iris.stream()
                .map(o -> Links.link(model.createResource(o), baseIri))
                .toList();
    }

    private Link link(String iri) {
        return iri == null ? null : Links.link(model.createResource(iri), baseIri);
    }

    private static List<Resource> objects(Resource subject, Property p) {
        return subject.listProperties(p).toList().stream()
                .map(Statement::getObject)
                .filter(RDFNode::isResource)
                .map(RDFNode::asResource)
                .toList();
    }

    static int ordinal(Resource item) {
        Statement s = item.getProperty(KK.ordinal);
        return s == null ? Integer.MAX_VALUE : s.getInt();
    }

    /** A literal of {@code lang} exactly (the source wording), or any literal if none has that language. */
    private static String literal(Resource r, Property p, String lang) {
        return LocalizedText.of(r, p, lang);
    }

    private static String lexical(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s == null
                ? null
                : s.getObject().isLiteral()
                        ? s.getLiteral().getLexicalForm()
                        : s.getObject().toString();
    }
}
