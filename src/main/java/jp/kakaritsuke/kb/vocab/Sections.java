package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Concepts of the scheme kk:sections: the sections of a worksheet (ontology/concepts.ttl).
 *
 * <p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand. VocabularyInSyncTest
 * fails while this class and the ontology disagree.
 */
public final class Sections {

    /** The namespace IRI. */
    public static final String NS = "https://w3id.org/kakaritsuke/section/";

    /** The preferred prefix. */
    public static final String PREFIX = "kksec";

    /**
     * (1) The concrete problem the area faces.
     *
     * <p>地域の具体的な課題 ({@code kksec:challenge})
     */
    public static final Resource CHALLENGE = resource("challenge");

    /**
     * (2) Causes of the challenge from the stakeholders' several viewpoints.
     *
     * <p>様々な視点から考えられる原因 ({@code kksec:cause})
     */
    public static final Resource CAUSE = resource("cause");

    /**
     * (3) The state the area aims for.
     *
     * <p>地域で目指すべき姿 ({@code kksec:target-state})
     */
    public static final Resource TARGET_STATE = resource("target-state");

    /**
     * (4) Measures against the causes, with the division of roles.
     *
     * <p>方策 ({@code kksec:measure})
     */
    public static final Resource MEASURE = resource("measure");

    /**
     * (5) What the measures are expected to achieve.
     *
     * <p>方策により期待できる効果 ({@code kksec:expected-effect})
     */
    public static final Resource EXPECTED_EFFECT = resource("expected-effect");

    /**
     * Indicators to follow the measures' progress, set outside the printed form.
     *
     * <p>進捗管理のための指標 ({@code kksec:indicator})
     */
    public static final Resource INDICATOR = resource("indicator");

    /**
     * Periodic review of the measures and indicators, held outside the printed form.
     *
     * <p>定期的な検証 ({@code kksec:review})
     */
    public static final Resource REVIEW = resource("review");

    private Sections() {
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }
}
