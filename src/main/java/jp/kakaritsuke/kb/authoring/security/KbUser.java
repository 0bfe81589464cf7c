package jp.kakaritsuke.kb.authoring.security;

import java.util.Collection;
import java.util.Set;
import jp.kakaritsuke.kb.authoring.Author;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in user as Spring Security holds it, carrying the prefectures an editor may write for. */
public class KbUser extends User {

    private final Author author;

    KbUser(Author author, String passwordHash, Collection<? extends GrantedAuthority> authorities) {
        super(author.name(), passwordHash, authorities);
        this.author = author;
    }

    /** The user as the worksheet repository sees it. */
    public Author author() {
        return author;
    }

    /** The prefectures an editor may write for. */
    public Set<String> prefectures() {
        return author.prefectures();
    }
}
