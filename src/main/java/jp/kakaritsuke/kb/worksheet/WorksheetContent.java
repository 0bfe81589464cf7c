package jp.kakaritsuke.kb.worksheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.PROV;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A worksheet as one value, read from its graph by {@link #read} and written back by {@link #write}: the header
 * (titles, area, function, status, fiscal year, consultation dates, template, sources, attributions), then the boxes
 * of the form (別添６) in their printed order — challenge, causes, target state, measures with their actions and
 * roles, expected effect — and the indicators, reviews and notes. Links are IRIs: the causes a measure addresses, the
 * resources and actors it draws on, the measures an indicator tracks. The browse page, its print and PDF, and the
 * editor all read a worksheet through this value.
 *
 * <p>What the value does not hold stays in the graph: the editors' interpretation records (they annotate triples),
 * the logic model's links between boxes ({@code kk:explains}, {@code kk:leadsTo}, {@code kk:contributesTo}, drawn
 * by the page from the graph), labels of the worksheet node itself, and statements the model has no field for; a
 * writer that must keep them (the editor) carries them over itself.
 *
 * @param iri the worksheet's IRI
 * @param title {@code dct:title} (the source's title, in Japanese)
 * @param titleTranslation {@code kk:translation} of the title (the editors' English)
 * @param area the area's IRI ({@code kk:area}), or null
 * @param function the function concept ({@code kk:function}), or null
 * @param status the status concept ({@code kk:status}), or null
 * @param template the blank form it fills ({@code kk:template}), or null
 * @param derivedFrom the worksheet it was started from ({@code prov:wasDerivedFrom}), or null
 * @param fiscalYear the fiscal year's lexical form ({@code kk:fiscalYear}, an {@code xsd:gYear}), or null
 * @param consultationDates the dates of the meetings ({@code kk:consultationDate}), sorted
 * @param synthetic true if the worksheet is marked synthetic ({@code kk:synthetic true})
 * @param sources the source excerpts it is taken from ({@code kk:source})
 * @param attributedTo who it is attributed to ({@code prov:wasAttributedTo})
 */
public record WorksheetContent(
        String iri,
        Literals title,
        Literals titleTranslation,
        String area,
        String function,
        String status,
        String template,
        String derivedFrom,
        String fiscalYear,
        List<String> consultationDates,
        boolean synthetic,
        List<String> sources,
        List<String> attributedTo,
        Item challenge,
        List<Cause> causes,
        Item targetState,
        List<Measure> measures,
        Item effect,
        List<Indicator> indicators,
        List<Review> reviews,
        List<Item> notes) {

    /**
     * What every item has: its IRI, its number ({@code kk:ordinal}; {@link Integer#MAX_VALUE} for an item without
     * one, which sorts last), the labels it is printed with ({@code rdfs:label}), its text in the source's words
     * ({@code kk:text}), the editors' translation ({@code kk:translation}) and whether that is outdated.
     */
    public record Item(
            String iri,
            int ordinal,
            Literals label,
            Literals text,
            Literals translation,
            boolean translationOutdated) {}

    /** A cause (原因n): its types, the viewpoints it is seen from and the resources it mentions. */
    public record Cause(Item item, List<String> types, List<String> viewpoints, List<String> mentions) {}

    /** A measure (方策n): its types, the causes it addresses, what it draws on, who takes part, actions and roles. */
    public record Measure(
            Item item,
            List<String> types,
            List<String> addresses,
            List<String> resources,
            List<String> actors,
            List<Action> actions,
            List<Role> roles) {}

    /** A ✓ action under a measure, with the resources it uses and the actors it involves. */
    public record Action(Item item, List<String> resources, List<String> actors) {}

    /** One line of the division of roles: who ({@code kk:assignedTo}, or null) does what. */
    public record Role(Item item, String actor) {}

    /** A progress indicator: baseline and target (lexical forms, or null) and the measures it tracks. */
    public record Indicator(Item item, String baseline, String target, List<String> tracks) {}

    /** A periodic review: its date (lexical form, or null) and what it considered. */
    public record Review(Item item, String date, List<String> reviewed) {}

    private static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * The worksheet {@code worksheet} (its IRI) as {@code graph} holds it. Items are the IRIs the worksheet (or a
     * measure) links to with the property of their kind, ordered by {@code kk:ordinal}, then by IRI; lists of links
     * keep the graph's order.
     */
    public static WorksheetContent read(Graph graph, String worksheet) {
        Reader r = new Reader(graph);
        Node ws = NodeFactory.createURI(worksheet);
        List<Cause> causes = new ArrayList<>();
        for (Node c : r.ordered(ws, KK.hasCause)) {
            causes.add(new Cause(r.item(c), r.iris(c, KK.causeType), r.iris(c, KK.viewpoint), r.iris(c, KK.mentions)));
        }
        List<Measure> measures = new ArrayList<>();
        for (Node m : r.ordered(ws, KK.hasMeasure)) {
            List<Action> actions = new ArrayList<>();
            for (Node a : r.ordered(m, KK.hasAction)) {
                actions.add(new Action(r.item(a), r.iris(a, KK.usesResource), r.iris(a, KK.involvesActor)));
            }
            List<Role> roles = new ArrayList<>();
            for (Node role : r.ordered(m, KK.hasRoleAssignment)) {
                roles.add(new Role(r.item(role), r.iri(role, KK.assignedTo)));
            }
            measures.add(new Measure(
                    r.item(m),
                    r.iris(m, KK.measureType),
                    r.iris(m, KK.addresses),
                    r.iris(m, KK.usesResource),
                    r.iris(m, KK.involvesActor),
                    actions,
                    roles));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (Node n : r.ordered(ws, KK.hasIndicator)) {
            indicators.add(new Indicator(
                    r.item(n), r.lexical(n, KK.baselineValue), r.lexical(n, KK.targetValue), r.iris(n, KK.tracks)));
        }
        List<Review> reviews = new ArrayList<>();
        for (Node n : r.ordered(ws, KK.hasReview)) {
            reviews.add(new Review(r.item(n), r.lexical(n, KK.reviewDate), r.iris(n, KK.reviews)));
        }
        List<Item> notes = new ArrayList<>();
        for (Node n : r.ordered(ws, KK.hasNote)) {
            notes.add(r.item(n));
        }
        List<String> dates = new ArrayList<>(Literals.of(graph, ws, KK.consultationDate.asNode()).values().stream()
                .map(Literals.Literal::lexical)
                .toList());
        dates.sort(Comparator.naturalOrder());
        return new WorksheetContent(
                worksheet,
                Literals.of(graph, ws, DCTerms.title.asNode()),
                Literals.of(graph, ws, KK.translation.asNode()),
                r.iri(ws, KK.area),
                r.iri(ws, KK.function),
                r.iri(ws, KK.status),
                r.iri(ws, KK.template),
                r.iri(ws, PROV.wasDerivedFrom),
                r.lexical(ws, KK.fiscalYear),
                dates,
                graph.contains(ws, KK.synthetic.asNode(), TRUE),
                r.iris(ws, KK.source),
                r.iris(ws, PROV.wasAttributedTo),
                r.single(ws, KK.hasChallenge),
                causes,
                r.single(ws, KK.hasTargetState),
                measures,
                r.single(ws, KK.hasExpectedEffect),
                indicators,
                reviews,
                notes);
    }

    private record Reader(Graph graph) {

        Item item(Node n) {
            return new Item(
                    n.getURI(),
                    ordinal(n),
                    Literals.of(graph, n, RDFS.label.asNode()),
                    Literals.of(graph, n, KK.text.asNode()),
                    Literals.of(graph, n, KK.translation.asNode()),
                    TranslationFreshness.isOutdated(graph, n));
        }

        Item single(Node s, Property p) {
            List<Node> items = objects(s, p);
            return items.isEmpty() ? null : item(items.get(0));
        }

        List<Node> ordered(Node s, Property p) {
            List<Node> items = new ArrayList<>(objects(s, p));
            items.sort(Comparator.comparingInt(this::ordinal).thenComparing(Node::getURI));
            return items;
        }

        int ordinal(Node item) {
            for (Triple t : graph.find(item, KK.ordinal.asNode(), Node.ANY).toList()) {
                if (t.getObject().isLiteral()) {
                    try {
                        return Integer.parseInt(
                                t.getObject().getLiteralLexicalForm().strip());
                    } catch (NumberFormatException e) {
                        return Integer.MAX_VALUE;
                    }
                }
            }
            return Integer.MAX_VALUE;
        }

        /** The IRIs {@code s} links to with {@code p}, in the graph's order. */
        List<Node> objects(Node s, Property p) {
            return graph.find(s, p.asNode(), Node.ANY)
                    .mapWith(Triple::getObject)
                    .filterKeep(Node::isURI)
                    .toList();
        }

        List<String> iris(Node s, Property p) {
            return objects(s, p).stream().map(Node::getURI).toList();
        }

        String iri(Node s, Property p) {
            List<Node> objects = objects(s, p);
            return objects.isEmpty() ? null : objects.get(0).getURI();
        }

        String lexical(Node s, Property p) {
            for (Triple t : graph.find(s, p.asNode(), Node.ANY).toList()) {
                Node o = t.getObject();
                return o.isLiteral() ? o.getLiteralLexicalForm() : o.toString();
            }
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------- writing

    /**
     * Adds the worksheet to {@code out}: its type and header, every item with its type, the link from the worksheet
     * (or its measure), its {@code kk:ordinal} (numbered kinds), labels, text, translation and the outdated mark, and
     * the links between items and to resources. Fiscal year and consultation dates are typed {@code xsd:gYear} and
     * {@code xsd:date}; an indicator value that reads as an integer or a decimal number is typed so, any other is a
     * plain string.
     *
     * @return the worksheet's node
     */
    public Node write(Graph out) {
        Node ws = NodeFactory.createURI(iri);
        out.add(ws, RDF.type.asNode(), KK.Worksheet.asNode());
        iri(out, ws, KK.area, area);
        iri(out, ws, KK.function, function);
        iri(out, ws, KK.status, status);
        iri(out, ws, KK.template, template);
        iri(out, ws, PROV.wasDerivedFrom, derivedFrom);
        title.write(out, ws, DCTerms.title.asNode());
        titleTranslation.write(out, ws, KK.translation.asNode());
        if (fiscalYear != null) {
            out.add(ws, KK.fiscalYear.asNode(), NodeFactory.createLiteralDT(fiscalYear, XSDDatatype.XSDgYear));
        }
        for (String date : consultationDates) {
            out.add(ws, KK.consultationDate.asNode(), NodeFactory.createLiteralDT(date, XSDDatatype.XSDdate));
        }
        if (synthetic) {
            out.add(ws, KK.synthetic.asNode(), TRUE);
        }
        sources.forEach(s -> iri(out, ws, KK.source, s));
        attributedTo.forEach(a -> iri(out, ws, PROV.wasAttributedTo, a));
        item(out, ws, ItemKind.CHALLENGE, challenge);
        for (Cause cause : causes) {
            Node c = item(out, ws, ItemKind.CAUSE, cause.item());
            cause.types().forEach(t -> iri(out, c, KK.causeType, t));
            cause.viewpoints().forEach(v -> iri(out, c, KK.viewpoint, v));
            cause.mentions().forEach(m -> iri(out, c, KK.mentions, m));
        }
        item(out, ws, ItemKind.TARGET_STATE, targetState);
        for (Measure measure : measures) {
            Node m = item(out, ws, ItemKind.MEASURE, measure.item());
            measure.types().forEach(t -> iri(out, m, KK.measureType, t));
            measure.addresses().forEach(c -> iri(out, m, KK.addresses, c));
            measure.resources().forEach(r -> iri(out, m, KK.usesResource, r));
            measure.actors().forEach(a -> iri(out, m, KK.involvesActor, a));
            for (Action action : measure.actions()) {
                Node a = item(out, m, ItemKind.ACTION, action.item());
                action.resources().forEach(r -> iri(out, a, KK.usesResource, r));
                action.actors().forEach(x -> iri(out, a, KK.involvesActor, x));
            }
            for (Role role : measure.roles()) {
                iri(out, item(out, m, ItemKind.ROLE, role.item()), KK.assignedTo, role.actor());
            }
        }
        item(out, ws, ItemKind.EFFECT, effect);
        for (Indicator indicator : indicators) {
            Node n = item(out, ws, ItemKind.INDICATOR, indicator.item());
            indicator.tracks().forEach(t -> iri(out, n, KK.tracks, t));
            value(out, n, KK.baselineValue, indicator.baseline());
            value(out, n, KK.targetValue, indicator.target());
        }
        for (Review review : reviews) {
            Node n = item(out, ws, ItemKind.REVIEW, review.item());
            if (review.date() != null) {
                out.add(n, KK.reviewDate.asNode(), NodeFactory.createLiteralDT(review.date(), XSDDatatype.XSDdate));
            }
            review.reviewed().forEach(x -> iri(out, n, KK.reviews, x));
        }
        for (Item note : notes) {
            item(out, ws, ItemKind.NOTE, note);
        }
        return ws;
    }

    private static Node item(Graph out, Node from, ItemKind kind, Item item) {
        if (item == null) {
            return null;
        }
        Node node = NodeFactory.createURI(item.iri());
        WorksheetItems.add(out, from, kind, node, item.ordinal() == Integer.MAX_VALUE ? 0 : item.ordinal());
        item.label().write(out, node, RDFS.label.asNode());
        item.text().write(out, node, KK.text.asNode());
        item.translation().write(out, node, KK.translation.asNode());
        if (item.translationOutdated()) {
            out.add(node, KK.translationOutdated.asNode(), TRUE);
        }
        return node;
    }

    private static void iri(Graph out, Node s, Property p, String iri) {
        if (iri != null && !iri.isBlank()) {
            out.add(s, p.asNode(), NodeFactory.createURI(iri.strip()));
        }
    }

    /** An indicator value: an integer or decimal number when it reads as one, else a plain string. */
    private static void value(Graph out, Node s, Property p, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.strip();
        Node literal;
        if (v.matches("[+-]?\\d+")) {
            literal =
                    NodeFactory.createLiteralDT(new BigDecimal(v).toBigInteger().toString(), XSDDatatype.XSDinteger);
        } else if (v.matches("[+-]?\\d*\\.\\d+")) {
            literal = NodeFactory.createLiteralDT(v, XSDDatatype.XSDdecimal);
        } else {
            literal = NodeFactory.createLiteralString(v);
        }
        out.add(s, p.asNode(), literal);
    }
}
