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
import jp.kakaritsuke.kb.vocab.PROV;
import jp.kakaritsuke.kb.web.LocalizedText;
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
        return new WorksheetReader(model, baseIri).read(model.createResource(worksheetIri), slug);
    }

    private Worksheet read(Resource ws, String slug) {
        List<Cause> causes = new ArrayList<>();
        for (Resource c : ordered(ws, KK.hasCause)) {
            int n = ordinal(c);
            causes.add(new Cause(
                    entry(c, "cause-" + n),
                    n,
                    marker(ws, "cause", c, n),
                    "/doc/worksheet/" + slug + "/cause/" + n,
                    tags(c, KK.viewpoint),
                    tags(c, KK.mentions)));
        }
        Map<Resource, String> causeAnchors = new HashMap<>();
        causes.forEach(c -> causeAnchors.put(
                model.createResource(c.entry().iri()), c.entry().anchor()));

        List<Measure> measures = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        for (Resource m : ordered(ws, KK.hasMeasure)) {
            int n = ordinal(m);
            Entry entry = entry(m, "measure-" + n);
            List<Tag> addresses = new ArrayList<>();
            for (Resource cause : objects(m, KK.addresses)) {
                String anchor = causeAnchors.get(cause);
                addresses.add(new Tag(
                        new Link(
                                anchor == null ? Links.href(cause.getURI(), baseIri) : "#" + anchor,
                                printedLabel(cause)),
                        isInterpreted(m, KK.addresses, cause),
                        rationale(m, KK.addresses, cause)));
            }
            List<Action> actions = new ArrayList<>();
            int k = 0;
            for (Resource a : ordered(m, KK.hasAction)) {
                k++;
                actions.add(new Action(
                        entry(a, entry.anchor() + "-action-" + k),
                        tags(a, KK.usesResource),
                        tags(a, KK.involvesActor)));
            }
            measures.add(new Measure(
                    entry,
                    n,
                    marker(ws, "measure", m, n),
                    addresses,
                    tags(m, KK.usesResource),
                    tags(m, KK.involvesActor),
                    actions));
            for (Resource role : ordered(m, KK.hasRoleAssignment)) {
                Resource actor = role.getPropertyResourceValue(KK.assignedTo);
                boolean interpreted = isInterpreted(m, KK.hasRoleAssignment, role)
                        || readings.containsKey(role)
                        || (actor != null && isInterpreted(role, KK.assignedTo, actor));
                String why = rationale(m, KK.hasRoleAssignment, role);
                if (why == null && actor != null) {
                    why = rationale(role, KK.assignedTo, actor);
                }
                roles.add(new Role(
                        entry.anchor(),
                        printedLabel(m),
                        new Tag(actor == null ? null : Links.link(actor, baseIri), interpreted, why),
                        literal(role, KK.text, "ja"),
                        LocalizedText.of(role, KK.translation, "en"),
                        outdated(role)));
            }
        }

        List<Indicator> indicators = new ArrayList<>();
        int i = 0;
        for (Resource ind : ordered(ws, KK.hasIndicator)) {
            i++;
            indicators.add(new Indicator(
                    entry(ind, "indicator-" + i),
                    lexical(ind, KK.baselineValue),
                    lexical(ind, KK.targetValue),
                    links(ind, KK.tracks)));
        }
        List<Review> reviews = new ArrayList<>();
        i = 0;
        for (Resource rev : ordered(ws, KK.hasReview)) {
            i++;
            reviews.add(new Review(entry(rev, "review-" + i), lexical(rev, KK.reviewDate), links(rev, KK.reviews)));
        }
        List<Entry> notes = new ArrayList<>();
        i = 0;
        for (Resource note : ordered(ws, KK.hasNote)) {
            i++;
            notes.add(entry(note, "note-" + i));
        }

        Resource challenge = ws.getPropertyResourceValue(KK.hasChallenge);
        Resource target = ws.getPropertyResourceValue(KK.hasTargetState);
        Resource effect = ws.getPropertyResourceValue(KK.hasExpectedEffect);
        Worksheet sheet = new Worksheet(
                slug,
                ws.getURI(),
                literal(ws, DCTerms.title, "ja"),
                titleTranslation(ws),
                link(ws, KK.area),
                link(ws, KK.function),
                link(ws, KK.status),
                lexical(ws, KK.fiscalYear),
                lexicals(ws, KK.consultationDate),
                ws.hasLiteral(KK.synthetic, true),
                sources(ws),
                links(ws, PROV.wasAttributedTo),
                headings(ws),
                challenge == null ? null : entry(challenge, "challenge"),
                causes,
                target == null ? null : entry(target, "target-state"),
                measures,
                effect == null ? null : entry(effect, "effect"),
                notes,
                roles,
                indicators,
                reviews,
                null);
        return withLogicModel(sheet, ws);
    }

    /** The editors' translation of the title (kk:translation), or an English dct:title. */
    private static String titleTranslation(Resource ws) {
        String translation = LocalizedText.of(ws, KK.translation, "en");
        if (translation != null) {
            return translation;
        }
        String title = LocalizedText.of(ws, DCTerms.title, "en");
        return title != null && !title.equals(LocalizedText.of(ws, DCTerms.title, "ja")) ? title : null;
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

    private Entry entry(Resource item, String anchor) {
        String label = bare(literal(item, RDFS.label, "ja"));
        String labelEn = LocalizedText.of(item, RDFS.label, "en");
        return new Entry(
                item.getURI(),
                anchor,
                label,
                labelEn != null && !labelEn.equals(label) ? labelEn : null,
                literal(item, KK.text, "ja"),
                LocalizedText.of(item, KK.translation, "en"),
                outdated(item),
                readings.getOrDefault(item, List.of()));
    }

    /** True if the item's translation is marked outdated (kk:translationOutdated true). */
    private static boolean outdated(Resource item) {
        Statement s = item.getProperty(KK.translationOutdated);
        return s != null
                && s.getObject().isLiteral()
                && "true".equals(s.getLiteral().getLexicalForm());
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
        String label = bare(literal(item, RDFS.label, "ja"));
        if ("en".equals(LocalizedText.currentLanguage())) {
            String english = LocalizedText.of(item, RDFS.label, "en");
            if (english != null && !bare(english).equals(label)) {
                return english;
            }
        }
        return label != null ? label : Links.localName(item.getURI());
    }

    private Resource template(Resource ws) {
        Resource template = ws.getPropertyResourceValue(KK.template);
        return template != null ? template : model.createResource(baseIri + "id/template/betten6");
    }

    private Headings headings(Resource ws) {
        Resource template = template(ws);
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
    private Heading marker(Resource ws, String section, Resource item, int n) {
        Resource sectionConcept = model.createResource(KK.VOCABULARY + "section/" + section);
        for (Resource slot : objects(template(ws), KK.hasSlot)) {
            if (slot.hasProperty(KK.section, sectionConcept)
                    && slot.hasProperty(DCTerms.isPartOf)
                    && ordinal(slot) == n
                    && slot.hasProperty(KK.heading)) {
                return heading(slot, KK.heading);
            }
        }
        String label = bare(literal(item, RDFS.label, "ja"));
        String labelEn = LocalizedText.of(item, RDFS.label, "en");
        return label == null
                ? null
                : new Heading("【" + label + "】", labelEn == null || labelEn.equals(label) ? null : labelEn);
    }

    private static Heading heading(Resource r, Property p) {
        return new Heading(literal(r, p, "ja"), LocalizedText.of(r, KK.translation, "en"));
    }

    private List<Source> sources(Resource ws) {
        List<Source> sources = new ArrayList<>();
        for (Resource excerpt : objects(ws, KK.source)) {
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

    private List<Tag> tags(Resource subject, Property p) {
        List<Tag> tags = new ArrayList<>();
        for (Resource o : objects(subject, p)) {
            tags.add(new Tag(Links.link(o, baseIri), isInterpreted(subject, p, o), rationale(subject, p, o)));
        }
        tags.sort(Comparator.comparing(t -> t.link().label()));
        return tags;
    }

    private List<Link> links(Resource subject, Property p) {
        return objects(subject, p).stream().map(o -> Links.link(o, baseIri)).toList();
    }

    private Link link(Resource subject, Property p) {
        Resource o = subject.getPropertyResourceValue(p);
        return o == null ? null : Links.link(o, baseIri);
    }

    private static List<Resource> objects(Resource subject, Property p) {
        return subject.listProperties(p).toList().stream()
                .map(Statement::getObject)
                .filter(RDFNode::isResource)
                .map(RDFNode::asResource)
                .toList();
    }

    /** The items of a box in their printed order (kk:ordinal), then by IRI. */
    private static List<Resource> ordered(Resource subject, Property p) {
        List<Resource> items = new ArrayList<>(objects(subject, p));
        items.sort(Comparator.comparingInt(WorksheetReader::ordinal)
                .thenComparing(r -> r.isURIResource() ? r.getURI() : r.toString()));
        return items;
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

    private static List<String> lexicals(Resource r, Property p) {
        return r.listProperties(p).toList().stream()
                .filter(s -> s.getObject().isLiteral())
                .map(s -> s.getLiteral().getLexicalForm())
                .sorted()
                .toList();
    }
}
