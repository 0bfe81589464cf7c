package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.kakaritsuke.kb.cross.ComparisonTypes.Type;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;

/**
 * Two to four worksheets side by side ({@code /compare}): one column per worksheet, aligned by the boxes of the form
 * (課題, 原因, 目指すべき姿, 方策, 期待できる効果) and, within causes and measures, by type (kk:causeTypes,
 * kk:measureTypes), so that areas that word the same cause differently stand on one row. A row whose worksheets
 * differ is marked: a heading value or a box's wording that is not the same on every worksheet, a type that only
 * some of them have.
 *
 * @param columns the worksheets, in the order asked for
 * @param heading the rows of the heading (area, function, fiscal year, status)
 * @param challenge the concrete regional challenge
 * @param causes one row per cause type any of the worksheets uses, in the scheme's order; untyped causes last
 * @param targetState the target state
 * @param measures one row per measure type, as for causes
 * @param effect the expected effects
 */
public record Comparison(
        List<Column> columns,
        List<HeadingRow> heading,
        Row challenge,
        List<Row> causes,
        Row targetState,
        List<Row> measures,
        Row effect) {

    /** A worksheet as a column: where its page is and what it is. */
    public record Column(
            String slug,
            String href,
            String title,
            String area,
            String function,
            String fiscalYear,
            String status,
            String statusLabel,
            boolean synthetic) {}

    /** A row of the heading: one value per column, and whether they differ. */
    public record HeadingRow(String key, List<String> values, boolean differs) {}

    /** One entry of a box: its label (原因①), its source wording and its translation. */
    public record Entry(String label, String text, String translation) {}

    /**
     * A row of the comparison: a box, or one type of cause or measure.
     *
     * @param type the type of the row, or null for a box or for untyped entries
     * @param cells one list of entries per column (empty where the worksheet has none)
     * @param differs whether the worksheets differ on this row: some have entries and some not, or the wordings
     *     are not the same
     */
    public record Row(Type type, List<List<Entry>> cells, boolean differs) {

        /** Whether only some of the worksheets have entries on this row. */
        public boolean partial() {
            return cells.stream().anyMatch(List::isEmpty) && cells.stream().anyMatch(c -> !c.isEmpty());
        }
    }

    /** An item of a worksheet as {@code compare/items.rq} gives it, its types gathered. */
    record Item(String iri, String section, int ordinal, String text, String textEn, Set<String> types) {}

    /** The items of one worksheet from the rows of {@code compare/items.rq}, in the query's order. */
    static List<Item> items(ResultSet rows) {
        Map<String, Item> items = new LinkedHashMap<>();
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            String iri = Rows.text(row, "item");
            Item item = items.computeIfAbsent(
                    iri,
                    i -> new Item(
                            i,
                            Rows.text(row, "section"),
                            Rows.integer(row, "ordinal"),
                            Rows.text(row, "text"),
                            Rows.text(row, "textEn"),
                            new LinkedHashSet<>()));
            String type = Rows.text(row, "type");
            if (type != null) {
                item.types().add(type);
            }
        }
        return List.copyOf(items.values());
    }

    /**
     * Builds the comparison.
     *
     * @param columns the worksheets
     * @param items the items of each worksheet, in the same order
     * @param types the cause and measure types, in the order of their schemes
     * @param lang the reader's language, for the labels of the entries
     */
    static Comparison build(List<Column> columns, List<List<Item>> items, ComparisonTypes types, String lang) {
        List<HeadingRow> heading = List.of(
                heading("area", columns.stream().map(Column::area).toList()),
                heading("function", columns.stream().map(Column::function).toList()),
                heading("fiscalYear", columns.stream().map(Column::fiscalYear).toList()),
                heading("status", columns.stream().map(Column::statusLabel).toList()));
        return new Comparison(
                columns,
                heading,
                box(items, "challenge", lang),
                byType(items, "cause", types.causeTypes(), lang),
                box(items, "targetState", lang),
                byType(items, "measure", types.measureTypes(), lang),
                box(items, "effect", lang));
    }

    private static HeadingRow heading(String key, List<String> values) {
        return new HeadingRow(key, values, values.stream().distinct().count() > 1);
    }

    /** A box without types: every entry of the section, per worksheet. */
    private static Row box(List<List<Item>> items, String section, String lang) {
        List<List<Entry>> cells = new ArrayList<>();
        for (List<Item> worksheet : items) {
            cells.add(worksheet.stream()
                    .filter(i -> section.equals(i.section()))
                    .map(i -> entry(i, lang))
                    .toList());
        }
        return row(null, cells);
    }

    /** The causes or measures by type: a row per type used by any worksheet, then the untyped entries. */
    private static List<Row> byType(List<List<Item>> items, String section, List<Type> types, String lang) {
        List<Row> rows = new ArrayList<>();
        for (Type type : types) {
            List<List<Entry>> cells = new ArrayList<>();
            for (List<Item> worksheet : items) {
                cells.add(worksheet.stream()
                        .filter(i -> section.equals(i.section()) && i.types().contains(type.iri()))
                        .map(i -> entry(i, lang))
                        .toList());
            }
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                rows.add(row(type, cells));
            }
        }
        Set<String> known = new LinkedHashSet<>();
        types.forEach(t -> known.add(t.iri()));
        List<List<Entry>> untyped = new ArrayList<>();
        for (List<Item> worksheet : items) {
            untyped.add(worksheet.stream()
                    .filter(i ->
                            section.equals(i.section()) && i.types().stream().noneMatch(known::contains))
                    .map(i -> entry(i, lang))
                    .toList());
        }
        if (untyped.stream().anyMatch(c -> !c.isEmpty())) {
            rows.add(row(null, untyped));
        }
        return List.copyOf(rows);
    }

    /** A row differs when some worksheets have entries and others not, or when their wordings are not the same. */
    private static Row row(Type type, List<List<Entry>> cells) {
        Set<List<String>> wordings = new LinkedHashSet<>();
        for (List<Entry> cell : cells) {
            wordings.add(cell.stream().map(e -> normalise(e.text())).toList());
        }
        return new Row(type, List.copyOf(cells), wordings.size() > 1);
    }

    /** Wording as compared: spaces (ASCII and ideographic) do not count. */
    private static String normalise(String text) {
        return text == null ? "" : text.replaceAll("[\\s\u3000]+", "");
    }

    private static Entry entry(Item item, String lang) {
        ItemKind kind = switch (item.section()) {
            case "cause" -> ItemKind.CAUSE;
            case "measure" -> ItemKind.MEASURE;
            default -> null;
        };
        String label = kind == null || item.ordinal() == 0 ? null : kind.label(lang, 0, item.ordinal());
        return new Entry(label, Objects.requireNonNullElse(item.text(), ""), item.textEn());
    }
}
