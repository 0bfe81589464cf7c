package jp.kakaritsuke.kb.worksheet;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The literals of one property of one subject (a title, an item's text, its labels), in the order the graph gives
 * them, and the one rule for picking the one to show in a language.
 */
public record Literals(List<Literal> values) {

    /** No literal. */
    public static final Literals NONE = new Literals(List.of());

    /** A literal's lexical form and its language tag ("" for none). */
    public record Literal(String lexical, String lang) {}

    public Literals {
        values = List.copyOf(values);
    }

    /** The literals of {@code p} on {@code s} in {@code graph}. */
    public static Literals of(Graph graph, Node s, Node p) {
        List<Literal> values = new ArrayList<>();
        for (Triple t : graph.find(s, p, Node.ANY).toList()) {
            Node o = t.getObject();
            if (o.isLiteral()) {
                values.add(new Literal(o.getLiteralLexicalForm(), o.getLiteralLanguage()));
            }
        }
        return values.isEmpty() ? NONE : new Literals(values);
    }

    /** One literal of language {@code lang}, or none if {@code text} is null or blank. */
    public static Literals of(String text, String lang) {
        return text == null || text.isBlank() ? NONE : new Literals(List.of(new Literal(text, lang)));
    }

    /** The text in language {@code lang} (the tag or one of its subtags: {@code ja}, {@code ja-JP}), or null. */
    public String in(String lang) {
        for (Literal l : values) {
            if (inLanguage(l.lang(), lang)) {
                return l.lexical();
            }
        }
        return null;
    }

    /**
     * The text to show a reader of {@code lang}: in that language, else in Japanese (the source's language), else any
     * text; null if there is none.
     */
    public String localized(String lang) {
        String ja = null;
        for (Literal l : values) {
            if (inLanguage(l.lang(), lang)) {
                return l.lexical();
            }
            if (ja == null && inLanguage(l.lang(), "ja")) {
                ja = l.lexical();
            }
        }
        return ja != null ? ja : values.isEmpty() ? null : values.get(0).lexical();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Adds the literals as objects of {@code p} on {@code s}. */
    void write(Graph out, Node s, Node p) {
        for (Literal l : values) {
            out.add(s, p, NodeFactory.createLiteralLang(l.lexical(), l.lang()));
        }
    }

    /** True if language tag {@code tag} is {@code lang} or one of its subtags ({@code ja-JP} for {@code ja}). */
    public static boolean inLanguage(String tag, String lang) {
        return tag.equalsIgnoreCase(lang)
                || (tag.length() > lang.length()
                        && tag.charAt(lang.length()) == '-'
                        && tag.regionMatches(true, 0, lang, 0, lang.length()));
    }
}
