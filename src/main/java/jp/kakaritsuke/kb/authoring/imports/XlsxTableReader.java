package jp.kakaritsuke.kb.authoring.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakaritsuke.kb.authoring.InputLimits;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the tabular layout from the first sheet of an Excel workbook (.xlsx): row 1 is the header, every later
 * non-empty row an entry. Other sheets (the template's column descriptions and allowed values) are not read. Numbers
 * are read as written (whole numbers without a decimal point), date cells as {@code yyyy-mm-dd}. A formula cell is
 * refused with its formula (its cached value may be missing, read as 0, and a formula such as {@code =HYPERLINK(…)}
 * is not data): the author replaces it by its value. No cell may be longer than {@code kb.input.max-text-length}.
 */
final class XlsxTableReader {

    private XlsxTableReader() {}

    static Table read(byte[] bytes, InputLimits limits) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ImportRejectedException.malformed(ImportProblem.of(Where.file(), "import.problem.noHeaderRow"));
            }
            return read(workbook.getSheetAt(0), limits);
        } catch (IOException
                | POIXMLException
                | RecordFormatException
                | IllegalArgumentException
                | UnsupportedOperationException e) {
            // Not a workbook (another file renamed .xlsx, an old .xls), or a damaged one.
            throw ImportRejectedException.malformed(
                    ImportProblem.of(Where.file(), "import.problem.workbook", String.valueOf(e.getMessage())));
        }
    }

    private static Table read(Sheet sheet, InputLimits limits) {
        String name = sheet.getSheetName();
        List<ImportProblem> problems = new ArrayList<>();
        Row first = sheet.getRow(0);
        if (first == null) {
            throw ImportRejectedException.malformed(ImportProblem.of(Where.row(name, 1), "import.problem.noHeaderRow"));
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        List<Table.Header> header = new ArrayList<>();
        for (Cell cell : first) {
            String value = text(cell, name, "", problems, limits).strip().toLowerCase(Locale.ROOT);
            if (!value.isEmpty()) {
                names.put(cell.getColumnIndex(), value);
                header.add(new Table.Header(value, Where.cell(name, ref(cell), value)));
            }
        }
        if (header.isEmpty()) {
            throw ImportRejectedException.malformed(ImportProblem.of(Where.row(name, 1), "import.problem.noHeaderRow"));
        }
        Map<String, Integer> indexes = new LinkedHashMap<>();
        names.forEach((index, column) -> indexes.putIfAbsent(column, index));
        List<Table.Row> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            int sheetRow = r + 1;
            Map<String, String> values = new LinkedHashMap<>();
            for (Cell cell : row) {
                String column = names.get(cell.getColumnIndex());
                String value = text(cell, name, column == null ? "" : column, problems, limits)
                        .strip();
                if (value.isEmpty()) {
                    continue;
                }
                if (column == null) {
                    problems.add(ImportProblem.of(
                            Where.cell(name, ref(cell), ""),
                            "import.problem.noHeader",
                            CellReference.convertNumToColString(cell.getColumnIndex()),
                            value));
                    continue;
                }
                values.put(column, value);
            }
            if (!values.isEmpty()) {
                rows.add(new Table.Row(Where.row(name, sheetRow), values, column -> {
                    Integer index = indexes.get(column);
                    return index == null
                            ? Where.row(name, sheetRow)
                            : Where.cell(name, CellReference.convertNumToColString(index) + sheetRow, column);
                }));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.MALFORMED, problems);
        }
        return new Table(Where.row(name, 1), header, rows);
    }

    private static String ref(Cell cell) {
        return new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false);
    }

    private static String text(
            Cell cell, String sheet, String column, List<ImportProblem> problems, InputLimits limits) {
        if (cell.getCellType() == CellType.FORMULA) {
            problems.add(ImportProblem.of(
                    Where.cell(sheet, ref(cell), column),
                    "import.problem.formula",
                    CsvTableReader.abbreviated("=" + cell.getCellFormula())));
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> {
                String value = cell.getStringCellValue();
                if (limits.tooLong(value)) {
                    problems.add(ImportProblem.of(
                            Where.cell(sheet, ref(cell), column),
                            "import.problem.textTooLong",
                            InputLimits.utf8Length(value),
                            limits.maxTextLength().toBytes()));
                    yield "";
                }
                yield value;
            }
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime date = cell.getLocalDateTimeCellValue();
                    yield date.toLocalDate().toString();
                }
                yield BigDecimal.valueOf(cell.getNumericCellValue())
                        .stripTrailingZeros()
                        .toPlainString();
            }
            case ERROR -> {
                problems.add(ImportProblem.of(
                        Where.cell(sheet, ref(cell), column),
                        "import.problem.cellError",
                        FormulaError.forInt(cell.getErrorCellValue()).getString()));
                yield "";
            }
            default -> "";
        };
    }
}
