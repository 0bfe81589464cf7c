package jp.kakaritsuke.kb.area;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.springframework.stereotype.Component;

/**
 * Finds areas by a part of their name ({@code queries/search/areas-by-name.rq}): 松戸 finds 松戸市 and the vision zone
 * that covers it, 南渡島 the vision zone. Used by the search page and by the area picker of the new-worksheet form
 * ({@code GET /areas/lookup?q=…}).
 */
@Component
public class AreaLookup {

    /** The longest text looked up; area names are short. */
    public static final int MAX_NEEDLE = 50;

    /** A vision zone that covers a found municipality. */
    public record Zone(String iri, String href, String label, String code) {}

    /**
     * A found area.
     *
     * @param kind {@code prefecture}, {@code vision-zone} or {@code municipality}
     * @param prefectureCode the two digits of the area's prefecture (its own for a prefecture)
     */
    public record Match(
            String iri,
            String href,
            String label,
            String kind,
            String code,
            String prefecture,
            String prefectureCode,
            List<Zone> zones) {}

    private final KnowledgeStore store;
    private final Query query;
    private final Duration timeout;
    private final String base;

    AreaLookup(KnowledgeStore store, StoreProperties properties) {
        this.store = store;
        this.query = NamedQueryCatalog.query("search/areas-by-name");
        this.timeout = properties.query().timeout();
        this.base = properties.baseIri();
    }

    /** The areas whose name contains {@code needle}, best matches first; none for a blank needle. */
    public List<Match> find(String needle, String lang) {
        String text = needle == null ? "" : needle.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add("needle", ResourceFactory.createStringLiteral(text));
        ResultSet rows = store.select(query, bindings, timeout);
        Map<String, Match> found = new LinkedHashMap<>();
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            String area = row.getResource("area").getURI();
            Match match = found.computeIfAbsent(area, a -> {
                String prefecture = iri(row, "prefecture");
                String kind = kind(iri(row, "kind"));
                String code = text(row, "areaCode");
                return new Match(
                        a,
                        href(a),
                        pick(row, "areaLabel", lang, code == null ? a : code),
                        kind,
                        code,
                        pick(row, "prefectureLabel", lang, null),
                        "prefecture".equals(kind) ? code : prefecture == null ? null : lastSegment(prefecture),
                        new ArrayList<>());
            });
            String zone = iri(row, "zone");
            if (zone != null && match.zones().stream().noneMatch(z -> z.iri().equals(zone))) {
                match.zones()
                        .add(new Zone(zone, href(zone), pick(row, "zoneLabel", lang, zone), text(row, "zoneCode")));
            }
        }
        return List.copyOf(found.values());
    }

    /** The page of an area IRI of this knowledge base: {@code {base}id/area/…} → {@code /doc/area/…}. */
    private String href(String iri) {
        return iri.startsWith(base + "id/") ? "/doc/" + iri.substring((base + "id/").length()) : iri;
    }

    private static String kind(String classIri) {
        if (classIri == null) {
            return null;
        }
        if (classIri.equals(KK.Prefecture.getURI())) {
            return "prefecture";
        }
        if (classIri.equals(KK.VisionZone.getURI())) {
            return "vision-zone";
        }
        return "municipality";
    }

    private static String pick(QuerySolution row, String var, String lang, String fallback) {
        String en = "en".equals(lang) ? text(row, var + "En") : null;
        String ja = text(row, var);
        return en != null ? en : ja != null ? ja : fallback;
    }

    private static String iri(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        return n != null && n.isURIResource() ? n.asResource().getURI() : null;
    }

    private static String text(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        return n != null && n.isLiteral() ? n.asLiteral().getLexicalForm() : null;
    }

    private static String lastSegment(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
