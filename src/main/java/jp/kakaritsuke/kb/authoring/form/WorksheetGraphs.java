package jp.kakaritsuke.kb.authoring.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import jp.kakaritsuke.kb.authoring.FiscalYears;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import jp.kakaritsuke.kb.worksheet.TranslationFreshness;
import jp.kakaritsuke.kb.worksheet.WorksheetItems;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Converts between the worksheet graph ({@code graph/worksheet/{slug}}) and the editor's {@link WorksheetForm}.
 *
 * <p>Writing numbers every item by its position in the form ({@code …/cause/2} is the second cause), so an item
 * keeps its IRI as long as it keeps its place. What the form does not edit is carried over from the current graph
 * under the item's new IRI: a cause's viewpoints and mentions, a measure's effects, notes, reviews, the template, the
 * source. An interpretation record is kept only while what it interprets is still there (its triple still asserted,
 * or its fragment still in the item's text): a link the author removed takes its rationale with it.
 */
final class WorksheetGraphs {

    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node TITLE = DCTerms.title.asNode();
    private static final Node PROV_DERIVED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final Node PROV_ATTRIBUTED = NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");

    /** The classes of the items the form edits; any other item (notes, reviews) is carried over as it is. */
    private static final Set<Node> FORM_ITEMS = Set.of(
            KK.Challenge.asNode(),
            KK.Cause.asNode(),
            KK.TargetState.asNode(),
            KK.Measure.asNode(),
            KK.Action.asNode(),
            KK.RoleAssignment.asNode(),
            KK.ExpectedEffect.asNode(),
            KK.ProgressIndicator.asNode());

    /** Properties of the worksheet node that the form writes. */
    private static final Set<Node> WORKSHEET_MANAGED = nodes(
            RDF.type.asNode(),
            TITLE,
            KK.translation.asNode(),
            KK.status.asNode(),
            KK.fiscalYear.asNode(),
            KK.consultationDate.asNode(),
            KK.hasChallenge.asNode(),
            KK.hasCause.asNode(),
            KK.hasTargetState.asNode(),
            KK.hasMeasure.asNode(),
            KK.hasExpectedEffect.asNode(),
            KK.hasIndicator.asNode(),
            KK.area.asNode(),
            KK.function.asNode());

    /** Properties of a form item that the form writes. */
    private static final Set<Node> ITEM_MANAGED = nodes(
            RDF.type.asNode(),
            LABEL,
            KK.ordinal.asNode(),
            KK.text.asNode(),
            KK.translation.asNode(),
            KK.translationOutdated.asNode(),
            KK.addresses.asNode(),
            KK.causeType.asNode(),
            KK.measureType.asNode(),
            KK.usesResource.asNode(),
            KK.involvesActor.asNode(),
            KK.hasAction.asNode(),
            KK.hasRoleAssignment.asNode(),
            KK.assignedTo.asNode(),
            KK.tracks.asNode(),
            KK.baselineValue.asNode(),
            KK.targetValue.asNode());

    private WorksheetGraphs() {}

    private static Set<Node> nodes(Node... nodes) {
        return Set.of(nodes);
    }

    // ------------------------------------------------------------------------------------------------- reading

    /** The form for worksheet {@code worksheet} (its IRI) as {@code graph} holds it. */
    static WorksheetForm read(Graph graph, String worksheet, String slug) {
        Node ws = NodeFactory.createURI(worksheet);
        WorksheetForm form = new WorksheetForm();
        form.setSlug(slug);
        form.setArea(iri(object(graph, ws, KK.area.asNode())));
        form.setFunction(iri(object(graph, ws, KK.function.asNode())));
        form.setTitleJa(literal(graph, ws, TITLE, "ja"));
        String titleEn = literal(graph, ws, KK.translation.asNode(), "en");
        form.setTitleEn(titleEn != null ? titleEn : literal(graph, ws, TITLE, "en"));
        form.setStatus(iri(object(graph, ws, KK.status.asNode())));
        Node year = object(graph, ws, KK.fiscalYear.asNode());
        form.setFiscalYear(year == null ? null : year.getLiteralLexicalForm());
        form.setConsultationDates(String.join(
                ", ",
                graph
                        .find(ws, KK.consultationDate.asNode(), Node.ANY)
                        .mapWith(t -> t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : "")
                        .toList()
                        .stream()
                        .sorted()
                        .toList()));
        Node challenge = object(graph, ws, KK.hasChallenge.asNode());
        if (challenge != null) {
            form.setChallenge(text(graph, challenge, new WorksheetForm.Text()));
        }
        Node target = object(graph, ws, KK.hasTargetState.asNode());
        if (target != null) {
            form.setTargetState(text(graph, target, new WorksheetForm.Text()));
        }
        Node effect = object(graph, ws, KK.hasExpectedEffect.asNode());
        if (effect != null) {
            form.setEffect(text(graph, effect, new WorksheetForm.Text()));
        }
        for (Node c : ordered(graph, ws, KK.hasCause.asNode())) {
            WorksheetForm.Cause cause = text(graph, c, new WorksheetForm.Cause());
            cause.setTypes(iris(graph, c, KK.causeType.asNode()));
            form.getCauses().add(cause);
        }
        for (Node m : ordered(graph, ws, KK.hasMeasure.asNode())) {
            WorksheetForm.Measure measure = text(graph, m, new WorksheetForm.Measure());
            for (Node a : ordered(graph, m, KK.hasAction.asNode())) {
                measure.getActions().add(text(graph, a, new WorksheetForm.Text()));
            }
            for (Node r : ordered(graph, m, KK.hasRoleAssignment.asNode())) {
                WorksheetForm.Role role = text(graph, r, new WorksheetForm.Role());
                role.setActor(iri(object(graph, r, KK.assignedTo.asNode())));
                measure.getRoles().add(role);
            }
            measure.setTypes(iris(graph, m, KK.measureType.asNode()));
            measure.setAddresses(iris(graph, m, KK.addresses.asNode()));
            measure.setResources(iris(graph, m, KK.usesResource.asNode()));
            measure.setActors(iris(graph, m, KK.involvesActor.asNode()));
            form.getMeasures().add(measure);
        }
        for (Node n : ordered(graph, ws, KK.hasIndicator.asNode())) {
            WorksheetForm.Indicator indicator = text(graph, n, new WorksheetForm.Indicator());
            indicator.setTracks(iris(graph, n, KK.tracks.asNode()));
            Node baseline = object(graph, n, KK.baselineValue.asNode());
            indicator.setBaseline(baseline == null ? null : lexical(baseline));
            Node targetValue = object(graph, n, KK.targetValue.asNode());
            indicator.setTarget(targetValue == null ? null : lexical(targetValue));
            form.getIndicators().add(indicator);
        }
        return form;
    }

    private static <T extends WorksheetForm.Text> T text(Graph graph, Node item, T text) {
        text.setKey(item.getURI());
        text.setJa(literal(graph, item, KK.text.asNode(), "ja"));
        text.setEn(literal(graph, item, KK.translation.asNode(), "en"));
        text.setOutdated(TranslationFreshness.isOutdated(graph, item));
        return text;
    }

    /** The objects of {@code p}, items ordered by their kk:ordinal (then IRI). */
    private static List<Node> ordered(Graph graph, Node subject, Node p) {
        List<Node> items = new ArrayList<>(graph.find(subject, p, Node.ANY)
                .mapWith(Triple::getObject)
                .filterKeep(Node::isURI)
                .toList());
        items.sort(Comparator.comparing((Node n) -> ordinal(graph, n)).thenComparing(Node::getURI));
        return items;
    }

    private static long ordinal(Graph graph, Node item) {
        Node n = object(graph, item, KK.ordinal.asNode());
        try {
            return n == null ? Long.MAX_VALUE : Long.parseLong(n.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Node object(Graph graph, Node s, Node p) {
        var it = graph.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static List<String> iris(Graph graph, Node s, Node p) {
        return graph
                .find(s, p, Node.ANY)
                .mapWith(Triple::getObject)
                .filterKeep(Node::isURI)
                .mapWith(Node::getURI)
                .toList()
                .stream()
                .sorted()
                .toList();
    }

    private static String iri(Node node) {
        return node != null && node.isURI() ? node.getURI() : null;
    }

    private static String lexical(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    private static String literal(Graph graph, Node s, Node p, String lang) {
        for (Triple t : graph.find(s, p, Node.ANY).toList()) {
            Node o = t.getObject();
            if (o.isLiteral() && o.getLiteralLanguage().toLowerCase().startsWith(lang)) {
                return o.getLiteralLexicalForm();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------- writing

    /**
     * The worksheet graph for {@code form}, with what the form does not edit carried over from {@code current} (the
     * worksheet's graph in the store; empty for a worksheet not yet saved).
     */
    static Graph write(WorksheetForm form, Graph current, WorksheetNames names) {
        Node ws = NodeFactory.createURI(names.worksheet());
        Graph out = GraphFactory.createDefaultGraph();
        Map<String, Node> renamed = new HashMap<>();
        Map<String, Node> causeKeys = new HashMap<>();
        Map<String, Node> measureKeys = new HashMap<>();

        out.add(ws, TYPE, KK.Worksheet.asNode());
        uri(out, ws, KK.area.asNode(), form.getArea());
        uri(out, ws, KK.function.asNode(), form.getFunction());
        uri(out, ws, KK.status.asNode(), form.getStatus());
        lang(out, ws, TITLE, form.getTitleJa(), "ja");
        lang(out, ws, KK.translation.asNode(), form.getTitleEn(), "en");
        if (!WorksheetForm.blank(form.getFiscalYear())) {
            out.add(
                    ws,
                    KK.fiscalYear.asNode(),
                    NodeFactory.createLiteralDT(FiscalYears.normalise(form.getFiscalYear()), XSDDatatype.XSDgYear));
        }
        if (!WorksheetForm.blank(form.getConsultationDates())) {
            for (String date : form.getConsultationDates().strip().split("[,、\\s]+")) {
                out.add(ws, KK.consultationDate.asNode(), NodeFactory.createLiteralDT(date, XSDDatatype.XSDdate));
            }
        }
        if (current.isEmpty() && !WorksheetForm.blank(form.getDerivedFrom())) {
            out.add(ws, PROV_DERIVED, NodeFactory.createURI(form.getDerivedFrom()));
        }

        single(out, names, ItemKind.CHALLENGE, form.getChallenge(), renamed);
        single(out, names, ItemKind.TARGET_STATE, form.getTargetState(), renamed);
        single(out, names, ItemKind.EFFECT, form.getEffect(), renamed);

        int c = 0;
        for (WorksheetForm.Cause cause : form.getCauses()) {
            c++;
            Node node = item(out, names, ItemKind.CAUSE, 0, c, cause, renamed);
            causeKeys.put(cause.getKey(), node);
            cause.getTypes().forEach(t -> uri(out, node, KK.causeType.asNode(), t));
            if (!renamed.containsKey(cause.getKey()) && out.contains(ws, KK.hasChallenge.asNode(), Node.ANY)) {
                // Box (2) of the form holds the causes of box (1): a new cause explains the challenge, as the
                // causes of every seed worksheet do.
                out.add(node, KK.explains.asNode(), object(out, ws, KK.hasChallenge.asNode()));
            }
        }
        int m = 0;
        for (WorksheetForm.Measure measure : form.getMeasures()) {
            m++;
            Node node = item(out, names, ItemKind.MEASURE, 0, m, measure, renamed);
            measureKeys.put(measure.getKey(), node);
            measure.getTypes().forEach(t -> uri(out, node, KK.measureType.asNode(), t));
            for (String key : measure.getAddresses()) {
                Node cause = causeKeys.get(key);
                if (cause != null) {
                    out.add(node, KK.addresses.asNode(), cause);
                }
            }
            measure.getResources().forEach(r -> uri(out, node, KK.usesResource.asNode(), r));
            measure.getActors().forEach(a -> uri(out, node, KK.involvesActor.asNode(), a));
            int k = 0;
            for (WorksheetForm.Text action : measure.getActions()) {
                k++;
                item(out, names, ItemKind.ACTION, m, k, action, renamed);
            }
            k = 0;
            for (WorksheetForm.Role role : measure.getRoles()) {
                k++;
                Node r = item(out, names, ItemKind.ROLE, m, k, role, renamed);
                uri(out, r, KK.assignedTo.asNode(), role.getActor());
            }
        }
        int n = 0;
        for (WorksheetForm.Indicator indicator : form.getIndicators()) {
            n++;
            Node node = item(out, names, ItemKind.INDICATOR, 0, n, indicator, renamed);
            for (String key : indicator.getTracks()) {
                Node measure = measureKeys.get(key);
                if (measure != null) {
                    out.add(node, KK.tracks.asNode(), measure);
                }
            }
            value(out, node, KK.baselineValue.asNode(), indicator.getBaseline());
            value(out, node, KK.targetValue.asNode(), indicator.getTarget());
        }
        carryOver(current, ws, out, renamed);
        translationFreshness(form, current, out, renamed);
        pruneInterpretations(out);
        return out;
    }

    private static void single(
            Graph out, WorksheetNames names, ItemKind kind, WorksheetForm.Text text, Map<String, Node> renamed) {
        if (text != null && !text.isBlank()) {
            item(out, names, kind, 0, 0, text, renamed);
        }
    }

    private static Node item(
            Graph out,
            WorksheetNames names,
            ItemKind kind,
            int parent,
            int number,
            WorksheetForm.Text text,
            Map<String, Node> renamed) {
        Node node = WorksheetItems.addLabelled(out, names, kind, parent, number);
        lang(out, node, KK.text.asNode(), text.getJa(), "ja");
        lang(out, node, KK.translation.asNode(), text.getEn(), "en");
        remember(text, node, renamed);
        return node;
    }

    /**
     * Says for every item the form kept whether its translation is outdated ({@link TranslationFreshness}), comparing
     * it with the item it was when the form was read (by its key, so moving an item keeps what is known of its
     * translation): outdated if the author ticked nothing to confirm it, the translation is unchanged and either the
     * wording changed or it was outdated already. New items are left to the repository's rule.
     */
    private static void translationFreshness(WorksheetForm form, Graph current, Graph out, Map<String, Node> renamed) {
        for (WorksheetForm.Text text : form.texts()) {
            Node node = renamed.get(text.getKey());
            if (node == null || WorksheetForm.blank(text.getEn())) {
                continue;
            }
            Node before = NodeFactory.createURI(text.getKey());
            String oldEn = literal(current, before, KK.translation.asNode(), "en");
            boolean outdated = !text.isConfirmed()
                    && oldEn != null
                    && oldEn.equals(normalise(text.getEn()))
                    && (TranslationFreshness.isOutdated(current, before)
                            || !Objects.equals(
                                    literal(current, before, KK.text.asNode(), "ja"),
                                    text.getJa() == null ? null : normalise(text.getJa())));
            out.add(
                    node,
                    KK.translationOutdated.asNode(),
                    NodeFactory.createLiteralDT(Boolean.toString(outdated), XSDDatatype.XSDboolean));
        }
    }

    private static void remember(WorksheetForm.Text text, Node node, Map<String, Node> renamed) {
        if (text.getKey() != null && !text.getKey().startsWith("new-")) {
            renamed.put(text.getKey(), node);
        }
    }

    private static void uri(Graph out, Node s, Node p, String iri) {
        if (!WorksheetForm.blank(iri)) {
            out.add(s, p, NodeFactory.createURI(iri.strip()));
        }
    }

    private static void lang(Graph out, Node s, Node p, String text, String lang) {
        if (!WorksheetForm.blank(text)) {
            out.add(s, p, NodeFactory.createLiteralLang(normalise(text), lang));
        }
    }

    /** Browsers send line breaks as CR LF; the data keeps LF, and no surrounding blanks. */
    private static String normalise(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    /** An indicator value: an integer or decimal number when it reads as one, else a plain string. */
    private static void value(Graph out, Node s, Node p, String value) {
        if (WorksheetForm.blank(value)) {
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
        out.add(s, p, literal);
    }

    /**
     * Copies what the form does not edit: unmanaged properties of the worksheet node and of the items the form kept
     * (under their new IRIs), and everything about other subjects (notes, reviews, interpretations). Triples pointing
     * at an item the author removed are left out.
     */
    private static void carryOver(Graph current, Node ws, Graph out, Map<String, Node> renamed) {
        if (current.isEmpty()) {
            return;
        }
        Set<Node> formItems = new HashSet<>();
        current.find(Node.ANY, TYPE, Node.ANY).forEachRemaining(t -> {
            if (FORM_ITEMS.contains(t.getObject())) {
                formItems.add(t.getSubject());
            }
        });
        Function<Node, Node> rename =
                node -> node.isURI() && renamed.containsKey(node.getURI()) ? renamed.get(node.getURI()) : node;
        for (Triple t : current.find().toList()) {
            Node s = t.getSubject();
            Node o = t.getObject();
            boolean removedObject = formItems.contains(o) && !renamed.containsKey(o.getURI());
            if (removedObject) {
                continue;
            }
            if (s.equals(ws)) {
                if (t.getPredicate().equals(LABEL) && isTitle(current, ws, o)) {
                    // A label that repeats the title follows the title; the examples' own labels stay.
                    copyTitle(out, ws, o.getLiteralLanguage());
                } else if (!WORKSHEET_MANAGED.contains(t.getPredicate())) {
                    out.add(ws, t.getPredicate(), rename.apply(o));
                }
            } else if (formItems.contains(s)) {
                if (renamed.containsKey(s.getURI()) && !ITEM_MANAGED.contains(t.getPredicate())) {
                    out.add(renamed.get(s.getURI()), t.getPredicate(), rename.apply(o));
                }
            } else {
                out.add(rename.apply(s), t.getPredicate(), rename.apply(o));
            }
        }
    }

    private static boolean isTitle(Graph current, Node ws, Node label) {
        return label.isLiteral()
                && (current.contains(ws, TITLE, label) || current.contains(ws, KK.translation.asNode(), label));
    }

    private static void copyTitle(Graph out, Node ws, String lang) {
        Node title = lang.startsWith("ja")
                ? languageObject(out, ws, TITLE, "ja")
                : languageObject(out, ws, KK.translation.asNode(), "en");
        if (title != null) {
            out.add(ws, LABEL, title);
        }
    }

    private static Node languageObject(Graph graph, Node s, Node p, String lang) {
        return graph
                .find(s, p, Node.ANY)
                .mapWith(Triple::getObject)
                .filterKeep(o -> o.isLiteral() && o.getLiteralLanguage().startsWith(lang))
                .toList()
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Removes interpretation records whose triple is no longer asserted or whose item or fragment is gone. */
    private static void pruneInterpretations(Graph out) {
        Node subject = RDF.subject.asNode();
        Node predicate = RDF.predicate.asNode();
        Node object = RDF.object.asNode();
        List<Node> stale = new ArrayList<>();
        for (Node i : out.find(Node.ANY, TYPE, KK.Interpretation.asNode())
                .mapWith(Triple::getSubject)
                .toList()) {
            Node s = object(out, i, subject);
            Node p = object(out, i, predicate);
            Node o = object(out, i, object);
            Node item = object(out, i, KK.interprets.asNode());
            boolean keep;
            if (s != null || p != null || o != null) {
                keep = s != null && p != null && o != null && out.contains(s, p, o);
            } else if (item != null) {
                List<String> texts = out.find(item, KK.text.asNode(), Node.ANY)
                        .mapWith(t -> t.getObject())
                        .filterKeep(Node::isLiteral)
                        .mapWith(Node::getLiteralLexicalForm)
                        .toList();
                keep = out.contains(item, TYPE, Node.ANY)
                        && out
                                .find(i, KK.sourceFragment.asNode(), Node.ANY)
                                .mapWith(Triple::getObject)
                                .toList()
                                .stream()
                                .allMatch(f -> texts.stream().anyMatch(x -> x.contains(f.getLiteralLexicalForm())));
            } else {
                keep = false;
            }
            if (!keep) {
                stale.add(i);
            }
        }
        stale.forEach(i -> out.remove(i, Node.ANY, Node.ANY));
    }

    // ------------------------------------------------------------------------------------------------- copying

    /**
     * A new draft worksheet {@code target} copied from the worksheet {@code start} (its IRI) in {@code startGraph}:
     * its challenge, causes, target state, measures with their actions and roles, expected effect and indicators,
     * with their texts, translations and links, renamed under the new worksheet. Left behind: the start's
     * interpretation records (the new worksheet's links are its authors' statements), attributions, notes and reviews
     * (they remark on the start's source or record its meetings), and kk:synthetic. The new worksheet records that it
     * was derived from the start.
     */
    static Graph copy(Graph startGraph, String start, String target, Header header) {
        Node ws = NodeFactory.createURI(target);
        Node from = NodeFactory.createURI(start);
        Set<Node> items = new HashSet<>();
        startGraph.find(Node.ANY, TYPE, Node.ANY).forEachRemaining(t -> {
            if (FORM_ITEMS.contains(t.getObject())
                    && t.getSubject().isURI()
                    && t.getSubject().getURI().startsWith(start + "/")) {
                items.add(t.getSubject());
            }
        });
        Function<Node, Node> rename = node -> items.contains(node)
                ? NodeFactory.createURI(target + node.getURI().substring(start.length()))
                : node;
        Graph out = GraphFactory.createDefaultGraph();
        for (Triple t : startGraph.find().toList()) {
            Node s = t.getSubject();
            Node o = t.getObject();
            boolean dangling = o.isURI() && o.getURI().startsWith(start + "/") && !items.contains(o);
            if (dangling || t.getPredicate().equals(PROV_ATTRIBUTED)) {
                continue;
            }
            if (s.equals(from)) {
                if (items.contains(o)) {
                    out.add(ws, t.getPredicate(), rename.apply(o));
                } else if (t.getPredicate().equals(KK.template.asNode())) {
                    out.add(ws, t.getPredicate(), o);
                }
            } else if (items.contains(s)) {
                out.add(rename.apply(s), t.getPredicate(), rename.apply(o));
            }
        }
        header.write(out, ws);
        out.add(ws, PROV_DERIVED, from);
        return out;
    }

    /**
     * What a new worksheet says about itself: area, function, fiscal year, draft status and titles.
     *
     * @param area area IRI
     * @param function function concept IRI
     * @param fiscalYear the fiscal year, e.g. 2026
     * @param status status concept IRI
     * @param titles the title per language ("ja", "en")
     */
    record Header(String area, String function, int fiscalYear, String status, Map<String, String> titles) {

        Header {
            titles = new LinkedHashMap<>(titles);
        }

        void write(Graph out, Node ws) {
            out.add(ws, TYPE, KK.Worksheet.asNode());
            out.add(ws, KK.area.asNode(), NodeFactory.createURI(area));
            out.add(ws, KK.function.asNode(), NodeFactory.createURI(function));
            out.add(ws, KK.status.asNode(), NodeFactory.createURI(status));
            out.add(
                    ws,
                    KK.fiscalYear.asNode(),
                    NodeFactory.createLiteralDT(Integer.toString(fiscalYear), XSDDatatype.XSDgYear));
            String ja = titles.get("ja");
            String en = titles.get("en");
            if (ja != null) {
                out.add(ws, TITLE, NodeFactory.createLiteralLang(ja, "ja"));
                out.add(ws, LABEL, NodeFactory.createLiteralLang(ja, "ja"));
            }
            if (en != null) {
                out.add(ws, KK.translation.asNode(), NodeFactory.createLiteralLang(en, "en"));
                out.add(ws, LABEL, NodeFactory.createLiteralLang(en, "en"));
            }
        }
    }
}
