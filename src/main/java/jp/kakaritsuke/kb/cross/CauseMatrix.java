package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;

/**
 * The cause↔measure matrix of one function across all areas, built from the rows of {@code cause-measure-matrix.rq}.
 *
 * <p>Causes with the same wording (kk:text) on several worksheets form one row, listing every area that wrote it;
 * measures with the same wording likewise form one entry. A row's cells are the measure entries that address one
 * of the row's causes, each with the number of distinct areas that make that link. Rows that more areas share come
 * first; within a row, cells that more areas share come first.
 */
final class CauseMatrix {

    /** A worksheet behind a cause or measure. */
    public record Sheet(String iri, String href, String label, boolean synthetic, String area, String areaLabel) {
    }

    /** One cause or measure of one worksheet: its verbatim text and the editors' translation. */
    public record Item(String iri, String href, Sheet sheet, int ordinal, String text, String translation) {
    }

    /** A measure of one worksheet that addresses a cause of that worksheet. */
    public record Link(Item cause, Item measure) {
    }

    /** Items sharing one wording. */
    public record Group(String text, String translation, List<Item> items) {
    }

    /** One cell of a row: a measure entry, the areas that link it to the row's causes, and the links themselves. */
    public record Cell(String id, String detailId, Group measure, int areaCount, List<Link> links) {
    }

    /** One row: a cause wording, the causes (one per worksheet) that share it, and its cells. */
    public record Row(String id, int number, Group cause, int areaCount, List<Cell> cells) {
    }

    /** The whole matrix, with the measures that address no cause kept apart. */
    public record Matrix(List<Row> rows, List<Group> unlinkedMeasures, int worksheetCount, int areaCount) {

        public boolean isEmpty() {
            return rows.isEmpty() && unlinkedMeasures.isEmpty();
        }
    }

    private CauseMatrix() {
    }

    static Matrix build(ResultSet results, Links links, String lang) {
        Map<String, Sheet> sheets = new LinkedHashMap<>();
        Map<String, Item> causes = new LinkedHashMap<>();
        Map<String, Item> measures = new LinkedHashMap<>();
        Map<String, Set<String>> addressed = new LinkedHashMap<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            Sheet sheet = sheets.computeIfAbsent(Rows.text(row, "worksheet"), iri -> new Sheet(iri, links.href(iri),
                    Rows.pick(lang, Rows.text(row, "worksheetLabel"), Rows.text(row, "worksheetLabelEn"), iri),
                    Rows.bool(row, "synthetic"), Rows.text(row, "area"),
                    Rows.areaLabel(row, lang)));
            boolean isCause = "cause".equals(Rows.text(row, "kind"));
            Item item = (isCause ? causes : measures).computeIfAbsent(Rows.text(row, "item"),
                    iri -> new Item(iri, links.href(iri), sheet, Rows.integer(row, "ordinal"), Rows.text(row, "text"),
                            Rows.text(row, "textEn")));
            String cause = Rows.text(row, "addressedCause");
            if (!isCause) {
                Set<String> set = addressed.computeIfAbsent(item.iri(), k -> new LinkedHashSet<>());
                if (cause != null) {
                    set.add(cause);
                }
            }
        }

        List<Group> causeGroups = group(causes.values());
        List<Group> measureGroups = group(measures.values());
        Map<String, Group> groupOfMeasure = new LinkedHashMap<>();
        measureGroups.forEach(g -> g.items().forEach(m -> groupOfMeasure.put(m.iri(), g)));

        List<Row> rows = new ArrayList<>();
        List<Group> orderedCauses = new ArrayList<>(causeGroups);
        orderedCauses.sort(Comparator.comparingInt((Group g) -> -areas(g.items()).size()));
        int number = 0;
        for (Group causeGroup : orderedCauses) {
            number++;
            Map<Group, List<Link>> byMeasure = new LinkedHashMap<>();
            for (Item measure : measures.values()) {
                for (Item cause : causeGroup.items()) {
                    if (addressed.getOrDefault(measure.iri(), Set.of()).contains(cause.iri())) {
                        byMeasure.computeIfAbsent(groupOfMeasure.get(measure.iri()), g -> new ArrayList<>())
                                .add(new Link(cause, measure));
                    }
                }
            }
            List<Map.Entry<Group, List<Link>>> entries = new ArrayList<>(byMeasure.entrySet());
            entries.sort(Comparator.comparingInt(e -> -linkAreas(e.getValue()).size()));
            List<Cell> cells = new ArrayList<>();
            int column = 0;
            for (Map.Entry<Group, List<Link>> e : entries) {
                column++;
                String id = "cell-" + number + "-" + column;
                cells.add(new Cell(id, "links-" + number + "-" + column, e.getKey(), linkAreas(e.getValue()).size(),
                        List.copyOf(e.getValue())));
            }
            rows.add(new Row("cause-row-" + number, number, causeGroup, areas(causeGroup.items()).size(),
                    List.copyOf(cells)));
        }

        List<Group> unlinked = measureGroups.stream()
                .filter(g -> g.items().stream().allMatch(m -> addressed.getOrDefault(m.iri(), Set.of()).isEmpty()))
                .toList();
        Set<String> allAreas = new LinkedHashSet<>();
        sheets.values().forEach(s -> allAreas.add(s.area() == null ? s.iri() : s.area()));
        return new Matrix(List.copyOf(rows), unlinked, sheets.size(), allAreas.size());
    }

    /** Groups items by their exact wording; an item without text is a group of its own. */
    private static List<Group> group(Iterable<Item> items) {
        Map<String, List<Item>> byText = new LinkedHashMap<>();
        for (Item item : items) {
            String key = item.text() == null ? "\u0000" + item.iri() : item.text().strip();
            byText.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Item> members : byText.values()) {
            String translation = members.stream().map(Item::translation).filter(t -> t != null).findFirst()
                    .orElse(null);
            groups.add(new Group(members.get(0).text(), translation, List.copyOf(members)));
        }
        return groups;
    }

    private static Set<String> areas(List<Item> items) {
        Set<String> areas = new LinkedHashSet<>();
        items.forEach(i -> areas.add(i.sheet().area() == null ? i.sheet().iri() : i.sheet().area()));
        return areas;
    }

    private static Set<String> linkAreas(List<Link> links) {
        Set<String> areas = new LinkedHashSet<>();
        links.forEach(l -> areas.add(l.measure().sheet().area() == null ? l.measure().sheet().iri()
                : l.measure().sheet().area()));
        return areas;
    }
}
