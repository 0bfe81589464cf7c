package jp.kakaritsuke.kb.authoring.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code kb.security.users[i].*} settings: who may sign in to write.
 *
 * @param users the accounts
 */
@ConfigurationProperties("kb.security")
public record UserAccountsProperties(@DefaultValue List<Account> users) {

    /**
     * One account.
     *
     * @param name the user name (letters, digits, {@code . _ -})
     * @param password the password hash, {@code {bcrypt}$2a$…} (or {@code $2b$}, {@code $2y$}); plain text is
     *        refused at start-up
     * @param roles {@code EDITOR} and/or {@code ADMIN}
     * @param prefectures for an editor, the JIS X 0401 codes (two digits) of the prefectures it writes for
     */
    public record Account(
            String name,
            String password,
            @DefaultValue List<String> roles,
            @DefaultValue List<String> prefectures) {

        @Override
        public String toString() {
            // Never print the hash into logs.
            return "Account[name=" + name + ", roles=" + roles + ", prefectures=" + prefectures + "]";
        }
    }
}
