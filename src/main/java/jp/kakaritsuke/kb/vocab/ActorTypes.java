package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Concepts of the scheme kk:actorTypes: the types of actors (ontology/concepts.ttl).
 *
 * <p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand. VocabularyInSyncTest
 * fails while this class and the ontology disagree.
 */
public final class ActorTypes {

    /** The namespace IRI. */
    public static final String NS = "https://w3id.org/kakaritsuke/actor/";

    /** The preferred prefix. */
    public static final String PREFIX = "kkact";

    /**
     * Hospitals and clinics.
     *
     * <p>医療機関 ({@code kkact:medical-institution})
     */
    public static final Resource MEDICAL_INSTITUTION = resource("medical-institution");

    /**
     * A medical institution with 20 or more beds.
     *
     * <p>病院 ({@code kkact:hospital})
     */
    public static final Resource HOSPITAL = resource("hospital");

    /**
     * A medical institution with no beds or up to 19.
     *
     * <p>診療所 ({@code kkact:clinic})
     */
    public static final Resource CLINIC = resource("clinic");

    /**
     * A hospital at the centre of the area's care.
     *
     * <p>中核病院 ({@code kkact:core-hospital})
     */
    public static final Resource CORE_HOSPITAL = resource("core-hospital");

    /**
     * A hospital registered to support home care round the clock.
     *
     * <p>在宅療養支援病院 ({@code kkact:home-care-support-hospital})
     */
    public static final Resource HOME_CARE_SUPPORT_HOSPITAL = resource("home-care-support-hospital");

    /**
     * A hospital registered to admit home-care patients who deteriorate.
     *
     * <p>在宅療養後方支援病院 ({@code kkact:home-care-backup-hospital})
     */
    public static final Resource HOME_CARE_BACKUP_HOSPITAL = resource("home-care-backup-hospital");

    /**
     * A clinic registered to support home care round the clock.
     *
     * <p>在宅療養支援診療所 ({@code kkact:home-care-support-clinic})
     */
    public static final Resource HOME_CARE_SUPPORT_CLINIC = resource("home-care-support-clinic");

    /**
     * An agency whose nurses visit patients at home.
     *
     * <p>訪問看護ステーション ({@code kkact:home-nursing-agency})
     */
    public static final Resource HOME_NURSING_AGENCY = resource("home-nursing-agency");

    /**
     * A medical institution that provides dental care.
     *
     * <p>歯科医療機関 ({@code kkact:dental-clinic})
     */
    public static final Resource DENTAL_CLINIC = resource("dental-clinic");

    /**
     * A pharmacy that dispenses prescriptions.
     *
     * <p>薬局 ({@code kkact:pharmacy})
     */
    public static final Resource PHARMACY = resource("pharmacy");

    /**
     * A provider of long-term-care services.
     *
     * <p>介護事業所 ({@code kkact:ltc-provider})
     */
    public static final Resource LTC_PROVIDER = resource("ltc-provider");

    /**
     * A residential long-term-care facility.
     *
     * <p>介護施設 ({@code kkact:ltc-facility})
     */
    public static final Resource LTC_FACILITY = resource("ltc-facility");

    /**
     * The professional who plans and coordinates long-term-care services.
     *
     * <p>介護支援専門員 ({@code kkact:care-manager})
     */
    public static final Resource CARE_MANAGER = resource("care-manager");

    /**
     * The municipal centre for older people's consultation and prevention.
     *
     * <p>地域包括支援センター ({@code kkact:community-support-centre})
     */
    public static final Resource COMMUNITY_SUPPORT_CENTRE = resource("community-support-centre");

    /**
     * The prefectural government, which holds the consultation forum.
     *
     * <p>都道府県 ({@code kkact:prefecture})
     */
    public static final Resource PREFECTURE = resource("prefecture");

    /**
     * The public agency for community health.
     *
     * <p>保健所 ({@code kkact:public-health-centre})
     */
    public static final Resource PUBLIC_HEALTH_CENTRE = resource("public-health-centre");

    /**
     * The municipal government.
     *
     * <p>市町村 ({@code kkact:municipality})
     */
    public static final Resource MUNICIPALITY = resource("municipality");

    /**
     * A body of physicians.
     *
     * <p>医師会 ({@code kkact:medical-association})
     */
    public static final Resource MEDICAL_ASSOCIATION = resource("medical-association");

    /**
     * The medical association of a district, city or ward.
     *
     * <p>郡市区医師会 ({@code kkact:local-medical-association})
     */
    public static final Resource LOCAL_MEDICAL_ASSOCIATION = resource("local-medical-association");

    /**
     * The medical association of a prefecture.
     *
     * <p>都道府県医師会 ({@code kkact:prefectural-medical-association})
     */
    public static final Resource PREFECTURAL_MEDICAL_ASSOCIATION = resource("prefectural-medical-association");

    /**
     * An individual doctor.
     *
     * <p>医師 ({@code kkact:physician})
     */
    public static final Resource PHYSICIAN = resource("physician");

    /**
     * Patients and their families.
     *
     * <p>患者・家族 ({@code kkact:patients-families})
     */
    public static final Resource PATIENTS_FAMILIES = resource("patients-families");

    /**
     * The people who live in the area.
     *
     * <p>住民 ({@code kkact:residents})
     */
    public static final Resource RESIDENTS = resource("residents");

    /**
     * A health insurer; a participant in the consultation forum.
     *
     * <p>保険者 ({@code kkact:insurer})
     */
    public static final Resource INSURER = resource("insurer");

    private ActorTypes() {
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }
}
