package jp.kakaritsuke.kb.linkeddata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

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

import jp.kakaritsuke.kb.store.KnowledgeStore;

/**
 * The one application context the linked-data and export web tests share (same annotation, so Spring starts it
 * once): the whole application over {@link TestStore}, a sample shapes file, and a stand-in for a type-specific
 * HTML page at {@code /doc/agent/{name}} to prove that such pages and the generic mapping coexist.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"kb.linkeddata.shapes=classpath:linkeddata/shapes-sample.ttl",
        "kb.base-iri=" + TestStore.BASE})
@AutoConfigureMockMvc
@Import(WebTestSetup.Beans.class)
public @interface WebTestSetup {

    /** The store and the stand-in page. */
    @TestConfiguration
    class Beans {

        @Bean(destroyMethod = "close")
        KnowledgeStore testStore() {
            return TestStore.loaded();
        }

        @Bean
        AgentPage agentPage() {
            return new AgentPage();
        }
    }

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
