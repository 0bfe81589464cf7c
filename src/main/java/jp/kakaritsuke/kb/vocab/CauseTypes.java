package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Concepts of the scheme kk:causeTypes: the types of causes, for comparing causes across areas (ontology/concepts.ttl).
 *
 * <p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand. VocabularyInSyncTest
 * fails while this class and the ontology disagree.
 */
public final class CauseTypes {

    /** The namespace IRI. */
    public static final String NS = "https://w3id.org/kakaritsuke/cause-type/";

    /** The preferred prefix. */
    public static final String PREFIX = "kkct";

    /**
     * Too few institutions, physicians, home-visit nursing agencies or others to provide the function.
     *
     * <p>担い手の不足 ({@code kkct:provider-shortage})
     */
    public static final Resource PROVIDER_SHORTAGE = resource("provider-shortage");

    /**
     * The area's physicians are ageing, so the existing arrangements become hard to keep up.
     *
     * <p>医師の高齢化 ({@code kkct:ageing-workforce})
     */
    public static final Resource AGEING_WORKFORCE = resource("ageing-workforce");

    /**
     * The area does not know which institutions are willing and able to provide the function.
     *
     * <p>意向のある医療機関の把握不足 ({@code kkct:willing-providers-unknown})
     */
    public static final Resource WILLING_PROVIDERS_UNKNOWN = resource("willing-providers-unknown");

    /**
     * The functions and roles of each institution are not known to other professionals or to residents.
     *
     * <p>機能・役割の周知不足 ({@code kkct:roles-not-known})
     */
    public static final Resource ROLES_NOT_KNOWN = resource("roles-not-known");

    /**
     * Not knowing which institution or facility to consult, refer to or work with.
     *
     * <p>連携先が分からない ({@code kkct:partner-unknown})
     */
    public static final Resource PARTNER_UNKNOWN = resource("partner-unknown");

    /**
     * Institutions, or medical care and long-term care, do not work together.
     *
     * <p>連携の不足 ({@code kkct:collaboration-lacking})
     */
    public static final Resource COLLABORATION_LACKING = resource("collaboration-lacking");

    /**
     * There is no forum where the parties meet to share information and exchange views.
     *
     * <p>連携の場がない ({@code kkct:no-collaboration-forum})
     */
    public static final Resource NO_COLLABORATION_FORUM = resource("no-collaboration-forum");

    /**
     * Information about patients, vacant beds and the like is not shared among the parties in ordinary times, or the
     * means of sharing do not work.
     *
     * <p>情報共有の仕組みがない ({@code kkct:no-information-sharing})
     */
    public static final Resource NO_INFORMATION_SHARING = resource("no-information-sharing");

    /**
     * Agreements for collaboration, such as admission and discharge rules, are missing or not effective.
     *
     * <p>連携ルールがない・機能していない ({@code kkct:rules-not-working})
     */
    public static final Resource RULES_NOT_WORKING = resource("rules-not-working");

    /**
     * Providers may be willing but lack the experience or training needed, and so do not take part.
     *
     * <p>経験・研修の不足 ({@code kkct:lack-of-experience})
     */
    public static final Resource LACK_OF_EXPERIENCE = resource("lack-of-experience");

    /**
     * The burden falls on a few institutions or physicians, so they cannot keep responding.
     *
     * <p>負担の偏り・過重 ({@code kkct:heavy-burden})
     */
    public static final Resource HEAVY_BURDEN = resource("heavy-burden");

    /**
     * Residents do not know enough about family-doctor functions or how to seek care and advice.
     *
     * <p>住民の理解不足 ({@code kkct:residents-unaware})
     */
    public static final Resource RESIDENTS_UNAWARE = resource("residents-unaware");

    private CauseTypes() {
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }
}
