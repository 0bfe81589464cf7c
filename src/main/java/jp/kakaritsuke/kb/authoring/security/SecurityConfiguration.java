package jp.kakaritsuke.kb.authoring.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import jakarta.servlet.DispatcherType;
import jp.kakaritsuke.kb.authoring.Author;

/**
 * Who may do what. Reading is public. Writing needs a signed-in editor or administrator; which worksheets an editor
 * may write is decided by the worksheet repository (by area). SPARQL Update, Graph Store writes and backups are for
 * administrators only.
 *
 * <p>Two filter chains. Machine clients — the REST API ({@code /api/**}), the SPARQL endpoints ({@code /sparql},
 * {@code /admin/sparql}) — use HTTP Basic, keep no session and need no CSRF token; a request without credentials
 * gets 401 with a Basic challenge. Everything else is for browsers: form login at {@code /login}, a session, CSRF
 * tokens on every form (Thymeleaf adds them to {@code th:action} forms); a write without a session is redirected to
 * the login page. Because the machine chain never reads the browser's session, a page on another site cannot make a
 * signed-in browser write through it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String ADMIN = Author.Role.ADMIN.name();

    @Bean
    @Order(1)
    SecurityFilterChain machineClients(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("kakaritsuke-kb");
        http.securityMatcher("/api/**", "/sparql", "/sparql/**", "/admin/sparql", "/admin/sparql/**")
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/sparql", "/sparql/**", "/api/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/sparql", "/sparql/**", "/api/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/sparql", "/sparql/**", "/api/**").permitAll()
                        // Queries may be POSTed; the public endpoint's service is query-only, so updates sent here
                        // are refused by it whoever sends them.
                        .requestMatchers(HttpMethod.POST, "/sparql", "/sparql/**").permitAll()
                        .requestMatchers("/sparql", "/sparql/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(basic));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browsers(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error", "/login").permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The configured accounts, checked once: bcrypt hashes only, known roles, valid prefecture codes. */
    @Bean
    UserDetailsService userDetailsService(UserAccountsProperties properties) {
        Map<String, UserAccountsProperties.Account> accounts = new HashMap<>();
        Map<String, Author> authors = new HashMap<>();
        for (UserAccountsProperties.Account account : properties.users()) {
            Author author = author(account);
            if (account.password() == null || !account.password().startsWith("{bcrypt}$2")) {
                throw new IllegalStateException("kb.security.users: the password of " + account.name()
                        + " must be a bcrypt hash written as {bcrypt}$2a$…; see the README (Accounts and roles) for how to make "
                        + "one");
            }
            if (accounts.put(author.name(), account) != null) {
                throw new IllegalStateException("kb.security.users: user " + author.name() + " is configured twice");
            }
            authors.put(author.name(), author);
        }
        return name -> {
            UserAccountsProperties.Account account = accounts.get(name);
            if (account == null) {
                throw new UsernameNotFoundException("no such user");
            }
            Author author = authors.get(name);
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            author.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
            // A fresh object per sign-in: Spring erases the password hash of the one it authenticated.
            return new KbUser(author, account.password(), authorities);
        };
    }

    private static Author author(UserAccountsProperties.Account account) {
        Set<Author.Role> roles = EnumSet.noneOf(Author.Role.class);
        for (String role : account.roles()) {
            try {
                roles.add(Author.Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("kb.security.users: user " + account.name() + " has the role '"
                        + role + "'; roles are EDITOR and ADMIN", e);
            }
        }
        try {
            return new Author(account.name(), roles, new LinkedHashSet<>(account.prefectures()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kb.security.users: " + e.getMessage(), e);
        }
    }
}
