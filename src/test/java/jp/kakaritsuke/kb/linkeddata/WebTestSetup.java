package jp.kakaritsuke.kb.linkeddata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The one application context the linked-data and export web tests share (same annotation, so Spring starts it
 * once): the whole application on a fresh TDB2 store under {@code target/} holding the shipped data (synthetic demo
 * data left out, so that the expected subsets stay fixed) plus {@code linkeddata/fixture.trig}; a sample shapes
 * file; a contact point for the dataset description; and a stand-in for a type-specific HTML page at {@code /doc/agent/{name}} to prove that such pages and the
 * generic mapping coexist.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "kb.linkeddata.shapes=classpath:linkeddata/shapes-sample.ttl",
            "kb.base-iri=" + WebTestSetup.BASE,
            "kb.store.kind=tdb2",
            "kb.store.tdb2.location=target/test-tdb2/linked-${random.uuid}",
            "kb.data.dir=data",
            "kb.data.include-demo=false",
            "kb.catalog.contact-name=協議の場 事務局",
            "kb.catalog.contact-email=desk@example.org"
        })
@AutoConfigureMockMvc
@Import(WebTestSetup.Beans.class)
public @interface WebTestSetup {

    /** The base IRI the tests use (the application's default). */
    String BASE = "http://localhost:8080/";

    /** The fixture loader and the stand-in page. */
    @TestConfiguration
    class Beans {

        @Bean
        Fixture fixture(KnowledgeStore store) {
            DatasetGraph fixture = DatasetGraphFactory.create();
            RDFParser.source(Path.of("src/test/resources/linkeddata/fixture.trig"))
                    .base(BASE)
                    .lang(Lang.TRIG)
                    .parse(fixture);
            store.replaceGraphs(fixture);
            return new Fixture();
        }

        @Bean
        AgentPage agentPage() {
            return new AgentPage();
        }
    }

    /** Marks that the fixture has been added to the store. */
    final class Fixture {}

    /** A specific HTML page, mapped the way the browse pages are; @TestComponent keeps it out of component scans. */
    @Controller
    @TestComponent
    class AgentPage {

        static final String BODY = "<!DOCTYPE html><html><body><p id=\"specific\">agent</p></body></html>";

        @GetMapping(value = "/doc/agent/{name}", produces = MediaType.TEXT_HTML_VALUE)
        @ResponseBody
        String page() {
            return BODY;
        }
    }
}
