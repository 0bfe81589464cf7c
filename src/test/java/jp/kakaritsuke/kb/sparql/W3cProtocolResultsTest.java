package jp.kakaritsuke.kb.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the published W3C protocol results (src/test/resources/w3c-protocol/RESULTS.md) true: the table lists
 * every entry of the W3C manifest once, in order, each with a test method of that name, and every W3C test method
 * is in the table; the summary line counts the table; every result other than pass says why.
 */
class W3cProtocolResultsTest {

    /** The entries of sparql11/protocol/manifest.ttl, in manifest order. */
    private static final List<String> MANIFEST = List.of(
            "query_post_form",
            "query_dataset_default_graphs_get",
            "query_dataset_default_graphs_post",
            "query_dataset_named_graphs_post",
            "query_dataset_named_graphs_get",
            "query_dataset_full",
            "query_multiple_dataset",
            "query_get",
            "query_content_type_select",
            "query_content_type_ask",
            "query_content_type_describe",
            "query_content_type_construct",
            "update_dataset_default_graph",
            "update_dataset_default_graphs",
            "update_dataset_named_graphs",
            "update_dataset_full",
            "update_post_form",
            "update_post_direct",
            "update_base_uri",
            "query_post_direct",
            "bad_query_method",
            "bad_multiple_queries",
            "bad_query_wrong_media_type",
            "bad_query_missing_form_type",
            "bad_query_missing_direct_type",
            "bad_query_non_utf8",
            "bad_query_syntax",
            "bad_update_get",
            "bad_multiple_updates",
            "bad_update_wrong_media_type",
            "bad_update_missing_form_type",
            "bad_update_non_utf8",
            "bad_update_syntax",
            "bad_update_dataset_conflict");

    private static final Set<String> RESULTS = Set.of("pass", "fail", "not applicable");

    private static final Pattern ROW =
            Pattern.compile("^\\| ([a-z0-9_]+) \\| (.+?) \\| (pass|fail|not applicable|[^|]*) \\| (.*)\\|$");
    private static final Pattern SUMMARY =
            Pattern.compile("Summary: (\\d+) pass, (\\d+) fail, (\\d+) not applicable\\.");

    @Test
    void resultsTableAgreesWithTheManifestAndTheTests() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/w3c-protocol/RESULTS.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> results = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (!row.matches() || row.group(1).equals("test")) {
                continue;
            }
            String id = row.group(1);
            String result = row.group(3).strip();
            if (!RESULTS.contains(result)) {
                problems.add(id + ": unknown result '" + result + "'");
            }
            if (!result.equals("pass") && row.group(4).isBlank()) {
                problems.add(id + ": a " + result + " must say why");
            }
            if (results.put(id, result) != null) {
                problems.add(id + ": listed twice");
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(MANIFEST, List.copyOf(results.keySet()), "the table lists the manifest's entries in order");

        Set<String> methods = new TreeSet<>();
        for (Method m : SparqlServiceAppTest.W3cProtocol.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Test.class)) {
                methods.add(m.getName());
            }
        }
        assertEquals(new TreeSet<>(MANIFEST), methods, "one test method per manifest entry, named after its id");

        Matcher summary = SUMMARY.matcher(text);
        assertTrue(summary.find(), "the file ends with a summary line");
        long[] counted = {count(results, "pass"), count(results, "fail"), count(results, "not applicable")};
        long[] stated = {
            Long.parseLong(summary.group(1)), Long.parseLong(summary.group(2)), Long.parseLong(summary.group(3))
        };
        assertEquals(Arrays.toString(counted), Arrays.toString(stated), "summary counts");
        assertFalse(results.isEmpty());
    }

    private static long count(Map<String, String> results, String result) {
        return results.values().stream().filter(result::equals).count();
    }
}
