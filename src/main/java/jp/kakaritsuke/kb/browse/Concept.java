package jp.kakaritsuke.kb.browse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.kakaritsuke.kb.browse.Links.Link;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * A SKOS concept of the ontology's schemes (function, actor type, status, section) as its page shows it: labels
 * and definitions in both languages, notation, scheme, broader and narrower concepts.
 */
record Concept(
        String iri,
        String id,
        String labelJa,
        String labelEn,
        List<String> altLabels,
        String notation,
        String definitionJa,
        String definitionEn,
        Link scheme,
        List<Link> broader,
        List<Link> narrower,
        String kind) {

    /**
     * The concept {@code https://w3id.org/kakaritsuke/{kind}/{id}} of the ontology graph; 404 if the ontology does
     * not define it.
     */
    static Concept of(Model ontology, String kind, String id, String baseIri) {
        Resource c = ontology.getResource(KK.VOCABULARY + kind + "/" + id);
        if (!ontology.contains(c, RDF.type, SKOS.Concept)) {
            throw new NotFoundException(kind + " " + id);
        }
        Resource scheme = c.getPropertyResourceValue(SKOS.inScheme);
        List<String> alt = c.listProperties(SKOS.altLabel).toList().stream()
                .map(s -> s.getLiteral().getLexicalForm())
                .sorted()
                .toList();
        String notation =
                c.hasProperty(SKOS.notation) ? c.getProperty(SKOS.notation).getString() : null;
        return new Concept(
                c.getURI(),
                id,
                LocalizedText.of(c, SKOS.prefLabel, "ja"),
                LocalizedText.of(c, SKOS.prefLabel, "en"),
                alt,
                notation,
                LocalizedText.of(c, SKOS.definition, "ja"),
                LocalizedText.of(c, SKOS.definition, "en"),
                scheme == null ? null : Links.link(scheme, baseIri),
                related(c, SKOS.broader, baseIri),
                narrower(ontology, c, baseIri),
                kind);
    }

    /** The label in the reader's language. */
    public String label() {
        return "en".equals(LocalizedText.currentLanguage()) && labelEn != null ? labelEn : labelJa;
    }

    private static List<Link> related(Resource c, Property p, String baseIri) {
        return c.listProperties(p).toList().stream()
                .map(s -> s.getObject())
                .filter(RDFNode::isURIResource)
                .map(o -> Links.link(o.asResource(), baseIri))
                .sorted(Comparator.comparing(Link::label))
                .toList();
    }

    private static List<Link> narrower(Model ontology, Resource c, String baseIri) {
        List<Resource> found = new ArrayList<>(
                ontology.listSubjectsWithProperty(SKOS.broader, c).toList());
        c.listProperties(SKOS.narrower).forEachRemaining(s -> {
            if (s.getObject().isURIResource() && !found.contains(s.getResource())) {
                found.add(s.getResource());
            }
        });
        return found.stream()
                .map(r -> Links.link(r, baseIri))
                .sorted(Comparator.comparing(Link::href))
                .toList();
    }
}
