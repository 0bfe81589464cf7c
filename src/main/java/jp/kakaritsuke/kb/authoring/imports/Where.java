package jp.kakaritsuke.kb.authoring.imports;

/**
 * Where in an uploaded file a problem is: a line and column of an RDF file, a line (and column name) of a CSV file,
 * a sheet and cell (and column name) of a workbook, a worksheet of the file, or the file as a whole. Shown through the
 * message {@code import.where.{kind}}.
 *
 * @param kind what kind of place
 * @param sheet the workbook's sheet name, or null
 * @param cell the cell reference such as {@code E7}, or, for a row, the row number; null otherwise
 * @param line the line of a text file (1-based), or 0
 * @param column the column of an RDF file (1-based), or 0
 * @param columnName the column of the tabular layout, or null
 * @param worksheet the worksheet's slug, or null
 */
record Where(Kind kind, String sheet, String cell, long line, long column, String columnName, String worksheet) {

    /** Kinds of place; each has the message {@code import.where.{key}}. */
    enum Kind {
        FILE("file"),
        POSITION("position"),
        LINE("line"),
        LINE_COLUMN("lineColumn"),
        ROW("row"),
        CELL("cell"),
        WORKSHEET("worksheet");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    static Where file() {
        return new Where(Kind.FILE, null, null, 0, 0, null, null);
    }

    /** A position in an RDF file, as Jena's parser reports it; unknown parts are 0 or less. */
    static Where position(long line, long column) {
        return line > 0 ? new Where(Kind.POSITION, null, null, line, Math.max(column, 0), null, null) : file();
    }

    static Where line(long line) {
        return new Where(Kind.LINE, null, null, line, 0, null, null);
    }

    static Where lineColumn(long line, String columnName) {
        return new Where(Kind.LINE_COLUMN, null, null, line, 0, columnName, null);
    }

    /** A row of a workbook sheet (1-based, as the sheet shows it). */
    static Where row(String sheet, int row) {
        return new Where(Kind.ROW, sheet, Integer.toString(row), row, 0, null, null);
    }

    /** A cell of a workbook sheet, such as {@code worksheets!E7}. */
    static Where cell(String sheet, String cell, String columnName) {
        return new Where(Kind.CELL, sheet, cell, 0, 0, columnName, null);
    }

    static Where worksheet(String slug) {
        return new Where(Kind.WORKSHEET, null, null, 0, 0, null, slug);
    }

    /** The message key that shows this place. */
    String messageKey() {
        return "import.where." + kind.key;
    }

    /** The arguments of {@link #messageKey()}. */
    Object[] messageArgs() {
        return switch (kind) {
            case FILE -> new Object[0];
            case POSITION -> new Object[] {Long.toString(line), Long.toString(column)};
            case LINE -> new Object[] {Long.toString(line)};
            case LINE_COLUMN -> new Object[] {Long.toString(line), columnName};
            case ROW -> new Object[] {sheet, cell};
            case CELL -> new Object[] {sheet, cell, columnName};
            case WORKSHEET -> new Object[] {worksheet};
        };
    }

    /** The place in English, for logs and the command line. */
    @Override
    public String toString() {
        return switch (kind) {
            case FILE -> "file";
            case POSITION -> "line " + line + ", column " + column;
            case LINE -> "line " + line;
            case LINE_COLUMN -> "line " + line + ", column " + columnName;
            case ROW -> sheet + " row " + cell;
            case CELL -> sheet + "!" + cell + " (" + columnName + ")";
            case WORKSHEET -> "worksheet " + worksheet;
        };
    }
}
