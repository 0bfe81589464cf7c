package jp.kakaritsuke.kb.authoring.imports;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A table read from a CSV file or a workbook sheet: its header and its non-empty rows, every value as text, every
 * place locatable for error messages.
 *
 * @param headerRow where the header row is
 * @param header the header names (trimmed, lower-case) in order, each with where it is
 * @param rows the data rows, in file order
 */
record Table(Where headerRow, List<Header> header, List<Row> rows) {

    /**
     * One header cell.
     *
     * @param name the column name, trimmed and lower-cased
     * @param where where the header cell is
     */
    record Header(String name, Where where) {}

    /**
     * One data row.
     *
     * @param where the row as a whole ({@code line 7}, {@code worksheets row 7})
     * @param values the non-empty values by header name, trimmed
     * @param locator where the cell of a column is, even if empty
     */
    record Row(Where where, Map<String, String> values, Function<String, Where> locator) {

        /** The trimmed value of a column, or the empty string. */
        String get(String column) {
            return values.getOrDefault(column, "");
        }

        /** Where the cell of {@code column} is in this row. */
        Where at(String column) {
            return locator.apply(column);
        }
    }
}
