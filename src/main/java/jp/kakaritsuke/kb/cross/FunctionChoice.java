package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.kakaritsuke.kb.worksheet.CanonicalOrder;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;

/** A function of kk:functions that worksheets are written for, with the number of worksheets on it. */
public record FunctionChoice(String id, String iri, String notation, String label, int worksheetCount) {

    /**
     * The kana that number the items of the Medical Care Act's article (イ, ロ, ハ, ニ, ホ, …), in iroha order, which
     * is not their code-point order: sorting 2-イ … 2-ホ as strings would put ニ and ハ before ロ.
     */
    static List<FunctionChoice> from(ResultSet results, String lang) {
        List<FunctionChoice> choices = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            String iri = Rows.text(row, "function");
            choices.add(new FunctionChoice(
                    Links.localName(iri),
                    iri,
                    Rows.text(row, "notation"),
                    Rows.pick(lang, Rows.text(row, "functionLabel"), Rows.text(row, "functionLabelEn"), iri),
                    Rows.integer(row, "worksheetCount")));
        }
        choices.sort(Comparator.comparing((FunctionChoice f) -> sortKey(f.notation()))
                .thenComparing(FunctionChoice::iri));
        return List.copyOf(choices);
    }

    /** The notation's key in the canonical order ({@link CanonicalOrder}). */
    static String sortKey(String notation) {
        return CanonicalOrder.key(notation);
    }
}
