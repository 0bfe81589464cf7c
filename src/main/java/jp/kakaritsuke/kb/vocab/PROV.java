package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms of W3C PROV-O that the application writes or reads. Jena ships no class for this namespace, and the
 * ontology reuses these terms rather than defining its own, so this class is written by hand, not generated.
 */
public final class PROV {

    /** The namespace IRI. */
    public static final String NS = "http://www.w3.org/ns/prov#";

    /** The preferred prefix. */
    public static final String PREFIX = "prov";

    /** A thing with provenance ({@code prov:Entity}). */
    public static final Resource Entity = ResourceFactory.createResource(NS + "Entity");

    /** Running software acting as an agent ({@code prov:SoftwareAgent}). */
    public static final Resource SoftwareAgent = ResourceFactory.createResource(NS + "SoftwareAgent");

    /** The entity this one was derived from ({@code prov:wasDerivedFrom}). */
    public static final Property wasDerivedFrom = ResourceFactory.createProperty(NS + "wasDerivedFrom");

    /** The agent responsible for this entity ({@code prov:wasAttributedTo}). */
    public static final Property wasAttributedTo = ResourceFactory.createProperty(NS + "wasAttributedTo");

    /** When this entity came into being ({@code prov:generatedAtTime}). */
    public static final Property generatedAtTime = ResourceFactory.createProperty(NS + "generatedAtTime");

    private PROV() {
    }
}
