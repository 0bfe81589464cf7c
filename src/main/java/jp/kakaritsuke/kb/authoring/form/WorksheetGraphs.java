package jp.kakaritsuke.kb.authoring.form;

import java.util.ArrayList;
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
import jp.kakaritsuke.kb.worksheet.Literals;
import jp.kakaritsuke.kb.worksheet.TranslationFreshness;
import jp.kakaritsuke.kb.worksheet.WorksheetContent;
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

    /**
     * The literal properties the form edits, with the languages it edits each in (none: values without a language);
     * see {@link #keepUnedited}. The English title shown is {@code kk:translation}, or {@code dct:title} in English.
     */
    private static final Map<Node, List<String>> EDITED_LITERALS = Map.of(
            KK.text.asNode(),
            List.of("ja"),
            KK.translation.asNode(),
            List.of("en"),
            TITLE,
            List.of("ja", "en"),
            KK.baselineValue.asNode(),
            List.of(),
            KK.targetValue.asNode(),
            List.of(),
            KK.fiscalYear.asNode(),
            List.of(),
            KK.consultationDate.asNode(),
            List.of());

    private WorksheetGraphs() {}

    private static Set<Node> nodes(Node... nodes) {
        return Set.of(nodes);
    }

    // ------------------------------------------------------------------------------------------------- reading

    /** The form for worksheet {@code worksheet} (its IRI) as {@code graph} holds it. */
    static WorksheetForm read(Graph graph, String worksheet, String slug) {
        WorksheetContent content = WorksheetContent.read(graph, worksheet);
        WorksheetForm form = new WorksheetForm();
        form.setSlug(slug);
        form.setArea(content.area());
        form.setFunction(content.function());
        form.setTitleJa(content.title().in("ja"));
        String titleEn = content.titleTranslation().in("en");
        form.setTitleEn(titleEn != null ? titleEn : content.title().in("en"));
        form.setStatus(content.status());
        form.setFiscalYear(content.fiscalYear());
        form.setConsultationDates(String.join(", ", content.consultationDates()));
        if (content.challenge() != null) {
            form.setChallenge(text(content.challenge(), new WorksheetForm.Text()));
        }
        if (content.targetState() != null) {
            form.setTargetState(text(content.targetState(), new WorksheetForm.Text()));
        }
        if (content.effect() != null) {
            form.setEffect(text(content.effect(), new WorksheetForm.Text()));
        }
        for (WorksheetContent.Cause c : content.causes()) {
            WorksheetForm.Cause cause = text(c.item(), new WorksheetForm.Cause());
            cause.setTypes(sorted(c.types()));
            form.getCauses().add(cause);
        }
        for (WorksheetContent.Measure m : content.measures()) {
            WorksheetForm.Measure measure = text(m.item(), new WorksheetForm.Measure());
            for (WorksheetContent.Action a : m.actions()) {
                WorksheetForm.Action action = text(a.item(), new WorksheetForm.Action());
                action.setResources(sorted(a.resources()));
                action.setActors(sorted(a.actors()));
                measure.getActions().add(action);
            }
            for (WorksheetContent.Role r : m.roles()) {
                WorksheetForm.Role role = text(r.item(), new WorksheetForm.Role());
                role.setActor(r.actor());
                measure.getRoles().add(role);
            }
            measure.setTypes(sorted(m.types()));
            measure.setAddresses(sorted(m.addresses()));
            measure.setResources(sorted(m.resources()));
            measure.setActors(sorted(m.actors()));
            form.getMeasures().add(measure);
        }
        for (WorksheetContent.Indicator n : content.indicators()) {
            WorksheetForm.Indicator indicator = text(n.item(), new WorksheetForm.Indicator());
            indicator.setTracks(sorted(n.tracks()));
            indicator.setBaseline(n.baseline());
            indicator.setTarget(n.target());
            form.getIndicators().add(indicator);
        }
        return form;
    }

    private static <T extends WorksheetForm.Text> T text(WorksheetContent.Item item, T text) {
        text.setKey(item.iri());
        text.setJa(item.text().in("ja"));
        text.setEn(item.translation().in("en"));
        text.setOutdated(item.translationOutdated());
        return text;
    }

    private static List<String> sorted(List<String> iris) {
        return iris.stream().sorted().toList();
    }

    private static Node object(Graph graph, Node s, Node p) {
        var it = graph.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static String literal(Graph graph, Node s, Node p, String lang) {
        return Literals.of(graph, s, p).in(lang);
    }

    // ------------------------------------------------------------------------------------------------- writing

    /**
     * The worksheet graph for {@code form}, with what the form does not edit carried over from {@code current} (the
     * worksheet's graph in the store; empty for a worksheet not yet saved).
     */
    static Graph write(WorksheetForm form, Graph current, WorksheetNames names) {
        Map<String, Node> renamed = new HashMap<>();
        Map<String, String> causeKeys = new HashMap<>();
        Map<String, String> measureKeys = new HashMap<>();
        List<Node> newCauses = new ArrayList<>();

        List<WorksheetContent.Cause> causes = new ArrayList<>();
        int c = 0;
        for (WorksheetForm.Cause cause : form.getCauses()) {
            c++;
            WorksheetContent.Item item = item(names, ItemKind.CAUSE, 0, c, cause, renamed);
            causeKeys.put(cause.getKey(), item.iri());
            if (!renamed.containsKey(cause.getKey())) {
                newCauses.add(NodeFactory.createURI(item.iri()));
            }
            causes.add(new WorksheetContent.Cause(item, cause.getTypes(), List.of(), List.of()));
        }
        List<WorksheetContent.Measure> measures = new ArrayList<>();
        int m = 0;
        for (WorksheetForm.Measure measure : form.getMeasures()) {
            m++;
            WorksheetContent.Item item = item(names, ItemKind.MEASURE, 0, m, measure, renamed);
            measureKeys.put(measure.getKey(), item.iri());
            List<WorksheetContent.Action> actions = new ArrayList<>();
            int k = 0;
            for (WorksheetForm.Action action : measure.getActions()) {
                k++;
                actions.add(new WorksheetContent.Action(
                        item(names, ItemKind.ACTION, m, k, action, renamed),
                        action.getResources(),
                        action.getActors()));
            }
            List<WorksheetContent.Role> roles = new ArrayList<>();
            k = 0;
            for (WorksheetForm.Role role : measure.getRoles()) {
                k++;
                roles.add(new WorksheetContent.Role(item(names, ItemKind.ROLE, m, k, role, renamed), role.getActor()));
            }
            measures.add(new WorksheetContent.Measure(
                    item,
                    measure.getTypes(),
                    keyed(measure.getAddresses(), causeKeys),
                    measure.getResources(),
                    measure.getActors(),
                    actions,
                    roles));
        }
        List<WorksheetContent.Indicator> indicators = new ArrayList<>();
        int n = 0;
        for (WorksheetForm.Indicator indicator : form.getIndicators()) {
            n++;
            indicators.add(new WorksheetContent.Indicator(
                    item(names, ItemKind.INDICATOR, 0, n, indicator, renamed),
                    indicator.getBaseline(),
                    indicator.getTarget(),
                    keyed(indicator.getTracks(), measureKeys)));
        }
        List<String> dates = WorksheetForm.blank(form.getConsultationDates())
                ? List.of()
                : List.of(form.getConsultationDates().strip().split("[,、\\s]+"));
        WorksheetContent content = new WorksheetContent(
                names.worksheet(),
                Literals.of(normalise(form.getTitleJa()), "ja"),
                Literals.of(normalise(form.getTitleEn()), "en"),
                form.getArea(),
                form.getFunction(),
                form.getStatus(),
                null,
                current.isEmpty() && !WorksheetForm.blank(form.getDerivedFrom()) ? form.getDerivedFrom() : null,
                WorksheetForm.blank(form.getFiscalYear()) ? null : FiscalYears.normalise(form.getFiscalYear()),
                dates,
                false,
                List.of(),
                List.of(),
                single(names, ItemKind.CHALLENGE, form.getChallenge(), renamed),
                causes,
                single(names, ItemKind.TARGET_STATE, form.getTargetState(), renamed),
                measures,
                single(names, ItemKind.EFFECT, form.getEffect(), renamed),
                indicators,
                List.of(),
                List.of());
        Graph out = GraphFactory.createDefaultGraph();
        Node ws = content.write(out);
        Node challenge = object(out, ws, KK.hasChallenge.asNode());
        if (challenge != null) {
            // Box (2) of the form holds the causes of box (1): a new cause explains the challenge, as the causes of
            // every seed worksheet do.
            newCauses.forEach(cause -> out.add(cause, KK.explains.asNode(), challenge));
        }
        keepUnedited(current, ws, out, renamed);
        carryOver(current, ws, out, renamed);
        translationFreshness(form, current, out, renamed);
        pruneInterpretations(out);
        return out;
    }

    /** The new IRIs of the items the form refers to by their keys; keys of items the form no longer has are dropped. */
    private static List<String> keyed(List<String> keys, Map<String, String> iris) {
        return keys.stream().map(iris::get).filter(Objects::nonNull).toList();
    }

    private static WorksheetContent.Item single(
            WorksheetNames names, ItemKind kind, WorksheetForm.Text text, Map<String, Node> renamed) {
        return text != null && !text.isBlank() ? item(names, kind, 0, 0, text, renamed) : null;
    }

    /** An item numbered by its place in the form, labelled as the form prints it, with the author's texts. */
    private static WorksheetContent.Item item(
            WorksheetNames names,
            ItemKind kind,
            int parent,
            int number,
            WorksheetForm.Text text,
            Map<String, Node> renamed) {
        String iri = names.item(kind, parent, number);
        remember(text, NodeFactory.createURI(iri), renamed);
        return new WorksheetContent.Item(
                iri,
                kind.single() ? Integer.MAX_VALUE : number,
                new Literals(List.of(
                        new Literals.Literal(kind.label("ja", parent, number), "ja"),
                        new Literals.Literal(kind.label("en", parent, number), "en"))),
                Literals.of(normalise(text.getJa()), "ja"),
                Literals.of(normalise(text.getEn()), "en"),
                false);
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
                                    normalise(literal(current, before, KK.text.asNode(), "ja")),
                                    normalise(text.getJa())));
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

    /** Browsers send line breaks as CR LF; the data keeps LF, and no surrounding blanks. */
    private static String normalise(String text) {
        return text == null ? null : text.replace("\r\n", "\n").strip();
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

    /**
     * Keeps the literals the author did not edit as the store holds them. The form edits one literal per property and
     * language it shows (an item's {@code kk:text} in Japanese, its {@code kk:translation} in English, the title in
     * both, an indicator's values); a literal of another language (a wording also given in English) is carried over.
     * A literal the form writes with the value the store holds keeps the stored form: its language tag
     * ({@code ja-JP}), its datatype (an indicator value typed {@code xsd:double}), its blanks and line ends (source
     * text stays verbatim).
     */
    private static void keepUnedited(Graph current, Node ws, Graph out, Map<String, Node> renamed) {
        if (current.isEmpty()) {
            return;
        }
        Map<Node, Node> kept = new HashMap<>();
        kept.put(ws, ws);
        renamed.forEach((key, node) -> kept.put(NodeFactory.createURI(key), node));
        kept.forEach((before, after) -> {
            for (Map.Entry<Node, List<String>> edited : EDITED_LITERALS.entrySet()) {
                Node p = edited.getKey();
                List<Node> stored = literals(current, before, p);
                for (Node written : literals(out, after, p)) {
                    stored.stream()
                            .filter(o -> !o.equals(written) && sameValue(o, written))
                            .findFirst()
                            .ifPresent(o -> {
                                out.delete(after, p, written);
                                out.add(after, p, o);
                            });
                }
                List<String> languages = edited.getValue();
                stored.stream()
                        .filter(o -> !languages.isEmpty()
                                && !o.getLiteralLanguage().isEmpty()
                                && languages.stream().noneMatch(l -> Literals.inLanguage(o.getLiteralLanguage(), l)))
                        .forEach(o -> out.add(after, p, o));
            }
        });
    }

    private static List<Node> literals(Graph graph, Node s, Node p) {
        return new ArrayList<>(graph.find(s, p, Node.ANY)
                .mapWith(Triple::getObject)
                .filterKeep(Node::isLiteral)
                .toList());
    }

    /**
     * True if the form wrote {@code written} for the stored {@code stored}: the same words (blanks around them aside)
     * in the same language (a subtag aside), or, for a value, the same lexical form whatever its type.
     */
    private static boolean sameValue(Node stored, Node written) {
        if (!normalise(stored.getLiteralLexicalForm()).equals(written.getLiteralLexicalForm())) {
            return false;
        }
        String lang = written.getLiteralLanguage();
        return lang.isEmpty() || Literals.inLanguage(stored.getLiteralLanguage(), lang);
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
