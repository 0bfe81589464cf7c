package jp.kakaritsuke.kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.kb.search.SearchService.Choice;
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
            SearchService.Choices choices,
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
                functions(choices.functions(), lang),
                areas(choices.areas(), lang),
                prefectures(choices.areas(), lang),
                statuses(choices.statuses(), lang));
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
    private static List<Option> functions(List<Choice> functions, String lang) {
        return functions.stream()
                .sorted(Comparator.comparing(Choice::notation, CanonicalOrder.NOTATION)
                        .thenComparing(f -> orElse(f.label().in(lang), f.iri())))
                .map(f -> new Option(f.iri(), orElse(f.label().in(lang), f.iri())))
                .toList();
    }

    /** The areas that have worksheets, named with their prefecture, in prefecture-code order then by label. */
    private static List<Option> areas(List<Choice> areas, String lang) {
        return areas.stream()
                .sorted(Comparator.comparing((Choice a) -> orElse(a.prefectureCode(), "99"))
                        .thenComparing(a -> orElse(a.areaLabel(lang), a.iri())))
                .map(a -> new Option(a.iri(), orElse(a.areaLabel(lang), a.iri())))
                .toList();
    }

    /** The prefectures that have worksheets (of their own or of areas in them), by code; the value is the code. */
    private static List<Option> prefectures(List<Choice> areas, String lang) {
        Map<String, String> options = new TreeMap<>();
        for (Choice area : areas) {
            if (area.prefectureCode() != null) {
                options.putIfAbsent(
                        area.prefectureCode(), orElse(area.prefectureLabel().in(lang), area.prefectureCode()));
            }
        }
        List<Option> list = new ArrayList<>();
        options.forEach((code, label) -> list.add(new Option(code, label)));
        return list;
    }

    /** The statuses the worksheets have, worked examples and agreed first; the value is the local name. */
    private static List<Option> statuses(List<Choice> statuses, String lang) {
        return statuses.stream()
                .sorted(Comparator.comparing(Choice::iri))
                .map(st -> new Option(localName(st.iri()), orElse(st.label().in(lang), localName(st.iri()))))
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
