package jp.kakaritsuke.kb.sparql;

import java.util.Optional;
import jp.kakaritsuke.kb.web.rdf.IriLinks;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * One cell of the result table of the query page.
 *
 * @param text what the reader sees: an IRI compacted (a prefixed name for a known namespace, the path below the
 *     instance base for an instance IRI, else in full), a literal's lexical form, {@code _:label} for a blank node;
 *     empty for an unbound variable
 * @param href where the cell links to, or null: an IRI under the instance base links to its path on this site
 *     (where it dereferences), any other IRI links out to itself
 * @param external true for a link that leaves the site
 * @param language a literal's language tag, or null
 * @param datatype a literal's datatype, shortened by the query's prefixes when possible; null for plain strings
 *     and language-tagged literals
 * @param iri the full IRI of an IRI cell (the page puts it in the link's title), null for any other cell
 */
record ResultCell(String text, String href, boolean external, String language, String datatype, String iri) {

    static final ResultCell EMPTY = new ResultCell("", null, false, null, null, null);

    static ResultCell of(RDFNode node, String baseIri, PrefixMapping prefixes) {
        return node == null ? EMPTY : of(node.asNode(), baseIri, prefixes);
    }

    static ResultCell of(Node node, String baseIri, PrefixMapping prefixes) {
        if (node == null) {
            return EMPTY;
        }
        if (node.isURI()) {
            String iri = node.getURI();
            Optional<String> local = new IriLinks(baseIri).sitePath(iri);
            if (local.isPresent()) {
                String path = local.get().substring(1);
                return new ResultCell(path.isEmpty() ? iri : path, local.get(), false, null, null, iri);
            }
            boolean web = iri.startsWith("http://") || iri.startsWith("https://");
            return new ResultCell(compact(iri, prefixes), web ? iri : null, web, null, null, iri);
        }
        if (node.isLiteral()) {
            String lang = node.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                return new ResultCell(node.getLiteralLexicalForm(), null, false, lang, null, null);
            }
            String datatype = node.getLiteralDatatypeURI();
            if (datatype == null || datatype.equals(XSDDatatype.XSDstring.getURI())) {
                return new ResultCell(node.getLiteralLexicalForm(), null, false, null, null, null);
            }
            String shortType = prefixes.shortForm(datatype);
            return new ResultCell(
                    node.getLiteralLexicalForm(),
                    null,
                    false,
                    null,
                    shortType.equals(datatype) ? "<" + datatype + ">" : shortType,
                    null);
        }
        return new ResultCell(FmtUtils.stringForNode(node), null, false, null, null, null);
    }

    /** Bytes of UTF-8 the cell puts into the page: its text, its link and its full IRI. */
    long textLength() {
        return utf8Length(text) + utf8Length(href) + utf8Length(iri);
    }

    private static long utf8Length(String value) {
        if (value == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** A prefixed name when a prefix covers the IRI with a non-empty local part, else the IRI itself. */
    private static String compact(String iri, PrefixMapping prefixes) {
        String shortForm = prefixes.shortForm(iri);
        return shortForm.equals(iri) || shortForm.endsWith(":") ? iri : shortForm;
    }
}
