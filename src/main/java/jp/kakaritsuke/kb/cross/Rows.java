package jp.kakaritsuke.kb.cross;

import jp.kakaritsuke.kb.area.AreaLabels;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;

/** Reads the values of a result row; an unbound variable reads as null (or 0, or false). */
final class Rows {

    private Rows() {}

    /** The IRI or the lexical form of a literal. */
    static String text(QuerySolution row, String variable) {
        RDFNode node = row.get(variable);
        if (node == null) {
            return null;
        }
        return node.isLiteral()
                ? node.asLiteral().getLexicalForm()
                : node.isURIResource() ? node.asResource().getURI() : null;
    }

    static int integer(QuerySolution row, String variable) {
        String value = text(row, variable);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean bool(QuerySolution row, String variable) {
        return "true".equals(text(row, variable));
    }

    /** The label in the reader's language, or the local part of {@code iri} when there is no label at all. */
    static String label(String lang, String ja, String en, String iri) {
        return pick(lang, ja, en, iri == null ? null : Links.localName(iri));
    }

    /**
     * The label of a row's {@code area}, preceded (ja) or followed (en) by the label of the prefecture containing it,
     * so that areas named alike in several prefectures (県北, 中央) can be told apart.
     */
    static String areaLabel(QuerySolution row, String lang) {
        String area = label(lang, text(row, "areaLabel"), text(row, "areaLabelEn"), text(row, "area"));
        String prefecture = pick(lang, text(row, "prefectureLabel"), text(row, "prefectureLabelEn"), null);
        return AreaLabels.withPrefecture(lang, area, prefecture);
    }

    /** The label in the reader's language: English if asked for and given, else Japanese, else the fallback. */
    /** The column {@code variable} (Japanese) or {@code variableEn}, by {@link #pick}. */
    static String pick(QuerySolution row, String variable, String lang, String fallback) {
        return pick(lang, text(row, variable), text(row, variable + "En"), fallback);
    }

    static String pick(String lang, String ja, String en, String fallback) {
        if ("en".equals(lang) && en != null) {
            return en;
        }
        if (ja != null) {
            return ja;
        }
        return en != null ? en : fallback;
    }
}
