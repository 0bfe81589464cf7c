package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.cross.ComparisonTypes.Type;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;

/**
 * The cause↔measure matrix by type: one row per cause type that the chosen worksheets use, one column per measure
 * type, and in each cell the number of worksheets (and areas) where a cause of the row's type is addressed by a
 * measure of the column's type. Built from the aggregate answers of {@code cause-type-rows.rq},
 * {@code measure-type-columns.rq} and {@code cause-type-matrix.rq}, so its size does not grow with the number of
 * worksheets.
 */
public record TypeMatrix(List<Row> rows, List<Column> columns, Untyped untypedCauses, Untyped untypedMeasures) {

    /** A measure type as a column, with the number of measures of that type and the worksheets they are on. */
    public record Column(Type type, int measureCount, int worksheetCount) {}

    /** One cell: how many worksheets and areas link the row's cause type to the column's measure type. */
    public record Cell(Column column, int worksheetCount, int areaCount, String href) {}

    /** One cause type as a row, with its causes, worksheets and areas, and one cell per column. */
    public record Row(
            Type type, int causeCount, int worksheetCount, int areaCount, String membersHref, List<Cell> cells) {}

    /** Causes or measures without a type (a draft may leave them untyped). */
    public record Untyped(int itemCount, int worksheetCount) {}

    public boolean isEmpty() {
        return rows.isEmpty() && untypedCauses.itemCount() == 0;
    }

    static TypeMatrix build(
            ComparisonTypes types,
            ResultSet rowCounts,
            ResultSet columnCounts,
            ResultSet cellCounts,
            MatrixFilters filters) {
        Map<String, int[]> rowFigures = new HashMap<>();
        Untyped untypedCauses = new Untyped(0, 0);
        while (rowCounts.hasNext()) {
            QuerySolution r = rowCounts.next();
            String type = Rows.text(r, "causeType");
            int[] figures = {
                Rows.integer(r, "causeCount"), Rows.integer(r, "worksheetCount"), Rows.integer(r, "areaCount")
            };
            if (type == null) {
                untypedCauses = new Untyped(figures[0], figures[1]);
            } else {
                rowFigures.put(type, figures);
            }
        }
        Map<String, int[]> columnFigures = new HashMap<>();
        Untyped untypedMeasures = new Untyped(0, 0);
        while (columnCounts.hasNext()) {
            QuerySolution r = columnCounts.next();
            String type = Rows.text(r, "measureType");
            int[] figures = {Rows.integer(r, "measureCount"), Rows.integer(r, "worksheetCount")};
            if (type == null) {
                untypedMeasures = new Untyped(figures[0], figures[1]);
            } else {
                columnFigures.put(type, figures);
            }
        }
        Map<String, int[]> cellFigures = new HashMap<>();
        while (cellCounts.hasNext()) {
            QuerySolution r = cellCounts.next();
            cellFigures.put(
                    Rows.text(r, "causeType") + " " + Rows.text(r, "measureType"),
                    new int[] {Rows.integer(r, "worksheetCount"), Rows.integer(r, "areaCount")});
        }
        List<Column> columns = new ArrayList<>();
        for (Type type : types.measureTypes()) {
            int[] f = columnFigures.getOrDefault(type.iri(), new int[2]);
            columns.add(new Column(type, f[0], f[1]));
        }
        List<Row> rows = new ArrayList<>();
        for (Type type : types.causeTypes()) {
            int[] f = rowFigures.get(type.iri());
            if (f == null) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            for (Column column : columns) {
                int[] c = cellFigures.getOrDefault(
                        type.iri() + " " + column.type().iri(), new int[2]);
                cells.add(new Cell(
                        column,
                        c[0],
                        c[1],
                        c[0] == 0
                                ? null
                                : filters.link(
                                        "/causes/cell",
                                        "causeType",
                                        type.id(),
                                        "measureType",
                                        column.type().id())));
            }
            rows.add(new Row(
                    type, f[0], f[1], f[2], filters.link("/causes/type", "causeType", type.id()), List.copyOf(cells)));
        }
        return new TypeMatrix(List.copyOf(rows), List.copyOf(columns), untypedCauses, untypedMeasures);
    }
}
