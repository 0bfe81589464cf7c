package jp.kakaritsuke.kb.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.rdf.IriLinks;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What the ontology documentation page shows, read from the ontology graph: the ontology's metadata, one row per
 * class and property (labels and definitions in Japanese and English, domain, range, super-terms), and the concept
 * schemes with their concepts.
 */
record OntologyPage(
        String iri,
        String title,
        String description,
        String versionIri,
        String versionInfo,
        String license,
        String preferredPrefix,
        String namespace,
        List<Term> terms,
        List<Scheme> schemes) {

    /** A class or property. {@code kind} is the message key of its kind. */
    record Term(
            String iri,
            String anchor,
            String name,
            String kind,
            String labelJa,
            String labelEn,
            String definitionJa,
            String definitionEn,
            List<Ref> domain,
            List<Ref> range,
            List<Ref> parents) {}

    /** A reference to another term: its prefixed name and where to find it. */
    record Ref(String name, String href) {}

    /** A concept scheme and its concepts. */
    record Scheme(String iri, String href, String label, String definition, List<Concept> concepts) {}

    /** One concept of a scheme. */
    record Concept(String iri, String href, String notation, String labelJa, String labelEn) {}

    private static final Property VANN_PREFIX = org.apache.jena.rdf.model.ResourceFactory.createProperty(
            "http://purl.org/vocab/vann/preferredNamespacePrefix");
    private static final Property VANN_URI = org.apache.jena.rdf.model.ResourceFactory.createProperty(
            "http://purl.org/vocab/vann/preferredNamespaceUri");

    /** The RDF types that make a subject a term of the table, each with the message key of its kind. */
    static final Map<Resource, String> TERM_KINDS = kinds();

    private static Map<Resource, String> kinds() {
        Map<Resource, String> kinds = new LinkedHashMap<>();
        kinds.put(OWL2.Class, "ld.ontology.kind.class");
        kinds.put(OWL2.ObjectProperty, "ld.ontology.kind.objectProperty");
        kinds.put(OWL2.DatatypeProperty, "ld.ontology.kind.datatypeProperty");
        kinds.put(OWL2.AnnotationProperty, "ld.ontology.kind.annotationProperty");
        kinds.put(RDF.Property, "ld.ontology.kind.property");
        return kinds;
    }

    static OntologyPage of(Model model, IriLinks hrefs, String lang) {
        Resource ontology = model.createResource(KK.ONTOLOGY);
        String namespace = text(ontology, VANN_URI, lang);

        Map<String, Term> terms = new LinkedHashMap<>();
        TERM_KINDS.forEach((type, kind) -> model.listSubjectsWithProperty(RDF.type, type)
                .forEachRemaining(t -> {
                    if (t.isURIResource() && !terms.containsKey(t.getURI())) {
                        terms.put(t.getURI(), term(model, t, kind));
                    }
                }));
        List<Term> sortedTerms = new ArrayList<>(terms.values());
        sortedTerms.sort(Comparator.comparing(Term::kind).thenComparing(Term::name));

        List<Scheme> schemes = new ArrayList<>();
        model.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).forEachRemaining(s -> {
            List<Concept> concepts = new ArrayList<>();
            model.listSubjectsWithProperty(SKOS.inScheme, s)
                    .forEachRemaining(c -> concepts.add(new Concept(
                            c.getURI(),
                            hrefs.href(c.getURI()),
                            text(c, SKOS.notation, lang),
                            LocalizedText.of(c, SKOS.prefLabel, "ja"),
                            LocalizedText.of(c, SKOS.prefLabel, "en"))));
            concepts.sort(Comparator.comparing(Concept::iri));
            schemes.add(new Scheme(
                    s.getURI(),
                    "#" + anchor(model, s.getURI()),
                    LocalizedText.of(s, RDFS.label, lang),
                    LocalizedText.of(s, SKOS.definition, lang),
                    concepts));
        });
        schemes.sort(Comparator.comparing(Scheme::iri));

        return new OntologyPage(
                KK.ONTOLOGY,
                LocalizedText.of(ontology, DCTerms.title, lang),
                LocalizedText.of(ontology, DCTerms.description, lang),
                uri(ontology, OWL2.versionIRI),
                text(ontology, OWL2.versionInfo, lang),
                uri(ontology, DCTerms.license),
                text(ontology, VANN_PREFIX, lang),
                namespace,
                sortedTerms,
                schemes);
    }

    private static Term term(Model model, Resource t, String kind) {
        return new Term(
                t.getURI(),
                anchor(model, t.getURI()),
                model.shortForm(t.getURI()),
                kind,
                LocalizedText.of(t, RDFS.label, "ja"),
                LocalizedText.of(t, RDFS.label, "en"),
                LocalizedText.of(t, SKOS.definition, "ja"),
                LocalizedText.of(t, SKOS.definition, "en"),
                refs(model, t, RDFS.domain),
                refs(model, t, RDFS.range),
                refs(model, t, t.hasProperty(RDF.type, OWL2.Class) ? RDFS.subClassOf : RDFS.subPropertyOf));
    }

    private static List<Ref> refs(Model model, Resource t, Property p) {
        List<Ref> refs = new ArrayList<>();
        t.listProperties(p).forEachRemaining(s -> {
            RDFNode o = s.getObject();
            if (o.isURIResource()) {
                String uri = o.asResource().getURI();
                refs.add(new Ref(model.shortForm(uri), uri.startsWith(KK.NS) ? "#" + anchor(model, uri) : uri));
            }
        });
        refs.sort(Comparator.comparing(Ref::name));
        return refs;
    }

    /** The fragment identifier of a term on the page: its local name in kk:, else its prefixed name. */
    static String anchor(Model model, String uri) {
        return uri.startsWith(KK.NS) ? uri.substring(KK.NS.length()) : model.shortForm(uri);
    }

    private static String text(Resource r, Property p, String lang) {
        return LocalizedText.of(r, p, lang);
    }

    private static String uri(Resource r, Property p) {
        Resource o = r.getPropertyResourceValue(p);
        return o == null ? null : o.getURI();
    }
}
