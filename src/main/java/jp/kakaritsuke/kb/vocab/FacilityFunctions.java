package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Concepts of the scheme kk:facilityFunctions: the designated functions of medical institutions
 * (ontology/concepts.ttl).
 *
 * <p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand. VocabularyInSyncTest
 * fails while this class and the ontology disagree.
 */
public final class FacilityFunctions {

    /** The namespace IRI. */
    public static final String NS = "https://w3id.org/kakaritsuke/facility-function/";

    /** The preferred prefix. */
    public static final String PREFIX = "kkfac";

    /**
     * Registered as a home-care support hospital or clinic (from the FY2025 bed-function report).
     *
     * <p>在宅療養支援 ({@code kkfac:home-care-support})
     */
    public static final Resource HOME_CARE_SUPPORT = resource("home-care-support");

    /**
     * A secondary emergency institution that admits emergency patients needing in-patient care (from the FY2025
     * bed-function report).
     *
     * <p>二次救急 ({@code kkfac:secondary-emergency})
     */
    public static final Resource SECONDARY_EMERGENCY = resource("secondary-emergency");

    /**
     * An emergency and critical-care centre that takes in critically ill patients (MHLW survey).
     *
     * <p>三次救急 ({@code kkfac:tertiary-emergency})
     */
    public static final Resource TERTIARY_EMERGENCY = resource("tertiary-emergency");

    /**
     * A hospital approved for supporting family doctors through care of referred patients and shared use of beds and
     * equipment (MHLW survey).
     *
     * <p>地域医療支援病院 ({@code kkfac:regional-support-hospital})
     */
    public static final Resource REGIONAL_SUPPORT_HOSPITAL = resource("regional-support-hospital");

    /**
     * A hospital approved for providing, developing and teaching advanced medical care (MHLW survey).
     *
     * <p>特定機能病院 ({@code kkfac:advanced-treatment-hospital})
     */
    public static final Resource ADVANCED_TREATMENT_HOSPITAL = resource("advanced-treatment-hospital");

    private FacilityFunctions() {
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }
}
