package jp.kakaritsuke.kb.authoring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Security headers and cookie flags on pages, and the throttling of failed sign-ins per account and per client
 * address, for HTTP Basic (429 with a message) and the sign-in form (its own message), with the development accounts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "kb.security.login.max-failures-per-account=3", "kb.security.login.max-failures-per-address=10",
            "kb.security.login.lockout=PT5M", "spring.profiles.active=dev"
        })
class SignInThrottlingAndHeadersTest {

    @TempDir
    static Path tdb2;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("kb.store.tdb2.location", () -> tdb2.toString());
        registry.add("kb.data.include-demo", () -> "false");
    }

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScriptAReferrerPolicyAndALaxSessionCookie() throws Exception {
        for (String path : List.of("/", "/query", "/login", "/api/worksheets/mhlw-2025-f1")) {
            HttpResponse<String> page = send(request(path).GET().build());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse(null);
            assertNotNull(csp, path);
            String scriptSrc = List.of(csp.split(";")).stream()
                    .map(String::strip)
                    .filter(d -> d.startsWith("script-src"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("script-src 'self'", scriptSrc, path);
            assertTrue(csp.contains("frame-ancestors 'none'"), path);
            assertEquals(
                    "strict-origin-when-cross-origin",
                    page.headers().firstValue("Referrer-Policy").orElse(null),
                    path);
        }
        HttpResponse<String> login = send(request("/login").GET().build());
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        // No page of the application carries inline script.
        for (String path : List.of("/", "/query", "/login")) {
            Document doc = Jsoup.parse(send(request(path).GET().build()).body());
            assertTrue(doc.select("script:not([src])").isEmpty(), path);
            assertTrue(doc.select("[onclick],[onload],[onchange],[onsubmit]").isEmpty(), path);
        }
    }

    @Test
    void failedSignInsLockTheAccountAndThenTheClientAddress() throws Exception {
        // HTTP Basic: three wrong passwords lock editor13, even for the right password; admin is not affected.
        for (int i = 0; i < 3; i++) {
            assertEquals(401, basic("editor13:wrong-" + i).statusCode());
        }
        HttpResponse<String> locked = basic("editor13:dev-editor-2026");
        assertEquals(429, locked.statusCode());
        assertTrue(locked.body().contains("Too many failed sign-ins"), locked.body());
        assertEquals("300", locked.headers().firstValue("Retry-After").orElse(null));
        assertEquals(200, basic("admin:dev-admin-2026").statusCode());

        // The sign-in form: three wrong passwords for admin, then the right one lands on the locked message.
        for (int i = 0; i < 3; i++) {
            assertEquals("/login?error", formLogin("admin", "wrong-" + i));
        }
        assertEquals("/login?locked", formLogin("admin", "dev-admin-2026"));
        Document page =
                Jsoup.parse(send(request("/login?locked&lang=en").GET().build()).body());
        assertTrue(page.select("#login-locked").text().contains("Too many failed sign-ins"), page.html());

        // Ten failures from this address in all: now even a name never tried before is refused unchecked.
        for (int i = 0; i < 4; i++) {
            assertEquals(401, basic("nobody-" + i + ":x").statusCode());
        }
        assertEquals(429, basic("somebody-else:x").statusCode());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A read that needs credentials: the history of a worksheet is public, so ask the admin-only endpoint. */
    private HttpResponse<String> basic(String credentials) throws IOException, InterruptedException {
        return send(request("/admin/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build());
    }

    /** Signs in through the form (with its CSRF token and session) and returns where the browser is sent. */
    private String formLogin(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = send(request("/login").GET().build());
        String session = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        String token = Jsoup.parse(form.body()).select("input[name=_csrf]").attr("value");
        assertFalse(token.isEmpty());
        String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token;
        HttpResponse<String> posted = send(request("/login")
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertEquals(302, posted.statusCode());
        return URI.create(posted.headers().firstValue("Location").orElseThrow()).getRawPath()
                + (URI.create(posted.headers().firstValue("Location").orElseThrow())
                                        .getRawQuery()
                                == null
                        ? ""
                        : "?"
                                + URI.create(posted.headers()
                                                .firstValue("Location")
                                                .orElseThrow())
                                        .getRawQuery());
    }
}
