package jp.kakaritsuke.kb.authoring.imports;

import java.util.Map;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Column;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;

/**
 * One worksheet read from an upload, ready to be validated and saved, with what is needed to point at its source:
 * for a tabular file, the row each item came from and the cell of each of the worksheet's own values.
 *
 * @param slug the worksheet's slug
 * @param content the worksheet graph: the worksheet node and its items
 * @param where the worksheet in the file (its first row, or the worksheet as a whole for RDF)
 * @param rows for a tabular file, the row of each item by IRI (the worksheet's own row under the worksheet IRI);
 *        empty for RDF
 * @param worksheetCells for a tabular file, where each of the worksheet's own values was given
 */
record ParsedWorksheet(
        String slug, Graph content, Where where, Map<String, Table.Row> rows, Map<Column, Where> worksheetCells) {

    private static final Map<String, Column> COLUMNS = Map.ofEntries(
            entry(KK.text, Column.TEXT_JA), entry(DCTerms.title, Column.TEXT_JA),
            entry(KK.translation, Column.TEXT_EN), entry(RDFS.label, Column.LABEL_JA),
            entry(KK.ordinal, Column.NUMBER), entry(KK.area, Column.AREA_CODE),
            entry(KK.function, Column.FUNCTION), entry(KK.fiscalYear, Column.FISCAL_YEAR),
            entry(KK.status, Column.STATUS), entry(KK.consultationDate, Column.CONSULTATION_DATE),
            entry(KK.synthetic, Column.SYNTHETIC), entry(KK.source, Column.SOURCE),
            entry(KK.addresses, Column.ADDRESSES), entry(KK.usesResource, Column.RESOURCES),
            entry(KK.involvesActor, Column.ACTORS), entry(KK.assignedTo, Column.ACTOR),
            entry(KK.viewpoint, Column.VIEWPOINTS), entry(KK.mentions, Column.MENTIONS),
            entry(KK.causeType, Column.TYPES), entry(KK.measureType, Column.TYPES),
            entry(KK.explains, Column.EXPLAINS), entry(KK.leadsTo, Column.LEADS_TO),
            entry(KK.contributesTo, Column.CONTRIBUTES_TO), entry(KK.tracks, Column.TRACKS),
            entry(KK.baselineValue, Column.BASELINE), entry(KK.targetValue, Column.TARGET),
            entry(KK.reviewDate, Column.REVIEW_DATE), entry(KK.reviews, Column.REVIEWS));

    private static Map.Entry<String, Column> entry(Property property, Column column) {
        return Map.entry(property.getURI(), column);
    }

    ParsedWorksheet {
        rows = Map.copyOf(rows);
        worksheetCells = Map.copyOf(worksheetCells);
    }

    /**
     * Where a validation result about {@code focus} (an IRI) and {@code property} (an IRI, or null) points in the
     * file: the cell of the column that holds the property in the item's row, else the row, else the worksheet.
     */
    Where locate(String focus, String property) {
        Column column = property == null ? null : COLUMNS.get(property);
        if (column != null && column.worksheetLevel() && worksheetCells.containsKey(column)) {
            return worksheetCells.get(column);
        }
        Table.Row row = focus == null ? null : rows.get(focus);
        if (row == null) {
            return where;
        }
        return column == null ? row.where() : row.at(column.header());
    }
}
