package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.kb.area.AreaLabels;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.query.QuerySolution;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The worksheet page's "compare with…": the same area in other fiscal years, each a link to {@code /compare}, and
 * other areas on the same function to choose from, those of one prefecture ({@code compare/candidates.rq}).
 *
 * @param sameArea the same area's worksheets of the function in other fiscal years, latest first
 * @param allYears a comparison of this worksheet with the latest three of {@code sameArea}, or null with fewer than two
 * @param sameFunction worksheets of other areas on the same function
 */
record CompareChoices(List<Choice> sameArea, String allYears, List<Choice> sameFunction) {

    /** How many worksheets a comparison shows at most. */
    private static final int MAX = 4;

    /**
     * A worksheet to compare with.
     *
     * @param href the comparison of the page's worksheet with this one
     * @param label the area with its prefecture (「東京都 区中央部」)
     */
    record Choice(String slug, String href, String label, String fiscalYear, boolean synthetic) {}

    /**
     * A prefecture whose areas the reader may choose to compare with ({@code prefectures.rq}).
     *
     * @param selected whether its areas are those listed
     */
    record Prefecture(String code, String label, boolean selected) {}

    /** No worksheet to compare with (a worked example before the reader chose a prefecture). */
    static CompareChoices none() {
        return new CompareChoices(List.of(), null, List.of());
    }

    public boolean isEmpty() {
        return sameArea.isEmpty() && sameFunction.isEmpty();
    }

    static CompareChoices from(List<QuerySolution> rows, String slug, String baseIri) {
        String lang = LocalizedText.currentLanguage();
        List<Choice> sameArea = new ArrayList<>();
        List<Choice> sameFunction = new ArrayList<>();
        for (QuerySolution row : rows) {
            String other = WorksheetNames.slugOf(baseIri, Rows.iri(row, "other"));
            if (other == null) {
                continue;
            }
            String area = AreaLabels.withPrefecture(
                    lang, Rows.localized(row, "areaLabel", "area"), Rows.localized(row, "prefectureLabel", null));
            String year = Rows.string(row, "fiscalYear");
            Choice choice = new Choice(other, link(List.of(slug, other)), area, year, Rows.bool(row, "synthetic"));
            ("sameArea".equals(Rows.string(row, "relation")) ? sameArea : sameFunction).add(choice);
        }
        String allYears = null;
        if (sameArea.size() > 1) {
            List<String> slugs = new ArrayList<>();
            slugs.add(slug);
            sameArea.stream().limit(MAX - 1).forEach(c -> slugs.add(c.slug()));
            allYears = link(slugs);
        }
        return new CompareChoices(List.copyOf(sameArea), allYears, List.copyOf(sameFunction));
    }

    /** {@code /compare?w=…&w=…}: the comparison page's address, as {@code cross.CompareController} reads it. */
    private static String link(List<String> slugs) {
        return UriComponentsBuilder.fromPath("/compare")
                .queryParam("w", slugs.toArray())
                .encode()
                .build()
                .toUriString();
    }
}
