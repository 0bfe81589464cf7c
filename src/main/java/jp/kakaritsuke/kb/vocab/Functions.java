package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Concepts of the scheme kk:functions: the family-doctor functions (ontology/concepts.ttl).
 *
 * <p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand. VocabularyInSyncTest
 * fails while this class and the ontology disagree.
 */
public final class Functions {

    /** The namespace IRI. */
    public static final String NS = "https://w3id.org/kakaritsuke/function/";

    /** The preferred prefix. */
    public static final String PREFIX = "kkfn";

    /**
     * Comprehensive, continuous everyday care for people who need ongoing care, drawing on other doctors and
     * institutions of the area where one's own expertise ends.
     *
     * <p>1号機能 ({@code kkfn:f1})
     */
    public static final Resource F1 = resource("f1");

    /**
     * Functions provided to people who need ongoing care in cooperation with the area's institutions: out-of-hours
     * care, admission and discharge support, home care, care coordinated with long-term care, other.
     *
     * <p>2号機能 ({@code kkfn:f2})
     */
    public static final Resource F2 = resource("f2");

    /**
     * Care outside ordinary consultation hours.
     *
     * <p>時間外診療 ({@code kkfn:f2-i})
     */
    public static final Resource F2_I = resource("f2-i");

    /**
     * Support when a patient has to be admitted, or is discharged from hospital.
     *
     * <p>入退院支援 ({@code kkfn:f2-ro})
     */
    public static final Resource F2_RO = resource("f2-ro");

    /**
     * Provision of home medical care.
     *
     * <p>在宅医療 ({@code kkfn:f2-ha})
     */
    public static final Resource F2_HA = resource("f2-ha");

    /**
     * Medical care provided in coordination with long-term-care services.
     *
     * <p>医介連携 ({@code kkfn:f2-ni})
     */
    public static final Resource F2_NI = resource("f2-ni");

    /**
     * Other functions: health checks, vaccination, community roles, education.
     *
     * <p>その他 ({@code kkfn:f2-ho})
     */
    public static final Resource F2_HO = resource("f2-ho");

    private Functions() {
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }
}
