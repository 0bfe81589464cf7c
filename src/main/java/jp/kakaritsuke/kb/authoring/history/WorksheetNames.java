package jp.kakaritsuke.kb.authoring.history;

import java.util.regex.Pattern;

/**
 * The IRIs of one worksheet and of its history, all under the base IRI {@code kb.base-iri}:
 * <ul>
 * <li>{@code id/worksheet/{slug}} — the worksheet;</li>
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
            throw new IllegalArgumentException("A worksheet slug is 1 to 100 lower-case letters, digits and inner "
                    + "hyphens: '" + slug + "'");
        }
    }

    /** True if {@code slug} can name a worksheet. */
    public static boolean isSlug(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    public String worksheet() {
        return base + "id/worksheet/" + slug;
    }

    public String graph() {
        return base + "graph/worksheet/" + slug;
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
