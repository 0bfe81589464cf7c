package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.area.AreaLabels;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;

/**
 * The causes behind a row of the matrix by type ({@code causes-of-type.rq}), or the cause and measure pairs behind a
 * cell ({@code cause-type-cell.rq}), one entry per row of the answer, shown a page at a time.
 */
public record TypeListing(List<Entry> entries, int total, int page, int pageCount) {

    /** Entries shown per page. */
    static final int PAGE_SIZE = 50;

    /** One cause (and, for a cell, one measure addressing it) with its worksheet. */
    public record Entry(
            String worksheet,
            String worksheetHref,
            String title,
            String area,
            String fiscalYear,
            String status,
            boolean synthetic,
            String cause,
            String causeHref,
            int causeOrdinal,
            String causeText,
            String causeTranslation,
            String measure,
            String measureHref,
            int measureOrdinal,
            String measureText,
            String measureTranslation) {}

    static TypeListing from(ResultSet results, Links links, String lang, int requestedPage) {
        List<Entry> all = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            String worksheet = Rows.text(row, "worksheet");
            String cause = Rows.text(row, "cause");
            String measure = Rows.text(row, "measure");
            all.add(new Entry(
                    worksheet,
                    links.href(worksheet),
                    Rows.pick(lang, Rows.text(row, "title"), Rows.text(row, "titleEn"), worksheet),
                    areaLabel(row, lang),
                    Rows.text(row, "worksheetFiscalYear"),
                    Links.localName(Rows.text(row, "worksheetStatus")),
                    Rows.bool(row, "synthetic"),
                    cause,
                    links.href(cause),
                    Rows.integer(row, "ordinal"),
                    Rows.text(row, "causeText"),
                    Rows.text(row, "causeTextEn"),
                    measure,
                    links.href(measure),
                    Rows.integer(row, "measureOrdinal"),
                    Rows.text(row, "measureText"),
                    Rows.text(row, "measureTextEn")));
        }
        int pageCount = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, requestedPage), pageCount);
        List<Entry> shown = all.subList((page - 1) * PAGE_SIZE, Math.min(all.size(), page * PAGE_SIZE));
        return new TypeListing(List.copyOf(shown), all.size(), page, pageCount);
    }

    /** The distinct worksheets of the page, in order (for "compare these"). */
    List<String> worksheets() {
        return entries.stream().map(Entry::worksheet).distinct().toList();
    }

    /** A worksheet of the page that can be chosen for the comparison: its slug and how the page names it. */
    public record Choice(String slug, String area, String fiscalYear, boolean synthetic) {}

    /** The distinct worksheets of the page that have a page of their own, in order. */
    public List<Choice> choices() {
        Map<String, Choice> choices = new LinkedHashMap<>();
        for (Entry e : entries) {
            String href = e.worksheetHref();
            if (href != null && href.startsWith(WORKSHEET_PAGE)) {
                String slug = href.substring(WORKSHEET_PAGE.length());
                choices.putIfAbsent(slug, new Choice(slug, e.area(), e.fiscalYear(), e.synthetic()));
            }
        }
        return List.copyOf(choices.values());
    }

    private static final String WORKSHEET_PAGE = "/doc/worksheet/";

    private static String areaLabel(QuerySolution row, String lang) {
        String area = Rows.label(
                lang, Rows.text(row, "areaLabel"), Rows.text(row, "areaLabelEn"), Rows.text(row, "worksheetArea"));
        String prefecture =
                Rows.pick(lang, Rows.text(row, "prefectureLabel"), Rows.text(row, "prefectureLabelEn"), null);
        return AreaLabels.withPrefecture(lang, area, prefecture);
    }
}
