package jp.kakaritsuke.kb.authoring.security;

import java.util.EnumSet;
import java.util.Set;
import jp.kakaritsuke.kb.authoring.Author;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Turns Spring Security's signed-in user into the {@link Author} the worksheet repository checks. */
public final class Authors {

    private Authors() {}

    /**
     * The author of a request; null when nobody is signed in. Users of the configured accounts keep their
     * prefectures; any other authenticated principal gets its roles from its authorities and no prefecture.
     */
    public static Author of(Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        if (authentication.getPrincipal() instanceof KbUser user) {
            return user.author();
        }
        Set<Author.Role> roles = EnumSet.noneOf(Author.Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Author.Role role : Author.Role.values()) {
                if (("ROLE_" + role.name()).equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new Author(authentication.getName(), roles, Set.of());
    }

    /** True if the request's user may write at all (an editor or an administrator). */
    public static boolean canWrite(Authentication authentication) {
        Author author = of(authentication);
        return author != null && !author.roles().isEmpty();
    }
}
