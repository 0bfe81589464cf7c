package jp.kakaritsuke.kb.authoring;

import java.util.Map;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.springframework.stereotype.Component;

/**
 * Who may write which worksheet: an administrator any; an editor those whose {@code kk:area} is one of the editor's
 * prefectures or lies in one (by {@code kk:inPrefecture} or a chain of {@code kk:partOf}, as the area graphs record
 * them). The placeholder area「XXX地域」lies in no prefecture, so only administrators write it.
 *
 * <p>The area links are read from the store's union graph (named query {@code authoring/area-in-prefecture}). A worksheet graph cannot forge them: the validator refuses
 * worksheet graphs that describe anything but the worksheet and its items.
 */
@Component
class AreaAccess {

    private static final Node AREA = KK.area.asNode();

    private final NamedQueryRunner queries;

    AreaAccess(NamedQueryRunner queries) {
        this.queries = queries;
    }

    /** The worksheet's area, or null when the graph names none. */
    static Node areaOf(Graph worksheet, Node worksheetNode) {
        var it = worksheet.find(worksheetNode, AREA, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    /** Throws {@link WriteDeniedException} unless {@code author} may write a worksheet of {@code area}. */
    void requireMayWrite(Author author, Node area, String slug) {
        if (author.isAdmin()) {
            return;
        }
        if (author.roles().contains(Author.Role.EDITOR) && area != null && area.isURI()) {
            for (String code : author.prefectures()) {
                Map<String, String> bindings = Map.of("area", area.getURI(), "prefecture", "id/area/pref/" + code);
                if (queries.ask("authoring/area-in-prefecture", bindings)) {
                    return;
                }
            }
        }
        throw new WriteDeniedException("User " + author.name() + " may not write worksheet " + slug + " of area "
                + (area == null ? "(none)" : "<" + (area.isURI() ? area.getURI() : area.toString()) + ">")
                + ": "
                + (author.roles().contains(Author.Role.EDITOR)
                        ? "it is not in the editor's prefectures " + author.prefectures()
                        : "the user has no editor role"));
    }
}
