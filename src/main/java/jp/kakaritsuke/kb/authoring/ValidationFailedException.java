package jp.kakaritsuke.kb.authoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.failure.HttpFailureException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Link;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * A worksheet was refused because it does not conform to the SHACL shapes ({@code ontology/shapes.ttl}) or is not
 * one worksheet at all. Nothing was written. Carries the Jena {@link ValidationReport} (for RDF clients) and the same
 * results flattened for display, each with its message in Japanese and English.
 */
public class ValidationFailedException extends HttpFailureException {

    private final transient ValidationReport report;
    private final List<Violation> violations;

    /**
     * One result of the report.
     *
     * @param focusNode the resource that fails, in N-Triples form ({@code <…>} or {@code _:b0})
     * @param path the property path checked, in SPARQL syntax, or empty for a node constraint
     * @param value the offending value, in N-Triples form, or empty
     * @param messageJa the message in Japanese
     * @param messageEn the message in English
     * @param severity Violation, Warning or Info
     * @param sourceShape the shape that failed, in N-Triples form, or empty
     */
    public record Violation(
            String focusNode,
            String path,
            String value,
            String messageJa,
            String messageEn,
            String severity,
            String sourceShape) {}

    public ValidationFailedException(String slug, ValidationReport report) {
        this(slug, report, flatten(report));
    }

    private ValidationFailedException(String slug, ValidationReport report, List<Violation> violations) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "authoring.refused.invalid",
                "Worksheet " + slug + " does not conform to the shapes: " + violations.size() + " result(s)"
                        + (violations.isEmpty()
                                ? ""
                                : ", first: " + violations.get(0).focusNode() + " "
                                        + violations.get(0).path() + " "
                                        + violations.get(0).messageEn()));
        this.report = report;
        this.violations = violations;
    }

    /** The SHACL validation report, as Jena produced it. */
    public ValidationReport report() {
        return report;
    }

    /** The results, ordered by focus node and path. */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "validation failed");
        body.put("message", getMessage());
        body.put("violations", violations);
        return body;
    }

    /** The SHACL validation report, for RDF clients. */
    @Override
    public Graph explanation() {
        return report.getGraph();
    }

    @Override
    public Map<String, Object> page() {
        return Map.of("detail", getMessage(), "violations", violations);
    }

    private static List<Violation> flatten(ValidationReport report) {
        List<Violation> list = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            String ja = null;
            String en = null;
            String plain = null;
            for (Node message : entry.messages()) {
                if (!message.isLiteral()) {
                    continue;
                }
                String lang = message.getLiteralLanguage();
                if (lang.startsWith("ja") && ja == null) {
                    ja = message.getLiteralLexicalForm();
                } else if (lang.startsWith("en") && en == null) {
                    en = message.getLiteralLexicalForm();
                } else if (plain == null) {
                    plain = message.getLiteralLexicalForm();
                }
            }
            String fallback = plain != null ? plain : entry.message();
            list.add(new Violation(
                    format(entry.focusNode()),
                    entry.resultPath() == null ? "" : entry.resultPath().toString(),
                    format(entry.value()),
                    ja != null ? ja : en != null ? en : fallback,
                    en != null ? en : fallback != null ? fallback : ja,
                    entry.severity().level().getLocalName(),
                    format(entry.source())));
        }
        list.sort(Comparator.comparing(Violation::focusNode)
                .thenComparing(Violation::path)
                .thenComparing(Violation::messageEn, Comparator.nullsFirst(Comparator.naturalOrder())));
        return List.copyOf(list);
    }

    private static String format(Node node) {
        return node == null ? "" : NodeFmtLib.strNT(node);
    }

    /** Refusal of something that is not one worksheet (wrong subjects, missing worksheet node), as a report. */
    static ValidationFailedException notOneWorksheet(String slug, Node focus, String messageJa, String messageEn) {
        ValidationReport.Builder builder = ValidationReport.create();
        ReportEntry entry = ReportEntry.create()
                .focusNode(focus)
                .severity(Severity.Violation)
                .source(NodeFactory.createURI("https://w3id.org/kakaritsuke/shapes#WorksheetShape"))
                .sourceConstraintComponent(
                        NodeFactory.createURI("http://www.w3.org/ns/shacl#ClosedConstraintComponent"))
                .message(NodeFactory.createLiteralLang(messageJa, "ja"))
                .message(NodeFactory.createLiteralLang(messageEn, "en"));
        builder.addReportEntry(entry);
        return new ValidationFailedException(slug, builder.build());
    }

    /** A text of the worksheet is longer than {@code kb.input.max-text-length}: the statement is the violation. */
    static ValidationFailedException textTooLong(String slug, Triple statement, DataSize limit) {
        long length = InputLimits.utf8Length(statement.getObject().getLiteralLexicalForm());
        ValidationReport.Builder builder = ValidationReport.create();
        ReportEntry entry = ReportEntry.create()
                .focusNode(statement.getSubject())
                .resultPath(new P_Link(statement.getPredicate()))
                .severity(Severity.Violation)
                .source(NodeFactory.createURI("https://w3id.org/kakaritsuke/shapes#WorksheetShape"))
                .sourceConstraintComponent(
                        NodeFactory.createURI("http://www.w3.org/ns/shacl#MaxLengthConstraintComponent"))
                .message(NodeFactory.createLiteralLang(
                        "文章が長すぎます（" + length + " バイト。上限 " + limit.toBytes() + " バイト、設定 kb.input.max-text-length）。",
                        "ja"))
                .message(NodeFactory.createLiteralLang(
                        "The text is too long (" + length + " bytes; at most " + limit.toBytes()
                                + " bytes, kb.input.max-text-length).",
                        "en"));
        builder.addReportEntry(entry);
        return new ValidationFailedException(slug, builder.build());
    }
}
