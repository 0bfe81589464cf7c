package jp.kakaritsuke.kb.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every SPARQL text of the application is a file under {@code queries/} (one door for queries): no string literal or
 * text block of {@code src/main/java} reads as SPARQL. The check looks for the shapes of SPARQL (a keyword followed
 * by what follows it in a query: {@code SELECT ?x}, {@code ASK {}, {@code WHERE {}, {@code PREFIX p: <…>}, a
 * keyword left open for concatenation), not for words, so messages that name a query form ("not a SELECT query")
 * pass.
 */
class NoSparqlInJavaTest {

    private static final Path SOURCES = Path.of("src/main/java");

    private static final List<Pattern> SPARQL = Stream.of(
                    "\\bselect\\s+(?:distinct\\s+|reduced\\s+)?(?:[?$*]|\\()",
                    "\\b(?:construct|ask|describe)\\s*(?:\\{|where\\b|[?$])",
                    "\\bwhere\\s*\\{",
                    "(?<!@)\\bprefix\\s+[\\w-]*:\\s*<",
                    "\\b(?:insert|delete)\\s+(?:data\\s*)?\\{",
                    "\\b(?:optional|minus)\\s*\\{",
                    "\\b(?:order|group)\\s+by\\s+[?$(]",
                    "\\b(?:limit|offset)\\s+\\d",
                    "\\bgraph\\s*[?$]\\w+\\s*\\{")
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE))
            .toList();

    /** A literal that ends in a query keyword, the head of a query built by concatenation: {@code "SELECT " + …}. */
    private static final Pattern OPEN_KEYWORD =
            Pattern.compile("\\b(?:SELECT|CONSTRUCT|ASK|DESCRIBE|WHERE|PREFIX|FILTER|GRAPH|LIMIT|OFFSET)\\s+$");

    @Test
    void noJavaSourceHoldsSparqlText() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                for (Literal literal : JavaLiterals.of(source)) {
                    if (readsAsSparql(literal.text())) {
                        found.add(SOURCES.relativize(file) + ":" + literal.line() + ": " + abbreviated(literal.text()));
                    }
                }
            }
        }
        assertThat(found)
                .as("SPARQL text in Java source (write it as a file under queries/ and run it through the catalogue)")
                .isEmpty();
    }

    @Test
    void theCheckSeesQueriesAndLetsMessagesPass() {
        for (String sparql : List.of(
                "ASK {}",
                "ASK { ?area a ?type }",
                "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }",
                "select (count(*) as ?n) { ?s ?p ?o }",
                "PREFIX kk: <https://w3id.org/kakaritsuke/ontology#>",
                "CONSTRUCT { ?s ?p ?o }",
                "SELECT ?s ?p ?o WHERE { GRAPH <",
                "SELECT * WHERE { { ",
                " } } LIMIT 10 OFFSET ",
                "SELECT ",
                "INSERT DATA { <a> <b> <c> }")) {
            assertThat(readsAsSparql(sparql)).as(sparql).isTrue();
        }
        for (String message : List.of(
                "a named query must be SELECT, CONSTRUCT or ASK",
                "query 'x' is a CONSTRUCT query, not SELECT",
                "CONSTRUCT or DESCRIBE",
                "The read of graph <",
                "@prefix http: <http://www.w3.org/2011/http#> .",
                "Select a prefecture",
                "Where do I start?",
                "SELECT")) {
            assertThat(readsAsSparql(message)).as(message).isFalse();
        }
    }

    @Test
    void literalsAreReadAsJavaReadsThem() {
        String source = """
                class A {
                    // "SELECT ?x" in a comment is not a literal
                    String a = "one \\" two";
                    char c = '"';
                    String b = \"""
                            text block
                            \""";
                }
                """;
        assertThat(JavaLiterals.of(source).stream().map(Literal::text)).containsExactly("one \\\" two", "text block\n");
    }

    static boolean readsAsSparql(String text) {
        return SPARQL.stream().anyMatch(p -> p.matcher(text).find())
                || OPEN_KEYWORD.matcher(text).find();
    }

    private static String abbreviated(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    record Literal(int line, String text) {}

    /** The string literals and text blocks of a Java source, with the line they start on; comments are skipped. */
    static final class JavaLiterals {

        private JavaLiterals() {}

        static List<Literal> of(String source) {
            List<Literal> literals = new ArrayList<>();
            int line = 1;
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (source.startsWith("//", i)) {
                    while (i < n && source.charAt(i) != '\n') {
                        i++;
                    }
                } else if (source.startsWith("/*", i)) {
                    int end = source.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    line += count(source, i, end);
                    i = end;
                } else if (source.startsWith("\"\"\"", i)) {
                    int start = source.indexOf('\n', i) + 1;
                    int end = start;
                    while (end < n && !source.startsWith("\"\"\"", end)) {
                        end += source.charAt(end) == '\\' ? 2 : 1;
                    }
                    literals.add(new Literal(line, source.substring(start, end).stripIndent()));
                    line += count(source, i, end);
                    i = Math.min(n, end + 3);
                } else if (c == '"' || c == '\'') {
                    int end = i + 1;
                    while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                        end += source.charAt(end) == '\\' ? 2 : 1;
                    }
                    if (c == '"') {
                        literals.add(new Literal(line, source.substring(i + 1, Math.min(end, n))));
                    }
                    i = end + 1;
                } else {
                    i++;
                }
            }
            return literals;
        }

        private static int count(String s, int from, int to) {
            int lines = 0;
            for (int k = from; k < Math.min(to, s.length()); k++) {
                if (s.charAt(k) == '\n') {
                    lines++;
                }
            }
            return lines;
        }
    }
}
