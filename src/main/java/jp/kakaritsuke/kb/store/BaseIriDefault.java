package jp.kakaritsuke.kb.store;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The default of {@code kb.base-iri}: the application's own address, {@code http://localhost:{server.port}/}, so
 * that starting it on another port mints IRIs that resolve there. Any {@code kb.base-iri} that is set (properties,
 * command line, environment) wins; a random port ({@code server.port=0}, as tests use) or none gives port 8080.
 */
public class BaseIriDefault implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "kbBaseIriDefault";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        int port = environment.getProperty("server.port", Integer.class, 8080);
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of("kb.base-iri", baseIri(port))));
    }

    /** {@code http://localhost:{port}/}, port 8080 when {@code port} is not a fixed port. */
    static String baseIri(int port) {
        return "http://localhost:" + (port > 0 ? port : 8080) + "/";
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
