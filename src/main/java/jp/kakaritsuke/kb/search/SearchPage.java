package jp.kakaritsuke.kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.kb.search.SearchService.Hit;
import jp.kakaritsuke.kb.search.SearchService.Worksheet;
import jp.kakaritsuke.kb.search.SearchService.WorksheetHits;
import jp.kakaritsuke.kb.web.Paging;
import jp.kakaritsuke.kb.worksheet.CanonicalOrder;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;

/**
 * The search page's view of a result, in the reader's language, with the links it shows: one page of the worksheets
 * found ({@code paging}), the texts outside worksheets (on the first page), and the choices of the filters.
 */
record SearchPage(
        Paging<Group> paging,
        List<Item> others,
        List<Option> functions,
        List<Option> areas,
        List<Option> prefectures,
        List<Option> statuses) {

    /** The worksheets of this page. */
    public List<Group> groups() {
        return paging.items();
    }

    /**
     * A worksheet heading and its matching items.
     *
     * @param area the area's label with its prefecture's (「東京都 区中央部」)
     * @param status the status concept's local name (example, draft, agreed), or null
     * @param statusLabel its label in the reader's language
     * @param relevance the score of its best text as the ranking compares it (three significant digits)
     */
    record Group(
            String iri,
            String href,
            String title,
            String function,
            String area,
            boolean synthetic,
            String fiscalYear,
            String status,
            String statusLabel,
            String relevance,
            List<Item> items) {}

    /**
     * A matching text.
     *
     * @param href the item on its worksheet's page, or null outside worksheets
     * @param iri the item's IRI
     * @param section the worksheet section of the item (課題, 原因, 方策, 取組, …), or null
     * @param label the item's own label (原因①, 方策③の取組1, …), or null
     * @param lang the language of the text
     * @param segments the text, split into plain and matched parts
     */
    record Item(
            String href, String iri, String section, String label, String lang, List<Highlighting.Segment> segments) {}

    /** A choice of a filter. */
    record Option(String iri, String label) {}

    static SearchPage of(
            SearchService.Result result,
            List<Worksheet> worksheets,
            String baseIri,
            String lang,
            int page,
            int pageSize) {
        Paging<WorksheetHits> shown = Paging.of(result.worksheets(), page, pageSize);
        List<Group> groups = new ArrayList<>();
        for (WorksheetHits g : shown.items()) {
            Worksheet ws = g.worksheet();
            String href = worksheetPage(ws.iri(), baseIri);
            List<Item> items =
                    g.hits().stream().map(h -> item(h, href, ws.iri(), lang)).toList();
            groups.add(new Group(
                    ws.iri(),
                    href,
                    orElse(ws.title().in(lang), ws.iri()),
                    ws.functionLabel().in(lang),
                    orElse(ws.areaLabel(lang), ws.area()),
                    ws.synthetic(),
                    ws.fiscalYear(),
                    ws.status() == null ? null : localName(ws.status()),
                    ws.statusLabel().in(lang),
                    SearchService.relevance(g.score()).toPlainString(),
                    items));
        }
        List<Item> others = page > 1
                ? List.of()
                : result.others().stream().map(h -> item(h, null, null, lang)).toList();
        return new SearchPage(
                new Paging<>(List.copyOf(groups), shown.page(), shown.size(), shown.total()),
                others,
                functions(worksheets, lang),
                areas(worksheets, lang),
                prefectures(worksheets, lang),
                statuses(worksheets, lang));
    }

    private static Item item(Hit hit, String page, String worksheetIri, String lang) {
        String href = page == null ? null : page + anchor(hit.item(), worksheetIri);
        return new Item(
                href, hit.item(), hit.section().in(lang), hit.itemLabel().in(lang), hit.language(), hit.segments());
    }

    /** The worksheet's page, {@code /doc/worksheet/{slug}}, when the worksheet has an IRI of this knowledge base. */
    static String worksheetPage(String worksheetIri, String baseIri) {
        String prefix = WorksheetNames.worksheetPrefix(baseIri);
        return worksheetIri.startsWith(prefix) ? "/doc/worksheet/" + worksheetIri.substring(prefix.length()) : null;
    }

    /**
     * The element id of an item on its worksheet's page: its path below the worksheet IRI with slashes as hyphens
     * ({@code cause/2} → {@code #cause-2}, {@code measure/3/action/1} → {@code #measure-3-action-1}); a role
     * assignment is shown with its measure. Empty for the worksheet itself.
     */
    static String anchor(String itemIri, String worksheetIri) {
        if (worksheetIri == null || !itemIri.startsWith(worksheetIri + "/")) {
            return "";
        }
        String path = itemIri.substring(worksheetIri.length() + 1);
        int role = path.indexOf("/role/");
        if (role >= 0) {
            path = path.substring(0, role);
        }
        return "#" + path.replace('/', '-');
    }

    /** The functions the worksheets have, in the canonical order of functions ({@link CanonicalOrder}). */
    private static List<Option> functions(List<Worksheet> worksheets, String lang) {
        Map<String, Worksheet> byFunction = new LinkedHashMap<>();
        worksheets.stream()
                .filter(ws -> ws.function() != null)
                .forEach(ws -> byFunction.putIfAbsent(ws.function(), ws));
        return byFunction.values().stream()
                .sorted(Comparator.comparing(Worksheet::functionNotation, CanonicalOrder.NOTATION)
                        .thenComparing(ws -> orElse(ws.functionLabel().in(lang), ws.function())))
                .map(ws -> new Option(ws.function(), orElse(ws.functionLabel().in(lang), ws.function())))
                .toList();
    }

    /** The areas that have worksheets, named with their prefecture, in prefecture-code order then by label. */
    private static List<Option> areas(List<Worksheet> worksheets, String lang) {
        Map<String, Worksheet> byArea = new LinkedHashMap<>();
        worksheets.stream().filter(ws -> ws.area() != null).forEach(ws -> byArea.putIfAbsent(ws.area(), ws));
        return byArea.values().stream()
                .sorted(Comparator.comparing((Worksheet ws) -> orElse(ws.prefectureCode(), "99"))
                        .thenComparing(ws -> orElse(ws.areaLabel(lang), ws.area())))
                .map(ws -> new Option(ws.area(), orElse(ws.areaLabel(lang), ws.area())))
                .toList();
    }

    /** The prefectures that have worksheets (of their own or of areas in them), by code; the value is the code. */
    private static List<Option> prefectures(List<Worksheet> worksheets, String lang) {
        Map<String, String> options = new TreeMap<>();
        for (Worksheet ws : worksheets) {
            if (ws.prefectureCode() != null) {
                options.putIfAbsent(
                        ws.prefectureCode(), orElse(ws.prefectureLabel().in(lang), ws.prefectureCode()));
            }
        }
        List<Option> list = new ArrayList<>();
        options.forEach((code, label) -> list.add(new Option(code, label)));
        return list;
    }

    /** The statuses the worksheets have, worked examples and agreed first; the value is the local name. */
    private static List<Option> statuses(List<Worksheet> worksheets, String lang) {
        Map<String, String> options = new TreeMap<>();
        for (Worksheet ws : worksheets) {
            if (ws.status() != null) {
                options.putIfAbsent(ws.status(), orElse(ws.statusLabel().in(lang), localName(ws.status())));
            }
        }
        return options.entrySet().stream()
                .map(e -> new Option(localName(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(o -> switch (o.iri()) {
                    case "example" -> 0;
                    case "agreed" -> 1;
                    default -> 2;
                }))
                .toList();
    }

    private static String localName(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
