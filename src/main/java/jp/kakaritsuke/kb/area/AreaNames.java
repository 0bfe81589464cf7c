package jp.kakaritsuke.kb.area;

import java.util.HashMap;
import java.util.Map;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.KeptUntilWrite;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.springframework.stereotype.Component;

/**
 * The names of every area and the prefecture each lies in ({@code queries/area-names.rq}), read once per state of the
 * store and kept until the next write: pages that list many areas (the worksheet page's areas to compare with, a
 * resource's uses) name them from this table instead of asking each row's names in their own query.
 */
@Component
public class AreaNames {

    static final String QUERY = "area-names";

    /**
     * One area's names.
     *
     * @param prefecture the IRI of the prefecture the area lies in (its own for a prefecture), or null
     */
    public record Name(String iri, String label, String labelEn, String prefecture, String code) {

        /** The area's name in {@code lang}, falling back to Japanese, then to the IRI. */
        public String label(String lang) {
            if ("en".equals(lang) && labelEn != null) {
                return labelEn;
            }
            return label != null ? label : iri;
        }
    }

    private final NamedQueryRunner runner;
    private final KeptUntilWrite<Map<String, Name>> table;

    public AreaNames(NamedQueryRunner runner, KnowledgeStore store) {
        this.runner = runner;
        this.table = new KeptUntilWrite<>(store);
    }

    /** Starts reading the table in the background, for a page that asks its own questions first. */
    public void prefetch() {
        runner.prefetch(QUERY, Map.of());
    }

    /**
     * The table as the store is now, to name every area of one page from: read once per state of the store, but
     * while the answer cache serves its answers from before a write (until the fresh ones are in) it is read again on
     * each call, so a page takes it once, not once per area.
     */
    public Table table() {
        return new Table(table.get(() -> read(runner.select(QUERY, Map.of()))));
    }

    /** The names of every area, by IRI. */
    public record Table(Map<String, Name> names) {

        /** The area {@code iri}'s names; an area the table lacks is named by its IRI. */
        public Name of(String iri) {
            Name name = names.get(iri);
            return name != null ? name : new Name(iri, null, null, null, null);
        }

        /** The name of the prefecture {@code iri} lies in, in {@code lang}; null when it lies in none. */
        public String prefectureLabel(String iri, String lang) {
            String prefecture = of(iri).prefecture();
            return prefecture == null ? null : of(prefecture).label(lang);
        }

        /** The code of the prefecture {@code iri} lies in ({@code 13}); null when it lies in none. */
        public String prefectureCode(String iri) {
            String prefecture = of(iri).prefecture();
            return prefecture == null ? null : of(prefecture).code();
        }

        /** The area's name followed or preceded by its prefecture's ({@link AreaLabels#withPrefecture}). */
        public String withPrefecture(String iri, String lang) {
            return AreaLabels.withPrefecture(lang, of(iri).label(lang), prefectureLabel(iri, lang));
        }
    }

    /** The rows of the query, one per fact, put together per area; a prefecture lies in itself. */
    static Map<String, Name> read(ResultSet rows) {
        Map<String, Name> names = new HashMap<>();
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            String area = row.getResource("area").getURI();
            Name n = names.getOrDefault(area, new Name(area, null, null, null, null));
            RDFNode label = row.get("label");
            if (label != null && label.isLiteral()) {
                Literal l = label.asLiteral();
                if (l.getLanguage().equalsIgnoreCase("en")) {
                    n = new Name(area, n.label(), l.getString(), n.prefecture(), n.code());
                } else if (l.getLanguage().equalsIgnoreCase("ja") || n.label() == null) {
                    n = new Name(area, l.getString(), n.labelEn(), n.prefecture(), n.code());
                }
            }
            RDFNode prefecture = row.get("prefecture");
            if (prefecture != null && prefecture.isURIResource()) {
                n = new Name(
                        area, n.label(), n.labelEn(), prefecture.asResource().getURI(), n.code());
            }
            RDFNode code = row.get("prefectureCode");
            if (code != null && code.isLiteral()) {
                n = new Name(
                        area, n.label(), n.labelEn(), area, code.asLiteral().getString());
            }
            names.put(area, n);
        }
        return Map.copyOf(names);
    }
}
