package jp.kakaritsuke.kb.authoring.security;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.kb.authoring.Author;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may do what. Reading is public. Writing needs a signed-in editor or administrator; which worksheets an editor
 * may write is decided by the worksheet repository (by area). SPARQL Update, Graph Store writes and backups are for
 * administrators only.
 *
 * <p>Two filter chains. Machine clients — the REST API ({@code /api/**}), the SPARQL endpoints ({@code /sparql},
 * {@code /admin/sparql}), the operations endpoints ({@code /actuator/**}) — use HTTP Basic, keep no session and need no CSRF token; a request without credentials
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
    SecurityFilterChain machineClients(HttpSecurity http, LoginThrottle throttle) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("kakaritsuke-kb");
        http.securityMatcher("/api/**", "/sparql", "/sparql/**", "/admin/sparql", "/admin/sparql/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        // Probes read health without credentials (details only for administrators); metrics and
                        // the other operations endpoints are for administrators.
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/sparql", "/sparql/**", "/api/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/sparql", "/sparql/**", "/api/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/sparql", "/sparql/**", "/api/**")
                        .permitAll()
                        // Queries may be POSTed; the public endpoint's service is query-only, so updates sent here
                        // are refused by it whoever sends them.
                        .requestMatchers(HttpMethod.POST, "/sparql", "/sparql/**")
                        .permitAll()
                        .requestMatchers("/sparql", "/sparql/**")
                        .hasRole(ADMIN)
                        .anyRequest()
                        .authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(throttledOr(basic, throttle)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(throttledOr(basic, throttle)));
        securityHeaders(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browsers(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/error", "/login")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole(ADMIN)
                        // The editor's pages: whoever is not signed in signs in first and comes back here.
                        .requestMatchers(HttpMethod.GET, "/worksheets/new", "/doc/worksheet/*/edit")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll().failureHandler(loginFailure()))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        securityHeaders(http);
        return http.build();
    }

    /**
     * The Content-Security-Policy of every response: scripts only from this site (no inline script, no
     * {@code eval}), nothing embedded from elsewhere, forms posting only here, no framing. Inline style attributes
     * stay allowed (the editor's CodeMirror and a few templates position elements with them).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static void securityHeaders(HttpSecurity http) throws Exception {
        http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    }

    /** Form sign-in failures: a locked account or address gets its own message on the sign-in page. */
    private static AuthenticationFailureHandler loginFailure() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        return handler;
    }

    /** Machine clients: a locked account or address answers 429 with a plain message; other failures 401. */
    private static AuthenticationEntryPoint throttledOr(AuthenticationEntryPoint otherwise, LoginThrottle throttle) {
        return (request, response, exception) -> {
            if (exception instanceof LockedException) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(
                        "Retry-After", Long.toString(throttle.lockout().toSeconds()));
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().println(exception.getMessage());
                return;
            }
            otherwise.commence(request, response, exception);
        };
    }

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties properties) {
        return new LoginThrottle(properties);
    }

    @Bean
    AuthenticationProvider throttledAuthentication(
            UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
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
                throw new IllegalStateException(
                        "kb.security.users: user " + account.name() + " has the role '" + role
                                + "'; roles are EDITOR and ADMIN",
                        e);
            }
        }
        try {
            return new Author(account.name(), roles, new LinkedHashSet<>(account.prefectures()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kb.security.users: " + e.getMessage(), e);
        }
    }
}
