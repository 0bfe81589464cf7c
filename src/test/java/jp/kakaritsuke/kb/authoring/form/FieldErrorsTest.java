package jp.kakaritsuke.kb.authoring.form;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jp.kakaritsuke.kb.authoring.ValidationFailedException;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Link;
import org.junit.jupiter.api.Test;

/** Which editor field a SHACL result (focus node, result path) belongs to. */
class FieldErrorsTest {

    private static final String WS = "http://localhost:8080/id/worksheet/pref-13-2026-f2-i";
    private static final String KK = "https://w3id.org/kakaritsuke/ontology#";

    @Test
    void resultsOnTheWorksheetGoToTheFieldOfTheirProperty() {
        assertEquals("challenge", FieldErrors.field(WS, WS, KK + "hasChallenge"));
        assertEquals("title", FieldErrors.field(WS, WS, "http://purl.org/dc/terms/title"));
        assertEquals("fiscal-year", FieldErrors.field(WS, WS, KK + "fiscalYear"));
        assertEquals("worksheet", FieldErrors.field(WS, WS, KK + "template"));
    }

    @Test
    void resultsOnItemsGoToTheItemOrItsField() {
        assertEquals("cause-2", FieldErrors.field(WS, WS + "/cause/2", "^<" + KK + "addresses>"));
        assertEquals("measure-1-text", FieldErrors.field(WS, WS + "/measure/1", KK + "text"));
        assertEquals("measure-3-role-2-actor", FieldErrors.field(WS, WS + "/measure/3/role/2", KK + "assignedTo"));
        assertEquals(
                "measure-1-action-4-translation",
                FieldErrors.field(WS, WS + "/measure/1/action/4", KK + "translation"));
        assertEquals("indicator-1-tracks", FieldErrors.field(WS, WS + "/indicator/1", KK + "tracks"));
        assertEquals("challenge-text", FieldErrors.field(WS, WS + "/challenge", KK + "text"));
        assertEquals("cause-1", FieldErrors.field(WS, WS + "/cause/1", KK + "ordinal"));
    }

    @Test
    void resultsElsewhereGoToTheSummaryOnly() {
        assertEquals("worksheet", FieldErrors.field(WS, WS + "/interpretation/x", KK + "rationale"));
        assertEquals("worksheet", FieldErrors.field(WS, "http://localhost:8080/id/area/pref/13", KK + "areaCode"));
    }

    @Test
    void theSummaryNamesTheItemAsTheFormLabelsIt() {
        ValidationReport.Builder report = ValidationReport.create();
        for (String item : List.of("/measure/2/action/1", "/cause/1", "")) {
            report.addReportEntry(ReportEntry.create()
                    .focusNode(NodeFactory.createURI(WS + item))
                    .resultPath(new P_Link(NodeFactory.createURI(KK + "text")))
                    .severity(Severity.Violation)
                    .source(NodeFactory.createURI("https://w3id.org/kakaritsuke/shapes#ItemShape"))
                    .sourceConstraintComponent(
                            NodeFactory.createURI("http://www.w3.org/ns/shacl#MinCountConstraintComponent"))
                    .message(NodeFactory.createLiteralLang("記載がありません。", "ja"))
                    .message(NodeFactory.createLiteralLang("The wording is missing.", "en")));
        }
        ValidationFailedException e = new ValidationFailedException("pref-13-2026-f2-i", report.build());
        assertEquals(
                List.of("原因①", "方策②の取組1", "協議シート"),
                FieldErrors.of(e, WS, "ja").all().stream()
                        .map(FieldErrors.Message::item)
                        .toList());
        assertEquals(
                List.of("Cause 1", "Measure 2, action 1", "Worksheet"),
                FieldErrors.of(e, WS, "en").all().stream()
                        .map(FieldErrors.Message::item)
                        .toList());
    }
}
