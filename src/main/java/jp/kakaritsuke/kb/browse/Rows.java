package jp.kakaritsuke.kb.browse;

import java.util.Comparator;
import java.util.List;
import jp.kakaritsuke.kb.store.StoredBoolean;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.worksheet.CanonicalOrder;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;

/** Turns rows of the named queries into what the templates show. */
final class Rows {

    private Rows() {}

    /**
     * One worksheet in a list (a row of {@code worksheet-list}), its labels in the reader's language.
     *
     * @param area the area's IRI, for grouping
     */
    record WorksheetRow(
            String href,
            String title,
            String area,
            String areaHref,
            String areaLabel,
            String functionHref,
            String functionNotation,
            String functionLabel,
            String statusHref,
            String statusLabel,
            String fiscalYear,
            boolean synthetic) {}

    /**
     * A count of worksheets for something (a function, a prefecture), sourced and synthetic apart.
     *
     * @param key a short identifier (a notation, a code)
     */
    record Count(String href, String label, String key, long sourced, long synthetic) {

        public long total() {
            return sourced + synthetic;
        }
    }

    /**
     * Orders function notations as the law numbers them: 1, 2, 2-イ, 2-ロ, 2-ハ, 2-ニ, 2-ホ (the one rule,
     * {@link CanonicalOrder}); missing notations last.
     */
    static final Comparator<String> NOTATION_ORDER = CanonicalOrder.NOTATION;

    static WorksheetRow worksheet(QuerySolution row, String baseIri) {
        return new WorksheetRow(
                href(row, "worksheet", baseIri),
                localized(row, "title", "worksheet"),
                iri(row, "worksheetArea"),
                href(row, "worksheetArea", baseIri),
                localized(row, "areaLabel", "worksheetArea"),
                href(row, "worksheetFunction", baseIri),
                string(row, "functionNotation"),
                localized(row, "functionLabel", "worksheetFunction"),
                href(row, "worksheetStatus", baseIri),
                localized(row, "statusLabel", null),
                string(row, "fiscalYear"),
                bool(row, "synthetic"));
    }

    /**
     * The worksheets of {@code worksheet-list} rows, sourced before synthetic, then by area, function and title as
     * the reader sees them: the query orders by IRI, which means nothing on a page.
     */
    static List<WorksheetRow> worksheets(List<QuerySolution> rows, String baseIri) {
        Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
        return rows.stream()
                .map(row -> worksheet(row, baseIri))
                .sorted(Comparator.comparing(WorksheetRow::synthetic)
                        .thenComparing(WorksheetRow::areaLabel, text)
                        .thenComparing(WorksheetRow::functionLabel, text)
                        .thenComparing(WorksheetRow::title, text))
                .toList();
    }

    /**
     * The column {@code var} (Japanese) or {@code var + "En"} in the reader's language, falling back to Japanese,
     * then to the IRI in {@code fallback} (if any).
     */
    static String localized(QuerySolution row, String var, String fallback) {
        String en = "en".equals(LocalizedText.currentLanguage()) ? string(row, var + "En") : null;
        String text = en != null ? en : string(row, var);
        return text != null || fallback == null ? text : string(row, fallback);
    }

    static String iri(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        return n != null && n.isURIResource() ? n.asResource().getURI() : null;
    }

    static String href(QuerySolution row, String var, String baseIri) {
        String iri = iri(row, var);
        return iri == null ? null : Links.href(iri, baseIri);
    }

    static String string(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    static long number(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        return n != null && n.isLiteral() ? n.asLiteral().getLong() : 0;
    }

    static boolean bool(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        return StoredBoolean.isTrue(n);
    }
}
