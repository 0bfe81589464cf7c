package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.List;
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

    private static String areaLabel(QuerySolution row, String lang) {
        String area = Rows.label(
                lang, Rows.text(row, "areaLabel"), Rows.text(row, "areaLabelEn"), Rows.text(row, "worksheetArea"));
        String prefecture =
                Rows.pick(lang, Rows.text(row, "prefectureLabel"), Rows.text(row, "prefectureLabelEn"), null);
        if (area == null || prefecture == null || area.contains(prefecture)) {
            return area;
        }
        return "en".equals(lang) ? area + ", " + prefecture : prefecture + " " + area;
    }
}
