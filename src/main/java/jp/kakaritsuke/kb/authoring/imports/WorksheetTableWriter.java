package jp.kakaritsuke.kb.authoring.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import jp.kakaritsuke.kb.authoring.imports.ImportVocabulary.Scheme;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Column;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Section;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.worksheet.WorksheetItem;
import jp.kakaritsuke.kb.worksheet.WorksheetItems;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

/**
 * Writes a worksheet graph as rows of the tabular layout, the inverse of {@link WorksheetTableParser}. What the
 * layout cannot carry is left out: interpretation records ({@code kk:Interpretation}), statements with predicates the
 * layout has no column for, items whose IRIs do not follow the convention, blank nodes, literals in languages other
 * than the column's, a second label per language.
 */
final class WorksheetTableWriter {

    private final String base;
    private final ImportVocabulary vocabulary;

    WorksheetTableWriter(String base, ImportVocabulary vocabulary) {
        this.base = base;
        this.vocabulary = vocabulary;
    }

    /** The rows of worksheet {@code slug}: the worksheet row, then its items in the order of the printed form. */
    List<Map<Column, String>> rows(String slug, Graph graph) {
        WorksheetNames names = new WorksheetNames(base, slug);
        String worksheetIri = names.worksheet();
        Node worksheet = NodeFactory.createURI(worksheetIri);
        List<Map<Column, String>> rows = new ArrayList<>();
        Map<Column, String> head = row(slug, Section.WORKSHEET);
        put(head, Column.TEXT_JA, literal(graph, worksheet, DCTerms.title, "ja"));
        put(head, Column.TEXT_EN, literal(graph, worksheet, KK.translation, "en"));
        put(head, Column.TRANSLATION_OUTDATED, outdated(graph, worksheet));
        put(head, Column.LABEL_JA, literal(graph, worksheet, RDFS.label, "ja"));
        put(head, Column.LABEL_EN, literal(graph, worksheet, RDFS.label, "en"));
        put(head, Column.AREA_CODE, join(objects(graph, worksheet, KK.area), n -> strip(n, base + "id/area/")));
        put(head, Column.FUNCTION, join(objects(graph, worksheet, KK.function), n -> id(Scheme.FUNCTIONS, n)));
        put(head, Column.STATUS, join(objects(graph, worksheet, KK.status), n -> id(Scheme.STATUSES, n)));
        put(head, Column.FISCAL_YEAR, join(objects(graph, worksheet, KK.fiscalYear), Node::getLiteralLexicalForm));
        put(
                head,
                Column.CONSULTATION_DATE,
                join(objects(graph, worksheet, KK.consultationDate), Node::getLiteralLexicalForm));
        put(head, Column.SYNTHETIC, join(objects(graph, worksheet, KK.synthetic), Node::getLiteralLexicalForm));
        put(head, Column.SOURCE, join(objects(graph, worksheet, KK.source), n -> strip(n, base + "id/source/")));
        put(
                head,
                Column.DERIVED_FROM,
                join(
                        objects(graph, worksheet, WorksheetTableParser.PROV_DERIVED_FROM),
                        n -> strip(n, WorksheetNames.worksheetPrefix(base))));
        put(head, Column.ATTRIBUTED_TO, agents(graph, worksheet));
        rows.add(head);
        for (WorksheetItem item : WorksheetItems.read(graph, names)) {
            rows.add(itemRow(slug, worksheetIri, graph, item));
        }
        return rows;
    }

    /** "true" when the translation of {@code node} is marked outdated (kk:translationOutdated), else nothing. */
    private static String outdated(Graph graph, Node node) {
        return graph.find(node, KK.translationOutdated.asNode(), Node.ANY)
                        .filterKeep(t -> t.getObject().isLiteral()
                                && "true".equals(t.getObject().getLiteralLexicalForm()))
                        .hasNext()
                ? "true"
                : null;
    }

    private Map<Column, String> itemRow(String slug, String worksheetIri, Graph graph, WorksheetItem item) {
        Section section = Section.of(item.kind());
        Node node = NodeFactory.createURI(item.iri());
        Map<Column, String> row = row(slug, section);
        if (section.numbered()) {
            put(row, Column.NUMBER, Integer.toString(item.number()));
        }
        if (section.underMeasure()) {
            put(row, Column.PARENT, Integer.toString(item.parent()));
        }
        put(row, Column.TEXT_JA, literal(graph, node, KK.text, "ja"));
        put(row, Column.TEXT_EN, literal(graph, node, KK.translation, "en"));
        put(row, Column.TRANSLATION_OUTDATED, outdated(graph, node));
        String labelJa = literal(graph, node, RDFS.label, "ja");
        String labelEn = literal(graph, node, RDFS.label, "en");
        if (!Objects.equals(labelJa, item.label("ja"))) {
            put(row, Column.LABEL_JA, labelJa);
        }
        if (!Objects.equals(labelEn, item.label("en"))) {
            put(row, Column.LABEL_EN, labelEn);
        }
        put(row, Column.ATTRIBUTED_TO, agents(graph, node));
        put(row, Column.MENTIONS, join(objects(graph, node, KK.mentions), n -> id(Scheme.RESOURCES, n)));
        put(row, Column.RESOURCES, join(objects(graph, node, KK.usesResource), n -> id(Scheme.RESOURCES, n)));
        put(row, Column.ACTORS, join(objects(graph, node, KK.involvesActor), n -> id(Scheme.ACTOR_TYPES, n)));
        put(row, Column.VIEWPOINTS, join(objects(graph, node, KK.viewpoint), n -> id(Scheme.ACTOR_TYPES, n)));
        if (section == Section.CAUSE) {
            put(row, Column.TYPES, join(objects(graph, node, KK.causeType), n -> id(Scheme.CAUSE_TYPES, n)));
        } else if (section == Section.MEASURE) {
            put(row, Column.TYPES, join(objects(graph, node, KK.measureType), n -> id(Scheme.MEASURE_TYPES, n)));
        }
        put(row, Column.ACTOR, join(objects(graph, node, KK.assignedTo), n -> {
            String id = id(Scheme.ACTOR_TYPES, n);
            return id != null ? id : n.isURI() ? n.getURI() : null;
        }));
        String items = worksheetIri + "/";
        put(row, Column.ADDRESSES, numbers(objects(graph, node, KK.addresses), items + "cause/"));
        put(row, Column.TRACKS, numbers(objects(graph, node, KK.tracks), items + "measure/"));
        put(row, Column.EXPLAINS, join(objects(graph, node, KK.explains), n -> section(n, items)));
        put(row, Column.LEADS_TO, join(objects(graph, node, KK.leadsTo), n -> section(n, items)));
        put(row, Column.CONTRIBUTES_TO, join(objects(graph, node, KK.contributesTo), n -> section(n, items)));
        put(row, Column.BASELINE, join(objects(graph, node, KK.baselineValue), Node::getLiteralLexicalForm));
        put(row, Column.TARGET, join(objects(graph, node, KK.targetValue), Node::getLiteralLexicalForm));
        put(row, Column.REVIEW_DATE, join(objects(graph, node, KK.reviewDate), Node::getLiteralLexicalForm));
        put(row, Column.REVIEWS, join(objects(graph, node, KK.reviews), n -> strip(n, items)));
        return row;
    }

    private static Map<Column, String> row(String slug, Section section) {
        Map<Column, String> row = new EnumMap<>(Column.class);
        row.put(Column.WORKSHEET_ID, slug);
        row.put(Column.SECTION, section.id());
        return row;
    }

    private static void put(Map<Column, String> row, Column column, String value) {
        if (value != null && !value.isEmpty()) {
            row.put(column, value);
        }
    }

    private String id(Scheme scheme, Node node) {
        return node.isURI() ? vocabulary.idOf(scheme, node.getURI()) : null;
    }

    private static String section(Node node, String items) {
        String path = strip(node, items);
        return path == null ? null : path.replace('-', '_');
    }

    private static String strip(Node node, String prefix) {
        return node.isURI() && node.getURI().startsWith(prefix) ? node.getURI().substring(prefix.length()) : null;
    }

    private static String numbers(List<Node> nodes, String prefix) {
        return String.join(
                ";",
                nodes.stream()
                        .map(n -> strip(n, prefix))
                        .filter(Objects::nonNull)
                        .filter(s -> s.matches("[0-9]+"))
                        .map(Integer::valueOf)
                        .sorted()
                        .map(String::valueOf)
                        .toList());
    }

    private String agents(Graph graph, Node subject) {
        return join(
                objects(graph, subject, WorksheetTableParser.PROV_ATTRIBUTED_TO), n -> strip(n, base + "id/agent/"));
    }

    private static List<Node> objects(Graph graph, Node subject, Property property) {
        return objects(graph, subject, property.asNode());
    }

    private static List<Node> objects(Graph graph, Node subject, Node property) {
        return graph.find(subject, property, Node.ANY)
                .mapWith(Triple::getObject)
                .toList();
    }

    private static String join(List<Node> nodes, Function<Node, String> text) {
        return String.join(
                ";", nodes.stream().map(text).filter(Objects::nonNull).sorted().toList());
    }

    private static String literal(Graph graph, Node subject, Property property, String lang) {
        for (Node o : objects(graph, subject, property)) {
            if (o.isLiteral() && lang.equals(o.getLiteralLanguage())) {
                return o.getLiteralLexicalForm();
            }
        }
        return null;
    }
}
