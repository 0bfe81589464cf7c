package jp.kakaritsuke.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The {@code kb.*} keys of application.properties bind to {@link StoreProperties}. */
class StorePropertiesTest {

    private static StoreProperties bind(Map<?, ?> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("kb", StoreProperties.class);
    }

    @Test
    void shippedApplicationPropertiesBind() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        StoreProperties p = bind(shipped);
        assertEquals("http://localhost:8080/", p.baseIri());
        assertEquals(Path.of("data"), p.data().dir());
        assertTrue(p.data().includeDemo());
        assertEquals(StoreProperties.Kind.TDB2, p.store().kind());
        assertEquals(Path.of("var/tdb2"), p.store().tdb2().location());
        assertEquals(Duration.ofSeconds(10), p.query().timeout());
    }

    @Test
    void remoteSettingsBind() {
        StoreProperties p = bind(Map.of(
                "kb.store.kind", "remote",
                "kb.store.remote.destination", "http://localhost:3030/kb",
                "kb.store.remote.query-endpoint", "query",
                "kb.store.remote.username", "reader",
                "kb.store.remote.password", "secret",
                "kb.query.timeout", "250ms"));
        assertEquals(StoreProperties.Kind.REMOTE, p.store().kind());
        assertEquals("http://localhost:3030/kb", p.store().remote().destination());
        assertEquals("query", p.store().remote().queryEndpoint());
        assertEquals("update", p.store().remote().updateEndpoint());
        assertEquals("data", p.store().remote().gspEndpoint());
        assertEquals("reader", p.store().remote().username());
        assertEquals(Duration.ofMillis(250), p.query().timeout());
        assertTrue(!p.store().remote().toString().contains("secret"), "the password stays out of logs");
    }

    @Test
    void aBaseIriWithoutTrailingSlashIsRefused() {
        assertThrows(BindException.class, () -> bind(Map.of("kb.base-iri", "http://example.org/kb")));
    }

    @Test
    void theBaseIriFollowsTheServerPortUnlessItIsSet() {
        assertEquals("http://localhost:9090/", baseIriWith(Map.of("server.port", "9090")));
        assertEquals("http://localhost:8080/", baseIriWith(Map.of("server.port", "0")));
        assertEquals("http://localhost:8080/", baseIriWith(Map.of()));
        assertEquals(
                "https://kb.example.org/",
                baseIriWith(Map.of("server.port", "9090", "kb.base-iri", "https://kb.example.org/")));
    }

    private static String baseIriWith(Map<String, Object> settings) {
        var environment = new org.springframework.core.env.StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource("settings", settings));
        new BaseIriDefault().postProcessEnvironment(environment, new org.springframework.boot.SpringApplication());
        return environment.getProperty("kb.base-iri");
    }
}
