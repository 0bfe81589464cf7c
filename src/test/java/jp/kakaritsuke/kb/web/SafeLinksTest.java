package jp.kakaritsuke.kb.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which link targets pages may carry as href: relative paths and safe schemes only. */
class SafeLinksTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/doc/worksheet/x",
                "doc/x",
                "#measure-1",
                "?lang=en",
                "https://w3id.org/kakaritsuke/x",
                "http://example.org/",
                "mailto:someone@example.org",
                "urn:isbn:4-00-000000-0",
                "HTTPS://EXAMPLE.ORG/"
            })
    void safe(String link) {
        assertTrue(SafeLinks.isSafe(link), link);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                " javascript:alert(1)",
                "java\tscript:alert(1)",
                "data:text/html;base64,PHNjcmlwdD4=",
                "vbscript:msgbox(1)",
                "file:///etc/passwd"
            })
    void unsafe(String link) {
        assertFalse(SafeLinks.isSafe(link), link);
    }
}
