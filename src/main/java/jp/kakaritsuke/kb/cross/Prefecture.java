package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;

/** A prefecture as a choice of the filters: its JIS code and label ({@code prefectures.rq}). */
public record Prefecture(String code, String label) {

    static List<Prefecture> from(ResultSet results, String lang) {
        List<Prefecture> prefectures = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            String code = Rows.text(row, "prefectureCode");
            prefectures.add(new Prefecture(
                    code,
                    Rows.pick(lang, Rows.text(row, "prefectureLabel"), Rows.text(row, "prefectureLabelEn"), code)));
        }
        return List.copyOf(prefectures);
    }
}
