package jp.kakaritsuke.kb.authoring;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who writes: a user name, its roles and the prefectures (JIS codes, two digits) an editor may write for. The
 * history records the name as the agent {@code {base}id/user/{name}}.
 *
 * @param name user name; letters, digits, {@code . _ -} only, so that it can be part of an IRI
 * @param roles what the user may do
 * @param prefectures JIS X 0401 codes of the prefectures whose areas an editor may write
 */
public record Author(String name, Set<Role> roles, Set<String> prefectures) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PREFECTURE = Pattern.compile("(0[1-9]|[1-3][0-9]|4[0-7])");

    /** What a user may do. */
    public enum Role {
        /** Writes worksheets of the areas in the editor's prefectures. */
        EDITOR,
        /** Writes everything, including the placeholder area, SPARQL Update, the Graph Store and backups. */
        ADMIN
    }

    public Author {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A user name is 1 to 64 letters, digits, '.', '_' or '-': " + name);
        }
        roles = Set.copyOf(roles);
        prefectures = Set.copyOf(prefectures);
        for (String code : prefectures) {
            if (!PREFECTURE.matcher(code).matches()) {
                throw new IllegalArgumentException("User " + name + ": a prefecture is a two-digit JIS X 0401 code "
                        + "01 to 47, not '" + code + "'");
            }
        }
    }

    /** An administrator, for writes that no web user makes (command-line imports, restores). */
    public static Author admin(String name) {
        return new Author(name, Set.of(Role.ADMIN), Set.of());
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
