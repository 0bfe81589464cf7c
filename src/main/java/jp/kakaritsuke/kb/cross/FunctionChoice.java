package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;

/** A function of kk:functions that worksheets are written for, with the number of worksheets on it. */
public record FunctionChoice(String id, String iri, String notation, String label, int worksheetCount) {

    static List<FunctionChoice> from(ResultSet results, String lang) {
        List<FunctionChoice> choices = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            String iri = Rows.text(row, "function");
            choices.add(new FunctionChoice(Links.localName(iri), iri, Rows.text(row, "notation"),
                    Rows.pick(lang, Rows.text(row, "functionLabel"), Rows.text(row, "functionLabelEn"), iri),
                    Rows.integer(row, "worksheetCount")));
        }
        return List.copyOf(choices);
    }
}
