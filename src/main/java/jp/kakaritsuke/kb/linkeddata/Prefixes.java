package jp.kakaritsuke.kb.linkeddata;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;

/** The prefixes written into every RDF document the application serves, so that Turtle and TriG stay readable. */
public final class Prefixes {

    /** The namespace of the vocabulary IRIs; {@code {VOCABULARY}{rest}} is served at {@code /def/{rest}}. */
    public static final String VOCABULARY = "https://w3id.org/kakaritsuke/";

    /** The ontology's IRI, which is also the name of the graph the ontology files are loaded into. */
    public static final String ONTOLOGY = jp.kakaritsuke.kb.vocab.KK.ONTOLOGY;

    /** The ontology's namespace ({@code kk:}). */
    public static final String KK = jp.kakaritsuke.kb.vocab.KK.NS;

    private static final PrefixMapping STANDARD = new PrefixMappingImpl()
            .setNsPrefix("kk", KK)
            .setNsPrefix("kkfn", VOCABULARY + "function/")
            .setNsPrefix("kkres", VOCABULARY + "resource/")
            .setNsPrefix("kkact", VOCABULARY + "actor/")
            .setNsPrefix("kkst", VOCABULARY + "status/")
            .setNsPrefix("kksec", VOCABULARY + "section/")
            .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
            .setNsPrefix("owl", "http://www.w3.org/2002/07/owl#")
            .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("dct", "http://purl.org/dc/terms/")
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("schema", "https://schema.org/")
            .lock();

    private Prefixes() {
    }

    /** The shared prefixes (read-only). */
    public static PrefixMapping standard() {
        return STANDARD;
    }
}
