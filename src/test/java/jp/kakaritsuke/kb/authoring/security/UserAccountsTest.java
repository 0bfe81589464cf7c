package jp.kakaritsuke.kb.authoring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import jp.kakaritsuke.kb.authoring.Author;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts from configuration: bcrypt hashes only, known roles, prefecture codes kept for the area check. */
class UserAccountsTest {

    private final SecurityConfiguration configuration = new SecurityConfiguration();
    private final PasswordEncoder encoder = configuration.passwordEncoder();

    private static UserAccountsProperties.Account account(
            String name, String password, String roles, String... prefectures) {
        return new UserAccountsProperties.Account(name, password, List.of(roles.split(",")), List.of(prefectures));
    }

    @Test
    void bcryptHashesFromHtpasswdOrSpringSignIn() {
        String spring = "{bcrypt}" + new BCryptPasswordEncoder().encode("secret-1");
        // htpasswd -B writes the $2y$ variant.
        String htpasswd =
                "{bcrypt}" + new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2Y, 10).encode("secret-2");
        assertTrue(htpasswd.startsWith("{bcrypt}$2y$"));
        UserDetailsService users = configuration.userDetailsService(new UserAccountsProperties(
                List.of(account("ed", spring, "EDITOR", "13", "27"), account("root", htpasswd, "ADMIN"))));

        UserDetails ed = users.loadUserByUsername("ed");
        assertTrue(encoder.matches("secret-1", ed.getPassword()));
        assertFalse(encoder.matches("secret-2", ed.getPassword()));
        assertTrue(encoder.matches("secret-2", users.loadUserByUsername("root").getPassword()));
        Author author = Authors.of(UsernamePasswordAuthenticationToken.authenticated(ed, null, ed.getAuthorities()));
        assertEquals(new Author("ed", Set.of(Author.Role.EDITOR), Set.of("13", "27")), author);
    }

    @Test
    void plainPasswordsUnknownRolesAndBadPrefecturesStopStartUp() {
        IllegalStateException plain = assertThrows(
                IllegalStateException.class,
                () -> configuration.userDetailsService(
                        new UserAccountsProperties(List.of(account("ed", "secret", "EDITOR", "13")))));
        assertTrue(plain.getMessage().contains("bcrypt"), plain.getMessage());
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("x");
        assertThrows(
                IllegalStateException.class,
                () -> configuration.userDetailsService(
                        new UserAccountsProperties(List.of(account("ed", hash, "WRITER", "13")))));
        IllegalStateException prefecture = assertThrows(
                IllegalStateException.class,
                () -> configuration.userDetailsService(
                        new UserAccountsProperties(List.of(account("ed", hash, "EDITOR", "48")))));
        assertTrue(prefecture.getMessage().contains("48"), prefecture.getMessage());
    }
}
