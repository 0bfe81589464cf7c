package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;

/** One reused resource of kk:resources with how many measures and areas draw on it (rows of resource-ranking.rq). */
public record ResourceRanking(
        String id, String iri, String href, String labelJa, String labelEn, int measureCount, int areaCount) {

    static List<ResourceRanking> from(ResultSet results, Links links) {
        List<ResourceRanking> ranking = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            String iri = Rows.text(row, "resource");
            ranking.add(new ResourceRanking(
                    Links.localName(iri),
                    iri,
                    links.href(iri),
                    Rows.text(row, "resourceLabel"),
                    Rows.text(row, "resourceLabelEn"),
                    Rows.integer(row, "measureCount"),
                    Rows.integer(row, "areaCount")));
        }
        return List.copyOf(ranking);
    }

    /** The label in the reader's language. */
    public String label(String lang) {
        return Rows.pick(lang, labelJa, labelEn, id);
    }
}
