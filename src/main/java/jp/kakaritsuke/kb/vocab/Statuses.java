package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Concepts of the scheme kk:statuses: the states of a worksheet (ontology/concepts.ttl).
 *
 * <p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand. VocabularyInSyncTest
 * fails while this class and the ontology disagree.
 */
public final class Statuses {

    /** The namespace IRI. */
    public static final String NS = "https://w3id.org/kakaritsuke/status/";

    /** The preferred prefix. */
    public static final String PREFIX = "kkst";

    /**
     * A worked example from the guideline or similar; not the outcome of a real consultation.
     *
     * <p>例示 ({@code kkst:example})
     */
    public static final Resource EXAMPLE = resource("example");

    /**
     * A worksheet being written, not yet agreed by the forum.
     *
     * <p>作成中 ({@code kkst:draft})
     */
    public static final Resource DRAFT = resource("draft");

    /**
     * A worksheet the forum has agreed.
     *
     * <p>合意済み ({@code kkst:agreed})
     */
    public static final Resource AGREED = resource("agreed");

    private Statuses() {
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }
}
