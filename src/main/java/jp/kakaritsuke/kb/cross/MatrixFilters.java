package jp.kakaritsuke.kb.cross;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.area.AreaIris;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.PrefectureParameter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the reader narrowed the views by type to: a function, a fiscal year (null: every year), a prefecture (its JIS
 * code, null: every area) and whether synthetic worksheets are left out. The same four values make the named
 * queries' parameters and the links between the matrix, its rows and its cells.
 */
public record MatrixFilters(FunctionChoice function, String fiscalYear, String prefectureCode, boolean hideSynthetic) {

    /** The value of {@code year} that asks for every fiscal year. */
    static final String ALL_YEARS = "all";

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    /** Checks the request's {@code year} and {@code prefecture} (400 naming the parameter when malformed). */
    static String checkYear(String year) {
        if (year == null || year.isBlank() || ALL_YEARS.equals(year.strip())) {
            return null;
        }
        if (!YEAR.matcher(year.strip()).matches()) {
            throw new BadRequestException("year", "'" + year.strip() + "' is not a fiscal year (2026) or \"all\"");
        }
        return year.strip();
    }

    static String checkPrefecture(String prefecture) {
        return PrefectureParameter.check(prefecture);
    }

    /** The named queries' parameters: function, fiscalYear, area, hideSynthetic (absent ones left out). */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("function", function.iri());
        if (fiscalYear != null) {
            params.put("fiscalYear", fiscalYear);
        }
        if (prefectureCode != null) {
            params.put("area", AreaIris.prefecturePath(prefectureCode));
        }
        if (hideSynthetic) {
            params.put("hideSynthetic", "true");
        }
        return params;
    }

    /** A link to {@code path} carrying these filters and the given extra parameters. */
    String link(String path, String... extra) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path)
                .queryParam("function", function.id())
                .queryParam("year", fiscalYear == null ? ALL_YEARS : fiscalYear);
        if (prefectureCode != null) {
            uri.queryParam("prefecture", prefectureCode);
        }
        if (hideSynthetic) {
            uri.queryParam("hideSynthetic", "true");
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            uri.queryParam(extra[i], extra[i + 1]);
        }
        return uri.encode().build().toUriString();
    }
}
