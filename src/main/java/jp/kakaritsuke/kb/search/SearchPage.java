package jp.kakaritsuke.kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.search.SearchService.Hit;
import jp.kakaritsuke.kb.search.SearchService.Worksheet;
import jp.kakaritsuke.kb.search.SearchService.WorksheetHits;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;

/** The search page's view of a result, in the reader's language, with the links it shows. */
record SearchPage(List<Group> groups, List<Item> others, List<Option> functions, List<Option> areas) {

    /** A worksheet heading and its matching items. */
    record Group(
            String iri, String href, String title, String function, String area, boolean synthetic, List<Item> items) {}

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

    static SearchPage of(SearchService.Result result, List<Worksheet> worksheets, String baseIri, String lang) {
        List<Group> groups = new ArrayList<>();
        for (WorksheetHits g : result.worksheets()) {
            Worksheet ws = g.worksheet();
            String page = worksheetPage(ws.iri(), baseIri);
            List<Item> items =
                    g.hits().stream().map(h -> item(h, page, ws.iri(), lang)).toList();
            groups.add(new Group(
                    ws.iri(),
                    page,
                    orElse(ws.title().in(lang), ws.iri()),
                    ws.functionLabel().in(lang),
                    orElse(ws.areaLabel().in(lang), ws.area()),
                    ws.synthetic(),
                    items));
        }
        List<Item> others =
                result.others().stream().map(h -> item(h, null, null, lang)).toList();
        return new SearchPage(groups, others, options(worksheets, true, lang), options(worksheets, false, lang));
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

    private static List<Option> options(List<Worksheet> worksheets, boolean function, String lang) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Worksheet ws : worksheets) {
            String iri = function ? ws.function() : ws.area();
            if (iri != null) {
                String label =
                        function ? ws.functionLabel().in(lang) : ws.areaLabel().in(lang);
                options.putIfAbsent(iri, orElse(label, iri));
            }
        }
        List<Option> list = new ArrayList<>();
        options.forEach((iri, label) -> list.add(new Option(iri, label)));
        list.sort(Comparator.comparing(Option::label));
        return list;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
