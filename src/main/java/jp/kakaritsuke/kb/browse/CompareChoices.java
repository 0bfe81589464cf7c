package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.kakaritsuke.kb.area.AreaNames;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.query.QuerySolution;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The worksheet page's "compare with…": the same area in other fiscal years, each a link to {@code /compare}, and
 * other areas on the same function to choose from ({@code compare/candidates.rq}), named from {@link AreaNames} and
 * listed by fiscal year (latest first), then prefecture code, then name.
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

    /** A choice with what it is listed by. */
    private record Listed(Choice choice, String prefectureCode) {}

    private static final Comparator<Listed> BY_YEAR_PREFECTURE_NAME = Comparator.comparing(
                    (Listed l) -> l.choice().fiscalYear(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Listed::prefectureCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(l -> l.choice().label(), Comparator.nullsLast(Comparator.naturalOrder()));

    public boolean isEmpty() {
        return sameArea.isEmpty() && sameFunction.isEmpty();
    }

    static CompareChoices from(List<QuerySolution> rows, String slug, String baseIri, AreaNames names) {
        String lang = LocalizedText.currentLanguage();
        List<Choice> sameArea = new ArrayList<>();
        List<Listed> sameFunction = new ArrayList<>();
        for (QuerySolution row : rows) {
            String other = WorksheetNames.slugOf(baseIri, Rows.iri(row, "other"));
            if (other == null) {
                continue;
            }
            String area = Rows.iri(row, "area");
            String year = Rows.string(row, "fiscalYear");
            Choice choice = new Choice(
                    other,
                    link(List.of(slug, other)),
                    area == null ? null : names.withPrefecture(area, lang),
                    year,
                    Rows.bool(row, "synthetic"));
            if ("sameArea".equals(Rows.string(row, "relation"))) {
                sameArea.add(choice);
            } else {
                sameFunction.add(new Listed(choice, area == null ? null : names.prefectureCode(area)));
            }
        }
        sameFunction.sort(BY_YEAR_PREFECTURE_NAME);
        String allYears = null;
        if (sameArea.size() > 1) {
            List<String> slugs = new ArrayList<>();
            slugs.add(slug);
            sameArea.stream().limit(MAX - 1).forEach(c -> slugs.add(c.slug()));
            allYears = link(slugs);
        }
        return new CompareChoices(
                List.copyOf(sameArea),
                allYears,
                sameFunction.stream().map(Listed::choice).toList());
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
