package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.kb.area.AreaNames;
import jp.kakaritsuke.kb.web.LocalizedText;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;

/**
 * What the page of one reused resource shows: its labels and definitions (from {@code resource-concept.rq}) and
 * every measure that draws on it (from {@code resource-use.rq}), directly or through its ticked actions.
 */
final class ResourcePage {

    /** A label or definition with its language tag. */
    public record Tagged(String text, String lang) {}

    /** A measure that draws on the resource: directly, through some of its actions, or both. */
    public record Use(
            String measure,
            String href,
            String label,
            String text,
            String translation,
            boolean direct,
            List<String> actionTexts,
            String sheetHref,
            String sheetLabel,
            boolean synthetic,
            String functionIri,
            String functionNotation,
            String functionLabel,
            String areaLabel,
            String prefecture,
            String prefectureCode,
            String prefectureLabel) {}

    /** The resource as a concept. */
    public record Concept(
            String iri,
            String id,
            String labelJa,
            String labelEn,
            List<Tagged> altLabels,
            List<Tagged> hiddenLabels,
            String definitionJa,
            String definitionEn) {

        /** The label in the reader's language. */
        public String label(String lang) {
            return Rows.pick(lang, labelJa, labelEn, id);
        }
    }

    private ResourcePage() {}

    static Concept concept(String iri, Model model) {
        Resource r = model.getResource(iri);
        return new Concept(
                iri,
                Links.localName(iri),
                LocalizedText.of(r, SKOS.prefLabel, "ja"),
                exactly(r, SKOS.prefLabel, "en"),
                tagged(r, SKOS.altLabel),
                tagged(r, SKOS.hiddenLabel),
                exactly(r, SKOS.definition, "ja"),
                exactly(r, SKOS.definition, "en"));
    }

    static List<Use> uses(ResultSet results, Links links, String lang, AreaNames.Table names) {
        Map<String, Use> byMeasure = new LinkedHashMap<>();
        Map<String, Set<String>> actions = new LinkedHashMap<>();
        Map<String, Boolean> direct = new LinkedHashMap<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            String measure = Rows.text(row, "measure");
            String worksheet = Rows.text(row, "worksheet");
            String area = Rows.text(row, "area");
            byMeasure.computeIfAbsent(
                    measure,
                    m -> new Use(
                            m,
                            links.href(m),
                            Rows.pick(lang, Rows.text(row, "measureLabel"), Rows.text(row, "measureLabelEn"), m),
                            Rows.text(row, "measureText"),
                            Rows.text(row, "measureTextEn"),
                            false,
                            List.of(),
                            links.href(worksheet),
                            Rows.pick(
                                    lang,
                                    Rows.text(row, "worksheetLabel"),
                                    Rows.text(row, "worksheetLabelEn"),
                                    worksheet),
                            Rows.bool(row, "synthetic"),
                            Rows.text(row, "function"),
                            Rows.text(row, "functionNotation"),
                            Rows.pick(
                                    lang,
                                    Rows.text(row, "functionLabel"),
                                    Rows.text(row, "functionLabelEn"),
                                    Rows.text(row, "function")),
                            area == null ? null : names.withPrefecture(area, lang),
                            area == null ? null : names.of(area).prefecture(),
                            area == null ? null : names.prefectureCode(area),
                            area == null ? null : names.prefectureLabel(area, lang)));
            Set<String> texts = actions.computeIfAbsent(measure, m -> new LinkedHashSet<>());
            if (row.contains("action")) {
                String text = Rows.pick(lang, Rows.text(row, "actionText"), null, Rows.text(row, "action"));
                texts.add(text);
            } else {
                direct.put(measure, true);
            }
        }
        List<Use> uses = new ArrayList<>();
        byMeasure.forEach((measure, u) -> uses.add(new Use(
                u.measure(),
                u.href(),
                u.label(),
                u.text(),
                u.translation(),
                direct.getOrDefault(measure, false),
                List.copyOf(actions.get(measure)),
                u.sheetHref(),
                u.sheetLabel(),
                u.synthetic(),
                u.functionIri(),
                u.functionNotation(),
                u.functionLabel(),
                u.areaLabel(),
                u.prefecture(),
                u.prefectureCode(),
                u.prefectureLabel())));
        uses.sort(Comparator.comparing((Use u) -> nullLast(u.functionNotation()))
                .thenComparing(u -> nullLast(u.areaLabel()))
                .thenComparing(u -> nullLast(u.sheetHref()))
                .thenComparing(Use::measure));
        return List.copyOf(uses);
    }

    private static String nullLast(String s) {
        return s == null ? "\uffff" : s;
    }

    private static String exactly(Resource r, Property p, String lang) {
        for (var it = r.listProperties(p); it.hasNext(); ) {
            var o = it.next().getObject();
            if (o.isLiteral() && lang.equalsIgnoreCase(o.asLiteral().getLanguage())) {
                return o.asLiteral().getLexicalForm();
            }
        }
        return null;
    }

    private static List<Tagged> tagged(Resource r, Property p) {
        List<Tagged> list = new ArrayList<>();
        r.listProperties(p).forEachRemaining(s -> {
            if (s.getObject().isLiteral()) {
                Literal l = s.getObject().asLiteral();
                list.add(new Tagged(l.getLexicalForm(), l.getLanguage()));
            }
        });
        list.sort(Comparator.comparing(Tagged::lang).thenComparing(Tagged::text));
        return List.copyOf(list);
    }
}
