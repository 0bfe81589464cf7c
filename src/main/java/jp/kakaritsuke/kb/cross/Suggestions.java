package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.search.SimilarTexts;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.springframework.stereotype.Component;

/**
 * Suggestions by meaning for a cause or measure being written, and "similar causes elsewhere" on cause pages: the
 * items of other worksheets whose wording is most like the text ({@link SimilarTexts}, Lucene's MoreLikeThis over the
 * kuromoji index), each with its worksheet, area and types ({@code similar-item.rq}), and the types those items have,
 * ranked by the summed similarity of the items that carry them.
 */
@Component
class Suggestions {

    /** A type proposed for the text, with the summed score of the similar items of that type. */
    public record TypeProposal(String iri, String id, String label, double score) {}

    /** A similar item of another worksheet. */
    public record Similar(
            String item,
            String href,
            String text,
            String translation,
            String worksheet,
            String worksheetHref,
            String title,
            String area,
            String fiscalYear,
            boolean synthetic,
            String function,
            List<String> typeLabels,
            List<String> types,
            double score) {}

    /** What was found: proposed types, best first, and similar items, most similar first. */
    public record Result(List<TypeProposal> types, List<Similar> similar) {}

    private final SimilarTexts similarTexts;
    private final CrossQueries queries;
    private final Links links;

    Suggestions(SimilarTexts similarTexts, CrossQueries queries, Links links) {
        this.similarTexts = similarTexts;
        this.queries = queries;
        this.links = links;
    }

    /**
     * Up to {@code max} items of {@code kind} like {@code text} from worksheets other than {@code excludeWorksheet},
     * on function {@code functionIri} when it is given, and the types they suggest.
     */
    Result suggest(String text, ItemKind kind, String functionIri, String excludeWorksheet, int max, String lang) {
        List<Similar> similar = new ArrayList<>();
        Map<String, TypeProposal> proposals = new LinkedHashMap<>();
        for (SimilarTexts.Match match : similarTexts.like(text, kind, max * 4, excludeWorksheet)) {
            Similar item = describe(match, lang);
            if (item == null || (functionIri != null && !functionIri.equals(item.function()))) {
                continue;
            }
            similar.add(item);
            for (int i = 0; i < item.types().size(); i++) {
                String type = item.types().get(i);
                String label = item.typeLabels().get(i);
                TypeProposal before = proposals.get(type);
                proposals.put(
                        type,
                        new TypeProposal(
                                type,
                                Links.localName(type),
                                label,
                                (before == null ? 0 : before.score()) + match.score()));
            }
            if (similar.size() == max) {
                break;
            }
        }
        List<TypeProposal> types = new ArrayList<>(proposals.values());
        types.sort(Comparator.comparingDouble(TypeProposal::score).reversed());
        return new Result(List.copyOf(types.subList(0, Math.min(3, types.size()))), List.copyOf(similar));
    }

    private Similar describe(SimilarTexts.Match match, String lang) {
        ResultSetRewindable rows = queries.select(CrossQueries.SIMILAR_ITEM, "item", match.item());
        Similar similar = null;
        List<String> types = new ArrayList<>();
        List<String> typeLabels = new ArrayList<>();
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            String type = Rows.text(row, "type");
            if (type != null && !types.contains(type)) {
                types.add(type);
                typeLabels.add(Rows.label(lang, Rows.text(row, "typeLabel"), Rows.text(row, "typeLabelEn"), type));
            }
            if (similar == null) {
                String worksheet = Rows.text(row, "worksheet");
                similar = new Similar(
                        match.item(),
                        links.href(match.item()),
                        Rows.text(row, "text"),
                        Rows.text(row, "textEn"),
                        worksheet,
                        links.href(worksheet),
                        Rows.pick(lang, Rows.text(row, "title"), Rows.text(row, "titleEn"), worksheet),
                        Rows.areaLabel(row, lang),
                        Rows.text(row, "fiscalYear"),
                        Rows.bool(row, "synthetic"),
                        Rows.text(row, "worksheetFunction"),
                        typeLabels,
                        types,
                        match.score());
            }
        }
        return similar;
    }
}
