package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Concepts of the scheme kk:measureTypes: the types of measures, for comparing measures across areas
 * (ontology/concepts.ttl).
 *
 * <p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand. VocabularyInSyncTest
 * fails while this class and the ontology disagree.
 */
public final class MeasureTypes {

    /** The namespace IRI. */
    public static final String NS = "https://w3id.org/kakaritsuke/measure-type/";

    /** The preferred prefix. */
    public static final String PREFIX = "kkmt";

    /**
     * Set up a forum or occasions for the parties to meet, exchange views and discuss.
     *
     * <p>意見交換の場の設定 ({@code kkmt:exchange-forum})
     */
    public static final Resource EXCHANGE_FORUM = resource("exchange-forum");

    /**
     * Run training sessions, hands-on training or education for physicians, institutions and others.
     *
     * <p>研修 ({@code kkmt:training})
     */
    public static final Resource TRAINING = resource("training");

    /**
     * Build an arrangement in which the area's institutions take turns on a rota or on duty.
     *
     * <p>輪番・当番体制の構築 ({@code kkmt:rotation-system})
     */
    public static final Resource ROTATION_SYSTEM = resource("rotation-system");

    /**
     * Use the results of the family-doctor function report and similar sources to identify the institutions willing to
     * provide the function, and approach them.
     *
     * <p>報告結果に基づく医療機関の整理 ({@code kkmt:provider-mapping})
     */
    public static final Resource PROVIDER_MAPPING = resource("provider-mapping");

    /**
     * Build a network in which institutions, or medical care and long-term care, support one another.
     *
     * <p>連携体制の構築 ({@code kkmt:collaboration-network})
     */
    public static final Resource COLLABORATION_NETWORK = resource("collaboration-network");

    /**
     * Draw up agreements such as admission and discharge rules, group-practice rules or rules for sudden deterioration.
     *
     * <p>ルール策定 ({@code kkmt:rule-making})
     */
    public static final Resource RULE_MAKING = resource("rule-making");

    /**
     * Share information on patients, functions and roles, vacant beds and the like among the parties.
     *
     * <p>情報共有 ({@code kkmt:information-sharing})
     */
    public static final Resource INFORMATION_SHARING = resource("information-sharing");

    /**
     * Introduce ICT tools or systems for sharing information.
     *
     * <p>ICT導入 ({@code kkmt:ict})
     */
    public static final Resource ICT = resource("ict");

    /**
     * Match those who need support, such as long-term-care facilities, with those who can give it.
     *
     * <p>マッチング ({@code kkmt:matching})
     */
    public static final Resource MATCHING = resource("matching");

    /**
     * Inform residents and others about family-doctor functions, the roles of institutions and where to seek advice.
     *
     * <p>住民への周知 ({@code kkmt:public-awareness})
     */
    public static final Resource PUBLIC_AWARENESS = resource("public-awareness");

    private MeasureTypes() {
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }
}
