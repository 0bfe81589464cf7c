package jp.kakaritsuke.kb.authoring.imports;

import static jp.kakaritsuke.kb.authoring.imports.ImportFixtures.ADMIN;
import static jp.kakaritsuke.kb.authoring.imports.ImportFixtures.EDITOR_13;
import static jp.kakaritsuke.kb.authoring.imports.ImportFixtures.EXAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.imports.ImportRejectedException.Reason;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Column;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The import's refusals on a TDB2 store with the shipped data: each names the place in the file (line and column,
 * sheet and cell) and the rule, and nothing is written — not on a syntax error, not on a layout error, not on a
 * SHACL violation, not when one worksheet of several is refused, not on a dry run.
 */
class ImportRulesTest {

    private static final String HEADER = "worksheet_id,area_code,function,fiscal_year,status,section,number,parent,"
            + "text_ja,text_en,addresses,resources,actors,actor,explains,leads_to,contributes_to";

    private static TdbKnowledgeStore store;
    private static WorksheetImporter importer;
    private static ImportMessages messages;

    @BeforeAll
    static void load() {
        store = ImportFixtures.loadedStore();
        importer = ImportFixtures.importer(store, DataSize.ofKilobytes(64));
        messages = ImportFixtures.messages();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** A small valid worksheet of Tokyo in the layout; line 1 is the header, its rows are lines 2 to 8. */
    private static List<String> tokyo(String slug, String area) {
        return new ArrayList<>(List.of(
                slug + "," + area + ",f2-i,2026,draft,worksheet,,,東京都の時間外診療の課題,Out-of-hours care,,,,,,,",
                slug + ",,,,,challenge,,,休日・夜間に受診できる体制がない。,,,,,,,,",
                slug + ",,,,,cause,1,,当番医の高齢化で休日・夜間の対応が難しい。,,,,,,challenge,,",
                slug + ",,,,,target_state,,,時間外診療体制を確保する。,,,,,,,,",
                slug + ",,,,,measure,1,,輪番体制を検討する。,,1,rotation-system,clinic;hospital,,,effect,",
                slug + ",,,,,role,1,1,輪番体制を取りまとめる。,,,,,local-medical-association,,,",
                slug + ",,,,,effect,,,身近な地域で時間外に受診できる。,,,,,,,,target_state"));
    }

    private static byte[] csv(List<String> rows) {
        return csv(HEADER, rows);
    }

    private static byte[] csv(String header, List<String> rows) {
        return (header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ImportPreview preview(ImportFormat format, byte[] content, Author author) {
        List<ParsedWorksheet> worksheets = importer.read(format, content, ImportProgress.NONE);
        return importer.preview("upload", format, worksheets, author, "en", ImportProgress.NONE);
    }

    private static ImportPreview apply(ImportFormat format, byte[] content, Author author) {
        List<ParsedWorksheet> worksheets = importer.read(format, content, ImportProgress.NONE);
        return importer.apply("upload", format, worksheets, author, "test", "en", ImportProgress.NONE);
    }

    /** Runs {@code action}, which must be refused for {@code reason}, and checks that the store did not change. */
    private static List<ImportProblem> refused(Reason reason, Runnable action) {
        Set<Quad> before = ImportFixtures.quads(store);
        ImportRejectedException e = assertThrows(ImportRejectedException.class, action::run);
        assertEquals(reason, e.reason(), () -> e.problems().toString());
        assertEquals(before, ImportFixtures.quads(store), "nothing written");
        return e.problems();
    }

    private static boolean has(List<ImportProblem> problems, Where where, String key) {
        return problems.stream()
                .anyMatch(p -> p.where().equals(where) && p.key().equals(key));
    }

    @Test
    void aDryRunShowsTheChangesAndWritesNothingThenTheImportWritesThem() {
        byte[] file = csv(tokyo("tokyo-dry-run", "13"));
        Set<Quad> before = ImportFixtures.quads(store);
        ImportPreview dryRun = preview(ImportFormat.CSV, file, EDITOR_13);
        assertEquals(before, ImportFixtures.quads(store), "a dry run writes nothing");
        ImportPreview.Change change = dryRun.worksheets().get(0);
        assertEquals(ImportPreview.Kind.NEW, change.kind());
        assertEquals(0, change.diff().removed());
        assertTrue(change.diff().added() > 20);
        assertTrue(change.diff().items().stream().anyMatch(i -> i.label().equals("Cause 1")));
        assertFalse(dryRun.written());

        ImportPreview applied = apply(ImportFormat.CSV, file, EDITOR_13);
        assertTrue(applied.written());
        assertEquals(1, applied.saved().get(0).version());
        assertTrue(dryRun.worksheets().get(0).diff().added()
                == ImportFixtures.worksheet(store, "tokyo-dry-run").size());

        ImportPreview again = preview(ImportFormat.CSV, file, EDITOR_13);
        assertEquals(ImportPreview.Kind.UNCHANGED, again.worksheets().get(0).kind());
        List<String> changed = tokyo("tokyo-dry-run", "13");
        changed.set(3, changed.get(3).replace("時間外診療体制を確保する。", "時間外診療の輪番体制を確保する。"));
        ImportPreview replaced = preview(ImportFormat.CSV, csv(changed), EDITOR_13);
        assertEquals(ImportPreview.Kind.REPLACED, replaced.worksheets().get(0).kind());
        assertEquals(1, replaced.worksheets().get(0).diff().removed());
        assertEquals(1, replaced.worksheets().get(0).diff().added());
    }

    @Test
    void malformedTurtleIsRefusedWithItsLineAndColumn() {
        String turtle = "@prefix kk: <https://w3id.org/kakaritsuke/ontology#> .\n"
                + "<id/worksheet/broken> a kk:Worksheet ;\n"
                + "    kk:status ] .\n";
        List<ImportProblem> problems = refused(
                Reason.MALFORMED,
                () -> importer.read(ImportFormat.TURTLE, turtle.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE));
        Where where = problems.get(0).where();
        assertEquals(Where.Kind.POSITION, where.kind());
        assertEquals(3, where.line());
        assertEquals(15, where.column());
        assertTrue(
                messages.line(problems.get(0), Locale.ENGLISH).startsWith("line 3, column 15: Syntax error"),
                messages.line(problems.get(0), Locale.ENGLISH));
    }

    @Test
    void anRdfFileMayHoldOnlyWorksheetGraphs() {
        String trig = "<graph/areas/mine> { <id/area/mine> a <https://w3id.org/kakaritsuke/ontology#Area> . }\n";
        List<ImportProblem> problems = refused(
                Reason.MALFORMED,
                () -> importer.read(ImportFormat.TRIG, trig.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE));
        assertEquals("import.problem.graph", problems.get(0).key());
        String turtle = "<id/area/mine> a <https://w3id.org/kakaritsuke/ontology#Area> .\n";
        problems = refused(
                Reason.MALFORMED,
                () -> importer.read(ImportFormat.TURTLE, turtle.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE));
        assertEquals("import.problem.orphan", problems.get(0).key());
    }

    @Test
    void aCsvColumnWithAWrongNameIsNamed() {
        byte[] file = csv(HEADER.replace("addresses", "adresses"), tokyo("tokyo-columns", "13"));
        List<ImportProblem> problems =
                refused(Reason.MALFORMED, () -> importer.read(ImportFormat.CSV, file, ImportProgress.NONE));
        assertEquals(1, problems.size());
        assertEquals("import.problem.unknownColumn", problems.get(0).key());
        assertEquals("adresses", problems.get(0).args().get(0));
        assertTrue(
                messages.line(problems.get(0), Locale.ENGLISH).startsWith("line 1: There is no column \"adresses\""),
                messages.line(problems.get(0), Locale.ENGLISH));

        byte[] noText = csv(HEADER.replace("text_ja", "text"), tokyo("tokyo-columns", "13"));
        problems = refused(Reason.MALFORMED, () -> importer.read(ImportFormat.CSV, noText, ImportProgress.NONE));
        assertTrue(has(problems, Where.line(1), "import.problem.missingColumn"));
    }

    @Test
    void unknownIdsBadAreasBadNumbersAndDuplicatesNameTheirLineAndColumn() {
        List<String> rows = tokyo("tokyo-bad-values", "99");
        rows.set(0, rows.get(0).replace(",f2-i,", ",f9,"));
        rows.set(
                4,
                rows.get(4)
                        .replace("rotation-system", "rotation-system;no-such-resource")
                        .replace(",1,rot", ",1;3,rot"));
        rows.add("tokyo-bad-values,,,,,cause,1,,二つ目の原因①。,,,,,,challenge,,");
        rows.add("tokyo-bad-values,,,,,role,x,1,番号のない役割。,,,,,prefecture,,,");
        rows.add("tokyo-bad-values,,,,,role,2,1,担い手の誤り。,,,,,no-such-actor,,,");
        List<ImportProblem> problems =
                refused(Reason.MALFORMED, () -> importer.read(ImportFormat.CSV, csv(rows), ImportProgress.NONE));
        assertTrue(has(problems, Where.lineColumn(2, "function"), "import.problem.unknownValue"), problems::toString);
        assertTrue(has(problems, Where.lineColumn(2, "area_code"), "import.problem.area"), problems::toString);
        assertTrue(has(problems, Where.lineColumn(6, "resources"), "import.problem.unknownValue"), problems::toString);
        assertTrue(has(problems, Where.lineColumn(6, "addresses"), "import.problem.noSuchItem"), problems::toString);
        assertTrue(has(problems, Where.lineColumn(9, "number"), "import.problem.duplicateNumber"), problems::toString);
        assertTrue(has(problems, Where.lineColumn(10, "number"), "import.problem.number"), problems::toString);
        assertTrue(has(problems, Where.lineColumn(11, "actor"), "import.problem.unknownValue"), problems::toString);
        assertEquals(7, problems.size(), problems::toString);

        List<String> unknownArea = tokyo("tokyo-unknown-area", "muni/13999");
        problems =
                refused(Reason.MALFORMED, () -> importer.read(ImportFormat.CSV, csv(unknownArea), ImportProgress.NONE));
        assertTrue(has(problems, Where.lineColumn(2, "area_code"), "import.problem.unknownArea"), problems::toString);
    }

    @Test
    void aBadXlsxCellIsNamedBySheetAndCell() {
        Map<Column, String> broken = new LinkedHashMap<>();
        List<Map<Column, String>> rows =
                new ArrayList<>(ImportFixtures.rows(importer, EXAMPLE, ImportFixtures.worksheet(store, EXAMPLE)));
        broken.putAll(rows.get(0));
        broken.put(Column.FUNCTION, "f9");
        rows.set(0, broken);
        Map<Column, String> cause = new LinkedHashMap<>(rows.get(2));
        assertEquals("cause", cause.get(Column.SECTION));
        cause.put(Column.VIEWPOINTS, "physician;nobody");
        rows.set(2, cause);
        byte[] xlsx = ImportFixtures.xlsx(rows, importer.vocabulary());
        List<ImportProblem> problems =
                refused(Reason.MALFORMED, () -> importer.read(ImportFormat.XLSX, xlsx, ImportProgress.NONE));
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(has(problems, Where.cell("worksheets", "C2", "function"), "import.problem.unknownValue"));
        assertTrue(has(problems, Where.cell("worksheets", "P4", "viewpoints"), "import.problem.unknownValue"));
        ImportProblem function = problems.stream()
                .filter(p -> p.where().cell().equals("C2"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                messages.line(function, Locale.ENGLISH)
                        .startsWith(
                                "worksheets!C2 (column function): \"f9\" is not a value of the column function. Allowed: f1, f2,"),
                messages.line(function, Locale.ENGLISH));
        assertEquals("worksheets!C2（function 列）", messages.where(function, Locale.JAPANESE));
        assertTrue(
                messages.message(function, Locale.JAPANESE).startsWith("「f9」は function 列に書ける値ではありません"),
                messages.message(function, Locale.JAPANESE));

        byte[] notAWorkbook = "worksheet_id,section\n".getBytes(StandardCharsets.UTF_8);
        problems = refused(Reason.MALFORMED, () -> importer.read(ImportFormat.XLSX, notAWorkbook, ImportProgress.NONE));
        assertEquals("import.problem.workbook", problems.get(0).key());
    }

    @Test
    void aShaclViolationIsRefusedWithTheRowItIsAbout() {
        List<String> rows = tokyo("tokyo-invalid", "13");
        rows.set(4, rows.get(4).replace("検討する。,,1,", "検討する。,,,"));
        List<ImportProblem> problems = refused(Reason.INVALID, () -> apply(ImportFormat.CSV, csv(rows), EDITOR_13));
        assertTrue(has(problems, Where.line(4), "import.problem.shacl"), problems::toString);
        ImportProblem cause = problems.stream()
                .filter(p -> p.where().equals(Where.line(4)))
                .findFirst()
                .orElseThrow();
        assertTrue(
                messages.message(cause, Locale.ENGLISH).startsWith("Cause 1: No measure addresses this cause"),
                messages.message(cause, Locale.ENGLISH));
        assertTrue(
                messages.message(cause, Locale.JAPANESE).startsWith("原因①：この原因に対処する方策がありません"),
                messages.message(cause, Locale.JAPANESE));
        assertFalse(store.graphNames().contains(ImportFixtures.BASE + "graph/worksheet/tokyo-invalid"));

        List<String> noActor = tokyo("tokyo-invalid", "13");
        noActor.set(5, noActor.get(5).replace("local-medical-association", ""));
        problems = refused(Reason.INVALID, () -> preview(ImportFormat.CSV, csv(noActor), EDITOR_13));
        assertTrue(has(problems, Where.lineColumn(7, "actor"), "import.problem.shacl"), problems::toString);
    }

    @Test
    void whenOneWorksheetOfAFileIsRefusedNoneIsWritten() {
        List<String> rows = tokyo("tokyo-first", "13");
        List<String> second = tokyo("tokyo-second", "13");
        second.set(4, second.get(4).replace("検討する。,,1,", "検討する。,,,"));
        rows.addAll(second);
        refused(Reason.INVALID, () -> apply(ImportFormat.CSV, csv(rows), EDITOR_13));
        assertFalse(store.graphNames().contains(ImportFixtures.BASE + "graph/worksheet/tokyo-first"));

        List<String> denied = tokyo("tokyo-first", "13");
        denied.addAll(tokyo("osaka-second", "27"));
        List<ImportProblem> problems = refused(Reason.DENIED, () -> apply(ImportFormat.CSV, csv(denied), EDITOR_13));
        assertEquals(1, problems.size());
        assertEquals(Where.line(9), problems.get(0).where());
        assertFalse(store.graphNames().contains(ImportFixtures.BASE + "graph/worksheet/tokyo-first"));

        ImportPreview both = apply(ImportFormat.CSV, csv(denied), ADMIN);
        assertEquals(2, both.saved().size());
        assertTrue(store.graphNames()
                .containsAll(List.of(
                        ImportFixtures.BASE + "graph/worksheet/tokyo-first",
                        ImportFixtures.BASE + "graph/worksheet/osaka-second")));
    }

    @Test
    void anEditorMayNotImportAWorksheetOutsideItsPrefectures() {
        List<ImportProblem> problems =
                refused(Reason.DENIED, () -> preview(ImportFormat.CSV, csv(tokyo("osaka-2026-f2-i", "27")), EDITOR_13));
        assertTrue(messages.message(problems.get(0), Locale.ENGLISH).contains("editor13"));
    }

    @Test
    void tooLargeFilesAndUnknownFormatsAreRefusedBeforeReading() {
        byte[] large = new byte[65 * 1024];
        refused(Reason.TOO_LARGE, () -> importer.read(ImportFormat.CSV, large, ImportProgress.NONE));
        refused(Reason.TOO_LARGE, () -> {
            try {
                importer.readLimited(new java.io.ByteArrayInputStream(large), -1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(
                Reason.UNSUPPORTED,
                assertThrows(
                                ImportRejectedException.class,
                                () -> ImportFormat.detect("worksheets.pdf", "application/pdf"))
                        .reason());
        assertEquals(
                Reason.UNSUPPORTED,
                assertThrows(ImportRejectedException.class, () -> ImportFormat.detect(null, "application/pdf"))
                        .reason());
        assertEquals(ImportFormat.XLSX, ImportFormat.detect("Worksheets.XLSX", "application/octet-stream"));
        assertEquals(ImportFormat.CSV, ImportFormat.detect(null, "text/csv; charset=UTF-8"));
        assertEquals(ImportFormat.JSONLD, ImportFormat.detect("", "application/ld+json"));
    }

    @Test
    void aShiftJisCsvFromJapaneseExcelReadsLikeUtf8() {
        List<String> rows = tokyo("tokyo-sjis", "13");
        byte[] utf8 = csv(rows);
        byte[] sjis = (HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(Charset.forName("windows-31j"));
        ParsedWorksheet fromUtf8 =
                importer.read(ImportFormat.CSV, utf8, ImportProgress.NONE).get(0);
        ParsedWorksheet fromSjis =
                importer.read(ImportFormat.CSV, sjis, ImportProgress.NONE).get(0);
        assertTrue(fromUtf8.content().isIsomorphicWith(fromSjis.content()));
    }
}
