package jp.kakaritsuke.kb.worksheet;

import java.util.regex.Pattern;

/**
 * The IRIs of one worksheet and of its history, all under the base IRI {@code kb.base-iri}:
 * <ul>
 * <li>{@code id/worksheet/{slug}} — the worksheet;</li>
 * <li>{@code id/worksheet/{slug}/{item}} — its items, {@code {item}} as {@link ItemKind#path} gives it
 * ({@code cause/1}, {@code measure/2/action/1}, {@code effect});</li>
 * <li>{@code graph/worksheet/{slug}} — its current content;</li>
 * <li>{@code graph/history/{slug}} — the PROV-O record of every write;</li>
 * <li>{@code graph/worksheet/{slug}/version/{n}} — version {@code n}: the entity and the graph holding its
 * snapshot;</li>
 * <li>{@code id/history/{slug}/{n}} — the activity (save, restore, delete) that made version {@code n};</li>
 * <li>{@code id/user/{name}} — a user, the agent of an activity.</li>
 * </ul>
 *
 * @param base the base IRI, ending with {@code /}
 * @param slug the worksheet's slug
 */
public record WorksheetNames(String base, String slug) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?");

    public WorksheetNames {
        if (!isSlug(slug)) {
            throw new IllegalArgumentException(
                    "A worksheet slug is 1 to 100 lower-case letters, digits and inner " + "hyphens: '" + slug + "'");
        }
    }

    /** True if {@code slug} can name a worksheet. */
    public static boolean isSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    /** The prefix of every worksheet IRI under {@code base}: {@code {base}id/worksheet/}. */
    public static String worksheetPrefix(String base) {
        return base + "id/worksheet/";
    }

    /** The prefix of every worksheet graph under {@code base}: {@code {base}graph/worksheet/}. */
    public static String graphPrefix(String base) {
        return base + "graph/worksheet/";
    }

    /** The slug of a worksheet IRI under {@code base}, or null if {@code iri} is not one. */
    public static String slugOf(String base, String iri) {
        String prefix = worksheetPrefix(base);
        if (iri == null || !iri.startsWith(prefix)) {
            return null;
        }
        String slug = iri.substring(prefix.length());
        return isSlug(slug) ? slug : null;
    }

    public String worksheet() {
        return worksheetPrefix(base) + slug;
    }

    /** The IRI of an item: {@code id/worksheet/{slug}/cause/2}, {@code …/measure/1/role/2}, {@code …/effect}. */
    public String item(ItemKind kind, int parent, int number) {
        return worksheet() + "/" + kind.path(parent, number);
    }

    public String graph() {
        return graphPrefix(base) + slug;
    }

    public String history() {
        return base + "graph/history/" + slug;
    }

    public String version(int n) {
        return graph() + "/version/" + n;
    }

    public String activity(int n) {
        return base + "id/history/" + slug + "/" + n;
    }

    public String user(String name) {
        return base + "id/user/" + name;
    }

    /** The user name of a user IRI, or the IRI itself if it is not one of ours. */
    public String userName(String userIri) {
        String prefix = base + "id/user/";
        return userIri.startsWith(prefix) ? userIri.substring(prefix.length()) : userIri;
    }
}
