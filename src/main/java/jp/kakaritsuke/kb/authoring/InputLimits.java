package jp.kakaritsuke.kb.authoring;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on everything written into the knowledge base, whatever the route (the worksheet API, the import API and
 * form, the editor form, backup restore): how deeply an RDF document may nest ({@code kb.input.max-depth}) and how
 * long one text may be ({@code kb.input.max-text-length}, in UTF-8 bytes: an RDF literal, a spreadsheet or CSV cell,
 * a form field). RDF/XML may not declare external entities or an external DTD.
 *
 * <p>The nesting is measured on the document's text before it is parsed, so a document nested thousands of levels
 * deep is refused with its line and column instead of exhausting the parser's stack: JSON-LD counts objects and
 * arrays; Turtle, TriG, N-Triples and N-Quads count {@code [ ( {} and quoted triples {@code << >>}; RDF/XML counts
 * elements.
 *
 * @param maxDepth the deepest nesting accepted
 * @param maxTextLength the longest text accepted, in UTF-8 bytes
 */
@ConfigurationProperties("kb.input")
public record InputLimits(
        @DefaultValue("64") int maxDepth,
        @DefaultValue("100KB") DataSize maxTextLength) {

    private static final Pattern EXTERNAL = Pattern.compile("\\b(SYSTEM|PUBLIC)\\s*[\"']");

    public InputLimits {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("kb.input.max-depth must be at least 1: " + maxDepth);
        }
        if (maxTextLength.toBytes() < 1) {
            throw new IllegalArgumentException("kb.input.max-text-length must be positive: " + maxTextLength);
        }
    }

    /** The documented defaults: 64 levels, 100 KB per text. */
    public static InputLimits defaults() {
        return new InputLimits(64, DataSize.ofKilobytes(100));
    }

    /** Why a document is refused before parsing, and where (line and column, 1-based). */
    public record Refusal(Kind kind, long line, long column, int limit) {

        /** The kinds of refusal. */
        public enum Kind {
            /** Nested deeper than {@code kb.input.max-depth}. */
            DEPTH,
            /** RDF/XML declaring an external entity or DTD. */
            EXTERNAL_ENTITY
        }

        /** The refusal in English, with its place. */
        public String message() {
            String what = kind == Kind.DEPTH
                    ? "nested more than " + limit + " levels deep (kb.input.max-depth)"
                    : "external entities and DTDs are not accepted in RDF/XML";
            return "line " + line + ", column " + column + ": " + what;
        }
    }

    /** Whether {@code text} is longer than the text limit. */
    public boolean tooLong(String text) {
        return text != null && utf8Length(text) > maxTextLength.toBytes();
    }

    /** The UTF-8 length of {@code text}, in bytes. */
    public static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** The first triple of {@code graph} whose literal is longer than the text limit. */
    public Optional<Triple> firstTooLong(Graph graph) {
        return graph.find().filterKeep(t -> tooLong(t.getObject())).nextOptional();
    }

    /** Whether {@code node} is a literal longer than the text limit. */
    public boolean tooLong(Node node) {
        return node.isLiteral()
                && node.getLiteralLexicalForm().length() * 3L > maxTextLength.toBytes()
                && tooLong(node.getLiteralLexicalForm());
    }

    /** The first reason to refuse {@code document} in {@code lang} before parsing it, if any. */
    public Optional<Refusal> check(byte[] document, Lang lang) {
        String text = new String(document, StandardCharsets.UTF_8);
        if (RDFLanguages.sameLang(lang, Lang.JSONLD)
                || RDFLanguages.sameLang(lang, Lang.JSONLD11)
                || RDFLanguages.sameLang(lang, Lang.RDFJSON)) {
            return new Scan(text).json();
        }
        if (RDFLanguages.sameLang(lang, Lang.RDFXML)) {
            return new Scan(text).xml();
        }
        return new Scan(text).turtle();
    }

    /** One pass over a document's text, keeping the line and column. */
    private final class Scan {
        private final String text;
        private int pos;
        private long line = 1;
        private long column = 1;
        private int depth;

        Scan(String text) {
            this.text = text;
        }

        private char at(int offset) {
            int i = pos + offset;
            return i < text.length() ? text.charAt(i) : '\0';
        }

        private boolean startsWith(String s) {
            return text.startsWith(s, pos);
        }

        private void advance(int n) {
            for (int i = 0; i < n && pos < text.length(); i++) {
                if (text.charAt(pos) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
                pos++;
            }
        }

        /** Advances past the next {@code end} (or to the end of the text). */
        private void skipPast(String end) {
            while (pos < text.length() && !startsWith(end)) {
                advance(1);
            }
            advance(end.length());
        }

        private Optional<Refusal> open() {
            depth++;
            return depth > maxDepth
                    ? Optional.of(new Refusal(Refusal.Kind.DEPTH, line, column, maxDepth))
                    : Optional.empty();
        }

        Optional<Refusal> json() {
            while (pos < text.length()) {
                char c = at(0);
                if (c == '"') {
                    advance(1);
                    while (pos < text.length() && at(0) != '"') {
                        advance(at(0) == '\\' ? 2 : 1);
                    }
                } else if (c == '{' || c == '[') {
                    Optional<Refusal> refusal = open();
                    if (refusal.isPresent()) {
                        return refusal;
                    }
                } else if (c == '}' || c == ']') {
                    depth--;
                }
                advance(1);
            }
            return Optional.empty();
        }

        Optional<Refusal> turtle() {
            while (pos < text.length()) {
                char c = at(0);
                if (c == '#') {
                    skipPast("\n");
                    continue;
                }
                if (c == '"' || c == '\'') {
                    String quote = at(1) == c && at(2) == c ? String.valueOf(c).repeat(3) : String.valueOf(c);
                    advance(quote.length());
                    while (pos < text.length() && !startsWith(quote)) {
                        advance(at(0) == '\\' ? 2 : 1);
                    }
                    advance(quote.length());
                    continue;
                }
                if (c == '<' && at(1) == '<') {
                    Optional<Refusal> refusal = open();
                    if (refusal.isPresent()) {
                        return refusal;
                    }
                    advance(2);
                    continue;
                }
                if (c == '>' && at(1) == '>') {
                    depth--;
                    advance(2);
                    continue;
                }
                if (c == '<') {
                    skipPast(">");
                    continue;
                }
                if (c == '[' || c == '(' || c == '{') {
                    Optional<Refusal> refusal = open();
                    if (refusal.isPresent()) {
                        return refusal;
                    }
                } else if (c == ']' || c == ')' || c == '}') {
                    depth--;
                }
                advance(1);
            }
            return Optional.empty();
        }

        Optional<Refusal> xml() {
            while (pos < text.length()) {
                if (at(0) != '<') {
                    advance(1);
                    continue;
                }
                if (startsWith("<!--")) {
                    skipPast("-->");
                } else if (startsWith("<![CDATA[")) {
                    skipPast("]]>");
                } else if (startsWith("<?")) {
                    skipPast("?>");
                } else if (startsWith("<!")) {
                    long startLine = line;
                    long startColumn = column;
                    int start = pos;
                    skipDeclaration();
                    if (EXTERNAL.matcher(text.substring(start, pos)).find()) {
                        return Optional.of(new Refusal(Refusal.Kind.EXTERNAL_ENTITY, startLine, startColumn, maxDepth));
                    }
                } else if (startsWith("</")) {
                    depth--;
                    skipPast(">");
                } else {
                    long startLine = line;
                    long startColumn = column;
                    boolean selfClosing = skipTag();
                    if (!selfClosing && ++depth > maxDepth) {
                        return Optional.of(new Refusal(Refusal.Kind.DEPTH, startLine, startColumn, maxDepth));
                    }
                }
            }
            return Optional.empty();
        }

        /** Past a {@code <!DOCTYPE …>} (with its internal subset) or another {@code <!…>} declaration. */
        private void skipDeclaration() {
            advance(2);
            skipPastClose(true);
        }

        /** Past a start tag; true if it closes itself ({@code <a/>}). */
        private boolean skipTag() {
            advance(1);
            return skipPastClose(false) == '/';
        }

        /**
         * Past the {@code >} that closes the markup begun before {@code pos}, not one inside quotes (nor, with
         * {@code brackets}, one inside {@code [ … ]}); returns the character before that {@code >}, or 0 at the end of
         * the text.
         */
        private char skipPastClose(boolean brackets) {
            int open = 0;
            char quote = 0;
            char previous = 0;
            while (pos < text.length()) {
                char c = at(0);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (brackets && c == '[') {
                    open++;
                } else if (brackets && c == ']') {
                    open--;
                } else if (c == '>' && open <= 0) {
                    advance(1);
                    return previous == 0 ? ' ' : previous;
                }
                previous = c;
                advance(1);
            }
            return 0;
        }
    }
}
