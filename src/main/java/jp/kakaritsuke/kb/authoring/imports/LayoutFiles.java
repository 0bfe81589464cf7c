package jp.kakaritsuke.kb.authoring.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.authoring.imports.ImportVocabulary.Scheme;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Column;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Section;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes rows of the tabular layout as a CSV file (UTF-8 with a byte-order mark so that Excel reads it as UTF-8;
 * comment lines describing the columns; the header; the rows) or as an Excel workbook (the sheet
 * {@value #DATA_SHEET} with the header, a comment on each header cell describing the column in Japanese and English,
 * drop-down lists for section, function, status, resources and actors, and the rows; the sheet
 * {@value #INSTRUCTIONS_SHEET} saying how to fill it in, in Japanese and English, shown first; the sheet
 * {@value #COLUMNS_SHEET} describing every column; the sheet {@value #VALUES_SHEET} listing the allowed ids with their
 * labels).
 */
final class LayoutFiles {

    static final String DATA_SHEET = "worksheets";
    static final String COLUMNS_SHEET = "columns";
    static final String VALUES_SHEET = "values";
    static final String INSTRUCTIONS_SHEET = "instructions";

    /** The lines of the instructions sheet: message keys {@code import.template.instructions.1} … */
    private static final int INSTRUCTION_LINES = 7;

    /** The texts of the templates, from the message bundle, in Japanese and in English. */
    interface Texts {
        String ja(String key);

        String en(String key);
    }

    private LayoutFiles() {}

    static void writeCsv(List<Map<Column, String>> rows, Texts texts, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        printer.printComment(texts.ja("import.template.comment"));
        printer.printComment(texts.en("import.template.comment"));
        for (Column column : Column.values()) {
            printer.printComment(column.header() + (column.required() ? " *" : "") + ": "
                    + texts.ja(column.descriptionKey()) + " / " + texts.en(column.descriptionKey()));
        }
        printer.printRecord(Column.headers());
        for (Map<Column, String> row : rows) {
            List<String> values = new ArrayList<>();
            for (Column column : Column.values()) {
                values.add(row.getOrDefault(column, ""));
            }
            printer.printRecord(values);
        }
        printer.flush();
    }

    static void writeXlsx(List<Map<Column, String>> rows, Texts texts, ImportVocabulary vocabulary, OutputStream out)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle headerStyle = headerStyle(workbook);
            Sheet data = dataSheet(workbook, rows, texts, headerStyle);
            instructionsSheet(workbook, texts, headerStyle);
            columnsSheet(workbook, texts, headerStyle);
            Map<Column, String> lists = valuesSheet(workbook, texts, vocabulary, headerStyle);
            int last = Math.max(data.getLastRowNum(), 1000);
            lists.forEach((column, range) -> list(data, column, range, last));
            workbook.setActiveSheet(workbook.getSheetIndex(INSTRUCTIONS_SHEET));
            workbook.write(out);
        }
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }

    private static Sheet dataSheet(
            XSSFWorkbook workbook, List<Map<Column, String>> rows, Texts texts, CellStyle headerStyle) {
        Sheet sheet = workbook.createSheet(DATA_SHEET);
        CreationHelper factory = workbook.getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        Row header = sheet.createRow(0);
        Column[] columns = Column.values();
        for (int c = 0; c < columns.length; c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns[c].header());
            cell.setCellStyle(headerStyle);
            ClientAnchor anchor = factory.createClientAnchor();
            anchor.setCol1(c);
            anchor.setCol2(c + 4);
            anchor.setRow1(0);
            anchor.setRow2(6);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(factory.createRichTextString(columns[c].header()
                    + (columns[c].required()
                            ? " (" + texts.ja("import.template.required") + " / " + texts.en("import.template.required")
                                    + ")"
                            : "")
                    + "\n" + texts.ja(columns[c].descriptionKey()) + "\n" + texts.en(columns[c].descriptionKey())));
            cell.setCellComment(comment);
            sheet.setColumnWidth(c, (columns[c] == Column.TEXT_JA || columns[c] == Column.TEXT_EN ? 60 : 16) * 256);
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (Map<Column, String> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.length; c++) {
                String value = values.get(columns[c]);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if ((columns[c] == Column.NUMBER || columns[c] == Column.PARENT || columns[c] == Column.FISCAL_YEAR)
                        && value.matches("[0-9]{1,9}")) {
                    cell.setCellValue(Integer.parseInt(value));
                } else {
                    cell.setCellValue(value);
                }
            }
        }
        return sheet;
    }

    /**
     * A drop-down list on {@code column} of the data sheet, its values the ids in {@code range} of the values sheet.
     * A column that holds a list (resources, actors, viewpoints) only warns about a value not in it, since a cell may
     * name several, separated by {@code ;}.
     */
    private static void list(Sheet sheet, Column column, String range, int lastRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createFormulaListConstraint(range),
                new CellRangeAddressList(1, lastRow, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(column.list() ? DataValidation.ErrorStyle.WARNING : DataValidation.ErrorStyle.STOP);
        sheet.addValidationData(validation);
    }

    /** The sheet {@value #INSTRUCTIONS_SHEET}: how to fill in and import the template, in Japanese and English. */
    private static void instructionsSheet(XSSFWorkbook workbook, Texts texts, CellStyle headerStyle) {
        Sheet sheet = workbook.createSheet(INSTRUCTIONS_SHEET);
        headerRow(
                sheet,
                headerStyle,
                texts.ja("import.template.instructions.title"),
                texts.en("import.template.instructions.title"));
        CellStyle wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        for (int i = 1; i <= INSTRUCTION_LINES; i++) {
            Row row = sheet.createRow(i);
            Cell ja = row.createCell(0);
            ja.setCellValue(texts.ja("import.template.instructions." + i));
            ja.setCellStyle(wrap);
            Cell en = row.createCell(1);
            en.setCellValue(texts.en("import.template.instructions." + i));
            en.setCellStyle(wrap);
        }
        sheet.setColumnWidth(0, 80 * 256);
        sheet.setColumnWidth(1, 80 * 256);
    }

    private static void columnsSheet(XSSFWorkbook workbook, Texts texts, CellStyle headerStyle) {
        Sheet sheet = workbook.createSheet(COLUMNS_SHEET);
        headerRow(
                sheet,
                headerStyle,
                both(texts, "import.template.column"),
                both(texts, "import.template.required"),
                texts.ja("import.template.descriptionJa"),
                texts.en("import.template.descriptionEn"));
        int r = 1;
        for (Column column : Column.values()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(column.header());
            row.createCell(1).setCellValue(column.required() ? "○" : "");
            row.createCell(2).setCellValue(texts.ja(column.descriptionKey()));
            row.createCell(3).setCellValue(texts.en(column.descriptionKey()));
        }
        sheet.setColumnWidth(0, 18 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 90 * 256);
        sheet.setColumnWidth(3, 90 * 256);
        sheet.createFreezePane(0, 1);
    }

    /**
     * The sheet {@value #VALUES_SHEET}; returns, for each column with a drop-down list, the range of the sheet that
     * holds its ids ({@code values!$B$2:$B$12}).
     */
    private static Map<Column, String> valuesSheet(
            XSSFWorkbook workbook, Texts texts, ImportVocabulary vocabulary, CellStyle headerStyle) {
        Map<Column, String> lists = new java.util.EnumMap<>(Column.class);
        Sheet sheet = workbook.createSheet(VALUES_SHEET);
        headerRow(
                sheet,
                headerStyle,
                both(texts, "import.template.column"),
                "id",
                texts.ja("import.template.labelJa"),
                texts.en("import.template.labelEn"));
        int r = 1;
        int first = r;
        for (Section section : Section.values()) {
            r = valueRow(
                    sheet,
                    r,
                    Column.SECTION,
                    section.id(),
                    texts.ja("import.section." + section.id()),
                    texts.en("import.section." + section.id()));
        }
        lists.put(Column.SECTION, range(first, r - 1));
        Column[][] uses = {
            {Column.FUNCTION},
            {Column.STATUS},
            {Column.RESOURCES, Column.MENTIONS},
            {Column.ACTORS, Column.ACTOR, Column.VIEWPOINTS},
            {Column.TYPES},
            {Column.TYPES}
        };
        Scheme[] schemes = {
            Scheme.FUNCTIONS,
            Scheme.STATUSES,
            Scheme.RESOURCES,
            Scheme.ACTOR_TYPES,
            Scheme.CAUSE_TYPES,
            Scheme.MEASURE_TYPES
        };
        for (int i = 0; i < schemes.length; i++) {
            String columns = String.join(
                    ", ", List.of(uses[i]).stream().map(Column::header).toList());
            int from = r;
            for (ImportVocabulary.Concept concept : vocabulary.concepts(schemes[i])) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(columns);
                row.createCell(1).setCellValue(concept.id());
                row.createCell(2).setCellValue(concept.labelJa());
                row.createCell(3).setCellValue(concept.labelEn());
            }
            if (r > from && schemes[i] != Scheme.CAUSE_TYPES && schemes[i] != Scheme.MEASURE_TYPES) {
                for (Column column : uses[i]) {
                    if (column != Column.MENTIONS) {
                        lists.put(column, range(from, r - 1));
                    }
                }
            }
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        sheet.setColumnWidth(2, 40 * 256);
        sheet.setColumnWidth(3, 50 * 256);
        sheet.createFreezePane(0, 1);
        return lists;
    }

    /** Rows {@code from} to {@code to} (0-based) of column B of the values sheet, as a formula range. */
    private static String range(int from, int to) {
        return VALUES_SHEET + "!$B$" + (from + 1) + ":$B$" + (to + 1);
    }

    private static int valueRow(Sheet sheet, int r, Column column, String id, String ja, String en) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(column.header());
        row.createCell(1).setCellValue(id);
        row.createCell(2).setCellValue(ja);
        row.createCell(3).setCellValue(en);
        return r + 1;
    }

    private static void headerRow(Sheet sheet, CellStyle style, String... titles) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < titles.length; c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(titles[c]);
            cell.setCellStyle(style);
        }
    }

    private static String both(Texts texts, String key) {
        return texts.ja(key) + " / " + texts.en(key);
    }
}
