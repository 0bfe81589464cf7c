package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.browse.Worksheet.Entry;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;

/**
 * The worksheet's logic model laid out for an inline SVG drawn by the template: challenge → causes → measures →
 * expected effect → target state in columns, with the links the data states between them (kk:explains,
 * kk:addresses, kk:leadsTo, kk:contributesTo) as arrows from subject to object. Text is wrapped here and written by
 * the template as escaped text; nothing here is markup.
 *
 * @param width the drawing's width in user units
 * @param height the drawing's height in user units
 */
record LogicModel(int width, int height, List<Node> nodes, List<Edge> edges) {

    static final int BOX_WIDTH = 200;
    static final int COLUMN_GAP = 60;
    static final int ROW_GAP = 18;
    static final int LINE_HEIGHT = 16;
    static final int PADDING = 8;
    static final int MAX_TEXT_LINES = 3;
    /** Width of a text line in half-width units: a full-width character counts 2. */
    static final int LINE_UNITS = 30;

    /**
     * One box.
     *
     * @param id element id ({@code lm-cause-1})
     * @param kind challenge, cause, measure, effect or target-state (also the CSS class)
     * @param href the entry's anchor on the page
     * @param title the label line (原因①), null for unlabelled boxes
     * @param lines the wrapped text lines
     * @param fullText the whole text, for the box's tooltip
     */
    record Node(
            String id,
            String kind,
            String href,
            String title,
            List<String> lines,
            String fullText,
            int x,
            int y,
            int height) {

        public int width() {
            return BOX_WIDTH;
        }

        public int textX() {
            return x + PADDING;
        }

        public int textY() {
            return y + PADDING + LINE_HEIGHT - 4;
        }
    }

    /**
     * One arrow between boxes.
     *
     * @param kind the ontology property it draws: explains, addresses, leadsTo, contributesTo
     */
    record Edge(String kind, String from, String to, int x1, int y1, int x2, int y2, boolean interpreted) {}

    static LogicModel of(Worksheet sheet, Model model) {
        Builder b = new Builder();
        int column = 0;
        if (sheet.challenge() != null) {
            b.column(column++, List.of(b.node("lm-challenge", "challenge", sheet.challenge())));
        }
        b.column(
                column++,
                sheet.causes().stream()
                        .map(c -> b.node("lm-" + c.entry().anchor(), "cause", c.entry()))
                        .toList());
        b.column(
                column++,
                sheet.measures().stream()
                        .map(m -> b.node("lm-" + m.entry().anchor(), "measure", m.entry()))
                        .toList());
        if (sheet.effect() != null) {
            b.column(column++, List.of(b.node("lm-effect", "effect", sheet.effect())));
        }
        if (sheet.targetState() != null) {
            b.column(column++, List.of(b.node("lm-target-state", "target-state", sheet.targetState())));
        }
        for (Node from : b.nodes) {
            Resource subject = model.createResource(b.iris.get(from.id()));
            b.edges(from, subject, KK.explains, "explains");
            b.edges(from, subject, KK.addresses, "addresses");
            b.edges(from, subject, KK.leadsTo, "leadsTo");
            b.edges(from, subject, KK.contributesTo, "contributesTo");
        }
        int width = Math.max(1, column) * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP + 2 * PADDING;
        return new LogicModel(width, b.height + PADDING, List.copyOf(b.nodes), List.copyOf(b.edges));
    }

    private static final class Builder {
        final List<Node> nodes = new ArrayList<>();
        final List<Edge> edges = new ArrayList<>();
        final Map<String, String> iris = new HashMap<>();
        final Map<String, Node> byIri = new HashMap<>();
        int height;

        Node node(String id, String kind, Entry entry) {
            String text = "en".equals(LocalizedText.currentLanguage()) && entry.translation() != null
                    ? entry.translation()
                    : entry.text();
            String title = "en".equals(LocalizedText.currentLanguage()) && entry.labelTranslation() != null
                    ? entry.labelTranslation()
                    : entry.label();
            List<String> lines = wrap(text == null ? "" : text);
            int h = 2 * PADDING + LINE_HEIGHT * (lines.size() + (title == null ? 0 : 1));
            Node n = new Node(id, kind, "#" + entry.anchor(), title, lines, text, 0, 0, h);
            iris.put(id, entry.iri());
            return n;
        }

        void column(int index, List<Node> column) {
            int y = PADDING;
            for (Node n : column) {
                Node placed = new Node(
                        n.id(),
                        n.kind(),
                        n.href(),
                        n.title(),
                        n.lines(),
                        n.fullText(),
                        PADDING + index * (BOX_WIDTH + COLUMN_GAP),
                        y,
                        n.height());
                nodes.add(placed);
                byIri.put(iris.get(n.id()), placed);
                y += n.height() + ROW_GAP;
            }
            height = Math.max(height, y - ROW_GAP);
        }

        void edges(Node from, Resource subject, Property p, String kind) {
            for (RDFNode o :
                    subject.listProperties(p).mapWith(s -> s.getObject()).toList()) {
                Node to = o.isURIResource() ? byIri.get(o.asResource().getURI()) : null;
                if (to == null) {
                    continue;
                }
                boolean leftToRight = to.x() > from.x();
                int x1 = leftToRight ? from.x() + BOX_WIDTH : from.x();
                int x2 = leftToRight ? to.x() : to.x() + BOX_WIDTH;
                edges.add(new Edge(
                        kind,
                        from.id(),
                        to.id(),
                        x1,
                        from.y() + from.height() / 2,
                        x2,
                        to.y() + to.height() / 2,
                        interpreted(subject, p, o)));
            }
        }
    }

    /** True when a kk:Interpretation records the triple as the editors' reading rather than the source's. */
    private static boolean interpreted(Resource s, Property p, RDFNode o) {
        Model m = s.getModel();
        return m.listSubjectsWithProperty(RDF.subject, s).toList().stream()
                .anyMatch(i -> i.hasProperty(RDF.type, KK.Interpretation)
                        && i.hasProperty(RDF.predicate, p)
                        && i.hasProperty(RDF.object, o));
    }

    /**
     * Breaks text into lines of at most {@link #LINE_UNITS}, keeping {@link #MAX_TEXT_LINES} and marking a cut.
     * Words of alphabetic script break at spaces (a word longer than a line is cut); Japanese, which has no spaces,
     * may break between any two characters.
     */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int units = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isWhitespace(cp)) {
                space = units > 0;
                i += Character.charCount(cp);
                continue;
            }
            int end = i + Character.charCount(cp);
            int width = units(cp);
            if (width == 1) {
                while (end < text.length()
                        && units(text.codePointAt(end)) == 1
                        && !Character.isWhitespace(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                    width++;
                }
            }
            int gap = space ? 1 : 0;
            if (units > 0 && units + gap + width > LINE_UNITS) {
                lines.add(line.toString());
                line.setLength(0);
                units = 0;
                gap = 0;
            }
            if (gap > 0) {
                line.append(' ');
                units++;
            }
            space = false;
            for (int j = i; j < end; ) {
                int c = text.codePointAt(j);
                if (units + units(c) > LINE_UNITS) {
                    lines.add(line.toString());
                    line.setLength(0);
                    units = 0;
                }
                line.appendCodePoint(c);
                units += units(c);
                j += Character.charCount(c);
            }
            i = end;
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > MAX_TEXT_LINES) {
            List<String> kept = new ArrayList<>(lines.subList(0, MAX_TEXT_LINES));
            String last = kept.get(MAX_TEXT_LINES - 1);
            // Room for the ellipsis: drop the last word of alphabetic text, the last character of Japanese.
            int lastSpace = last.lastIndexOf(' ');
            int cut = lastSpace > 0 && units(last.codePointBefore(last.length())) == 1
                    ? lastSpace
                    : last.offsetByCodePoints(0, last.codePointCount(0, last.length()) - 1);
            kept.set(MAX_TEXT_LINES - 1, last.substring(0, cut) + "…");
            return kept;
        }
        return lines;
    }

    /** Half-width units of a code point: 2 for full-width (CJK and beyond), else 1. */
    private static int units(int cp) {
        return cp < 0x2E80 ? 1 : 2;
    }
}
