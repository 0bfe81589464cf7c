package jp.kakaritsuke.kb.browse;

import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.rdf.IriLinks;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** Where a page links an IRI to, and what it calls it: the site's own page for its IRIs, the IRI itself otherwise. */
final class Links {

    private Links() {}

    /** A link with its visible label. */
    record Link(String href, String label) {}

    /** The local page of an IRI ({@link IriLinks#href(String)}). */
    static String href(String iri, String baseIri) {
        return IriLinks.href(iri, baseIri);
    }

    /** The last path segment of an IRI (a slug, a code, a concept id). */
    static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
        return iri.substring(cut + 1);
    }

    /** The name of a resource in the reader's language: skos:prefLabel, rdfs:label, dct:title, else its local name. */
    static String label(Resource r) {
        String lang = LocalizedText.currentLanguage();
        for (var property : new Property[] {SKOS.prefLabel, RDFS.label, DCTerms.title}) {
            String value = LocalizedText.of(r, property, lang);
            if (value != null) {
                return value;
            }
        }
        return r.isURIResource() ? localName(r.getURI()) : "";
    }

    /** A link to a resource, named in the reader's language. */
    static Link link(Resource r, String baseIri) {
        return new Link(r.isURIResource() ? href(r.getURI(), baseIri) : null, label(r));
    }
}
