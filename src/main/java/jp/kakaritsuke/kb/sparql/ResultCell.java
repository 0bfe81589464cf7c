package jp.kakaritsuke.kb.sparql;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * One cell of the result table of the query page.
 *
 * @param text what the reader sees: an IRI in full, a literal's lexical form, {@code _:label} for a blank node;
 *     empty for an unbound variable
 * @param href where the cell links to, or null: an IRI under the instance base links to its path on this site
 *     (where it dereferences), any other IRI links out to itself
 * @param external true for a link that leaves the site
 * @param language a literal's language tag, or null
 * @param datatype a literal's datatype, shortened by the query's prefixes when possible; null for plain strings
 *     and language-tagged literals
 */
record ResultCell(String text, String href, boolean external, String language, String datatype) {

    static final ResultCell EMPTY = new ResultCell("", null, false, null, null);

    static ResultCell of(RDFNode node, String baseIri, PrefixMapping prefixes) {
        return node == null ? EMPTY : of(node.asNode(), baseIri, prefixes);
    }

    static ResultCell of(Node node, String baseIri, PrefixMapping prefixes) {
        if (node == null) {
            return EMPTY;
        }
        if (node.isURI()) {
            String iri = node.getURI();
            if (iri.startsWith(baseIri)) {
                return new ResultCell(iri, "/" + iri.substring(baseIri.length()), false, null, null);
            }
            boolean web = iri.startsWith("http://") || iri.startsWith("https://");
            return new ResultCell(iri, web ? iri : null, web, null, null);
        }
        if (node.isLiteral()) {
            String lang = node.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                return new ResultCell(node.getLiteralLexicalForm(), null, false, lang, null);
            }
            String datatype = node.getLiteralDatatypeURI();
            if (datatype == null || datatype.equals(XSDDatatype.XSDstring.getURI())) {
                return new ResultCell(node.getLiteralLexicalForm(), null, false, null, null);
            }
            String shortType = prefixes.shortForm(datatype);
            return new ResultCell(node.getLiteralLexicalForm(), null, false, null,
                    shortType.equals(datatype) ? "<" + datatype + ">" : shortType);
        }
        return new ResultCell(FmtUtils.stringForNode(node), null, false, null, null);
    }
}
