package jp.kakaritsuke.kb.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import jp.kakaritsuke.kb.vocab.ActorTypes;
import jp.kakaritsuke.kb.vocab.CauseTypes;
import jp.kakaritsuke.kb.vocab.Functions;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.MeasureTypes;
import jp.kakaritsuke.kb.vocab.PROV;
import jp.kakaritsuke.kb.vocab.Resources;
import jp.kakaritsuke.kb.vocab.Statuses;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Builds one synthetic worksheet graph from a worked example of the same function: challenge, target state and
 * effect copied with their wording and translation; every cause and a random subset of the measures (in a random
 * order) copied too, most of them reworded from the generator's own vocabulary ({@link Paraphrases}) as another area
 * would write them, with the type that wording has; sometimes a measure of the area's own, of a type the example
 * lacks, always on the worksheet's function; kk:addresses re-linked so that every cause stays addressed; role
 * assignments given to varied actors; one or two invented progress indicators, and for an agreed worksheet a review.
 */
final class WorksheetSynthesizer {

    /** What one synthetic worksheet is for. */
    record Target(TargetArea area, String functionIri, int fiscalYear, boolean agreed) {}

    /** Item properties that are rewritten rather than copied: labels and numbering, and the source's provenance. */
    private static final Set<Property> NOT_COPIED =
            Set.of(RDFS.label, KK.ordinal, PROV.wasAttributedTo, PROV.wasDerivedFrom, KK.source, DCTerms.source);

    /** Actors that could plausibly take on a role that the example gives to the key actor. */
    private static final Map<String, List<String>> ALTERNATIVE_ACTORS = Map.ofEntries(
            Map.entry("local-medical-association", List.of("medical-association", "municipality")),
            Map.entry("medical-association", List.of("local-medical-association", "prefectural-medical-association")),
            Map.entry("prefecture", List.of("public-health-centre")),
            Map.entry("public-health-centre", List.of("prefecture")),
            Map.entry("municipality", List.of("community-support-centre")),
            Map.entry("medical-institution", List.of("clinic", "hospital")),
            Map.entry("hospital", List.of("core-hospital", "home-care-support-hospital")),
            Map.entry("core-hospital", List.of("hospital")),
            Map.entry("clinic", List.of("home-care-support-clinic")),
            Map.entry("home-care-support-clinic", List.of("clinic")),
            Map.entry("ltc-provider", List.of("ltc-facility", "care-manager")),
            Map.entry("care-manager", List.of("community-support-centre")),
            Map.entry("community-support-centre", List.of("municipality")));

    private final String worksheetIri;
    private final Resource agent;
    private final SplittableRandom random;
    private final Model out = ModelFactory.createDefaultModel();
    private final Map<Resource, Resource> copies = new HashMap<>();
    private Paraphrases.Topic topic;

    private WorksheetSynthesizer(String worksheetIri, Resource agent, SplittableRandom random) {
        this.worksheetIri = worksheetIri;
        this.agent = agent;
        this.random = random;
    }

    /**
     * The graph of one synthetic worksheet with IRI {@code worksheetIri}, derived from {@code example}, possibly
     * borrowing a measure from one of {@code others}.
     */
    static Model synthesize(
            String worksheetIri, Target target, ExampleSheet example, Resource agent, SplittableRandom random) {
        return new WorksheetSynthesizer(worksheetIri, agent, random).build(target, example);
    }

    private Model build(Target target, ExampleSheet example) {
        topic = Paraphrases.topic(example.function.getURI().substring(Functions.NS.length()));
        Resource ws = out.createResource(worksheetIri);
        ws.addProperty(RDF.type, KK.Worksheet);
        String titleJa = "【合成】" + example.titleJa.replace("XXX地域", target.area().titleJa());
        String titleEn = "[synthetic] "
                + example.titleEn.replace("area XXX", target.area().titleEn());
        ws.addProperty(DCTerms.title, titleJa, "ja");
        ws.addProperty(KK.translation, titleEn, "en");
        ws.addProperty(RDFS.label, titleJa, "ja");
        ws.addProperty(RDFS.label, titleEn, "en");
        ws.addProperty(KK.area, out.createResource(target.area().iri()));
        ws.addProperty(KK.function, example.function);
        ws.addProperty(KK.status, target.agreed() ? Statuses.AGREED : Statuses.DRAFT);
        ws.addProperty(KK.fiscalYear, Integer.toString(target.fiscalYear()), XSDDatatype.XSDgYear);
        LocalDate consulted = LocalDate.of(target.fiscalYear(), 7, 1).plusDays(random.nextInt(184));
        ws.addProperty(KK.consultationDate, consulted.toString(), XSDDatatype.XSDdate);
        ws.addLiteral(KK.synthetic, true);
        Statement template = example.worksheet.getProperty(KK.template);
        if (template != null) {
            ws.addProperty(KK.template, template.getObject());
        }
        ws.addProperty(PROV.wasDerivedFrom, example.worksheet);
        ws.addProperty(PROV.wasAttributedTo, agent);

        copyAll(example, ws, example.challenges, ItemKind.CHALLENGE);
        copyAll(example, ws, example.causes, ItemKind.CAUSE);
        example.causes.forEach(c -> reword(copies.get(c), KK.causeType, CauseTypes.NS));
        copyAll(example, ws, example.targetStates, ItemKind.TARGET_STATE);
        copyAll(example, ws, example.effects, ItemKind.EFFECT);

        List<Resource> measures = chooseMeasures(example);
        List<Resource> newMeasures = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            newMeasures.add(copyMeasure(example, measures.get(i), ws, i + 1));
        }
        relink();
        if (random.nextInt(100) < 35) {
            Resource extra = extraMeasure(ws, newMeasures.size() + 1);
            if (extra != null) {
                extra.addProperty(KK.addresses, copies.get(pick(example.causes)));
                example.effects.forEach(e -> extra.addProperty(KK.leadsTo, copies.get(e)));
                newMeasures.add(extra);
            }
        }
        for (Resource cause : example.causes) {
            Resource copy = copies.get(cause);
            if (!out.contains(null, KK.addresses, copy)) {
                pick(newMeasures).addProperty(KK.addresses, copy);
            }
        }
        List<Resource> indicators = addIndicators(ws, newMeasures);
        if (target.agreed()) {
            addReview(ws, target.fiscalYear(), indicators);
        }
        return out;
    }

    /** A shuffled subset of the example's measures (all of them, or all but one). */
    private List<Resource> chooseMeasures(ExampleSheet example) {
        List<Resource> own = new ArrayList<>(example.measures);
        shuffle(own);
        int keep = own.size() == 1 ? 1 : random.nextInt(own.size() - 1, own.size() + 1);
        return new ArrayList<>(own.subList(0, keep));
    }

    /**
     * Rewords a copied cause or measure most of the time, as another area would write it: a phrasing of one of its
     * types from the generator's vocabulary, on this worksheet's function; the item then keeps only that type, the
     * one its author would choose for the new wording. Otherwise the example's wording and types stay.
     */
    private void reword(Resource item, Property typeProperty, String typeNamespace) {
        List<String> types = new ArrayList<>();
        item.listProperties(typeProperty)
                .forEachRemaining(t -> types.add(t.getResource().getURI()));
        types.sort(null);
        if (types.isEmpty() || random.nextInt(100) < 30) {
            return;
        }
        String type = pick(types);
        String id = type.substring(typeNamespace.length());
        Paraphrases.Phrase phrase = typeProperty.equals(KK.causeType)
                ? Paraphrases.cause(id, topic, random)
                : Paraphrases.measure(id, topic, random);
        if (phrase == null) {
            return;
        }
        item.removeAll(KK.text).removeAll(KK.translation).removeAll(typeProperty);
        item.addProperty(KK.text, phrase.ja(), "ja");
        item.addProperty(KK.translation, phrase.en(), "en");
        item.addProperty(typeProperty, item.getModel().createResource(type));
    }

    /**
     * A measure of the area's own, worded from the generator's vocabulary, of a type none of the copied measures
     * has; null when every type is taken. Its function is the worksheet's by construction (the phrasing names it).
     */
    private Resource extraMeasure(Resource ws, int n) {
        Set<String> taken = new TreeSet<>();
        out.listObjectsOfProperty(KK.measureType)
                .forEachRemaining(t -> taken.add(t.asResource().getURI()));
        List<String> free = new ArrayList<>(Paraphrases.measureTypes());
        free.removeIf(id -> taken.contains(MeasureTypes.NS + id));
        if (free.isEmpty()) {
            return null;
        }
        String id = pick(free);
        Paraphrases.Phrase phrase = Paraphrases.measure(id, topic, random);
        Resource measure = out.createResource(worksheetIri + "/" + ItemKind.MEASURE.path(0, n));
        measure.addProperty(RDF.type, KK.Measure);
        number(measure, ItemKind.MEASURE, 0, n);
        measure.addProperty(KK.text, phrase.ja(), "ja");
        measure.addProperty(KK.translation, phrase.en(), "en");
        measure.addProperty(KK.measureType, out.createResource(MeasureTypes.NS + id));
        ws.addProperty(KK.hasMeasure, measure);
        return measure;
    }

    private void copyAll(ExampleSheet from, Resource ws, List<Resource> items, ItemKind kind) {
        for (int i = 0; i < items.size(); i++) {
            String suffix = items.size() == 1 && kind.single() ? kind.path(0, 0) : kind.segment() + "/" + (i + 1);
            Resource copy = copyItem(from, items.get(i), worksheetIri + "/" + suffix);
            ws.addProperty(kind.link(), copy);
            if (!kind.single()) {
                number(copy, kind, 0, i + 1);
            } else {
                from.model
                        .listObjectsOfProperty(items.get(i), RDFS.label)
                        .forEachRemaining(l -> copy.addProperty(RDFS.label, l));
            }
        }
    }

    private Resource copyMeasure(ExampleSheet from, Resource measure, Resource ws, int n) {
        String iri = worksheetIri + "/" + ItemKind.MEASURE.path(0, n);
        Resource copy = copyItem(from, measure, iri);
        reword(copy, KK.measureType, MeasureTypes.NS);
        ws.addProperty(KK.hasMeasure, copy);
        number(copy, ItemKind.MEASURE, 0, n);
        List<Resource> actions = from.actions(measure);
        for (int k = 0; k < actions.size(); k++) {
            Resource action = copyItem(from, actions.get(k), worksheetIri + "/" + ItemKind.ACTION.path(n, k + 1));
            copy.addProperty(KK.hasAction, action);
            number(action, ItemKind.ACTION, n, k + 1);
        }
        List<Resource> roles = from.roles(measure);
        for (int k = 0; k < roles.size(); k++) {
            Resource role = copyItem(from, roles.get(k), worksheetIri + "/" + ItemKind.ROLE.path(n, k + 1));
            copy.addProperty(KK.hasRoleAssignment, role);
            number(role, ItemKind.ROLE, n, k + 1);
            varyActor(role);
        }
        return copy;
    }

    /** Copies an item's own statements (wording, translation, concepts it refers to); links are redone later. */
    private Resource copyItem(ExampleSheet from, Resource item, String iri) {
        Resource copy = out.createResource(iri);
        copies.put(item, copy);
        for (Statement s : item.listProperties().toList()) {
            if (!NOT_COPIED.contains(s.getPredicate()) && !from.isItem(s.getObject())) {
                copy.addProperty(s.getPredicate(), s.getObject());
            }
        }
        return copy;
    }

    /** Re-creates the example's links between items that were copied (explains, addresses, leadsTo, …). */
    private void relink() {
        for (Map.Entry<Resource, Resource> e : new ArrayList<>(copies.entrySet())) {
            for (Statement s : e.getKey().listProperties().toList()) {
                Resource target = s.getObject().isResource() ? copies.get(s.getResource()) : null;
                boolean structural = s.getPredicate().equals(KK.hasAction)
                        || s.getPredicate().equals(KK.hasRoleAssignment);
                if (target != null && !structural) {
                    e.getValue().addProperty(s.getPredicate(), target);
                }
            }
        }
    }

    private void varyActor(Resource role) {
        Statement assigned = role.getProperty(KK.assignedTo);
        if (assigned == null
                || !assigned.getObject().isURIResource()
                || !assigned.getResource().getURI().startsWith(ActorTypes.NS)
                || random.nextInt(100) < 40) {
            return;
        }
        String local = assigned.getResource().getURI().substring(ActorTypes.NS.length());
        List<String> alternatives = ALTERNATIVE_ACTORS.get(local);
        if (alternatives != null) {
            role.removeAll(KK.assignedTo);
            role.addProperty(KK.assignedTo, ResourceFactory.createResource(ActorTypes.NS + pick(alternatives)));
        }
    }

    private List<Resource> addIndicators(Resource ws, List<Resource> measures) {
        List<Resource> tracked = new ArrayList<>(measures);
        shuffle(tracked);
        int count = Math.min(tracked.size(), 1 + random.nextInt(2));
        List<Resource> indicators = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Resource measure = tracked.get(i);
            IndicatorTemplates.Indicator template = IndicatorTemplates.forResource(resourceOf(measure));
            Resource indicator = out.createResource(worksheetIri + "/" + ItemKind.INDICATOR.path(0, i + 1));
            indicator.addProperty(RDF.type, KK.ProgressIndicator);
            number(indicator, ItemKind.INDICATOR, 0, i + 1);
            indicator.addProperty(KK.text, template.ja(), "ja");
            indicator.addProperty(KK.translation, template.en(), "en");
            indicator.addProperty(KK.tracks, measure);
            int baseline = IndicatorTemplates.baseline(template, random);
            int target = IndicatorTemplates.target(template, baseline, random);
            indicator.addProperty(KK.baselineValue, Integer.toString(baseline), XSDDatatype.XSDinteger);
            indicator.addProperty(KK.targetValue, Integer.toString(target), XSDDatatype.XSDinteger);
            ws.addProperty(KK.hasIndicator, indicator);
            indicators.add(indicator);
        }
        return indicators;
    }

    /** A resource the measure or its actions draw on, picked at random (null when none). */
    private String resourceOf(Resource measure) {
        Set<String> used = new TreeSet<>();
        out.listObjectsOfProperty(measure, KK.usesResource).forEachRemaining(o -> used.add(o.toString()));
        measure.listProperties(KK.hasAction)
                .forEachRemaining(a -> out.listObjectsOfProperty(a.getResource(), KK.usesResource)
                        .forEachRemaining(o -> used.add(o.toString())));
        List<String> sorted = new ArrayList<>(used);
        sorted.removeIf(uri -> !uri.startsWith(Resources.NS));
        if (sorted.isEmpty()) {
            return null;
        }
        return pick(sorted).substring(Resources.NS.length());
    }

    private void addReview(Resource ws, int fiscalYear, List<Resource> indicators) {
        Resource review = out.createResource(worksheetIri + "/" + ItemKind.REVIEW.path(0, 1));
        review.addProperty(RDF.type, KK.Review);
        number(review, ItemKind.REVIEW, 0, 1);
        LocalDate date = LocalDate.of(fiscalYear + 1, 1, 15).plusDays(random.nextInt(70));
        review.addProperty(KK.reviewDate, date.toString(), XSDDatatype.XSDdate);
        IndicatorTemplates.ReviewNote note = IndicatorTemplates.reviewNote(random);
        review.addProperty(KK.text, note.ja(), "ja");
        review.addProperty(KK.translation, note.en(), "en");
        indicators.forEach(i -> review.addProperty(KK.reviews, i));
        ws.addProperty(KK.hasReview, review);
    }

    private static void number(Resource item, ItemKind kind, int parent, int n) {
        item.addProperty(RDFS.label, kind.label("ja", parent, n), "ja");
        item.addProperty(RDFS.label, kind.label("en", parent, n), "en");
        item.addLiteral(
                KK.ordinal, item.getModel().createTypedLiteral(Integer.toString(n), XSDDatatype.XSDpositiveInteger));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
