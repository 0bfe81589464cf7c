package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Concepts of the scheme kk:resources: the reused resources that measures draw on (ontology/concepts.ttl).
 *
 * <p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand. VocabularyInSyncTest
 * fails while this class and the ontology disagree.
 */
public final class Resources {

    /** The namespace IRI. */
    public static final String NS = "https://w3id.org/kakaritsuke/resource/";

    /** The preferred prefix. */
    public static final String PREFIX = "kkres";

    /**
     * What hospitals and clinics reported to the prefecture about their family-doctor functions, intentions included,
     * as compiled and published.
     *
     * <p>かかりつけ医機能報告の結果 ({@code kkres:function-report-results})
     */
    public static final Resource FUNCTION_REPORT_RESULTS = resource("function-report-results");

    /**
     * An information and communication tool through which care teams share patient information.
     *
     * <p>ICTツール ({@code kkres:ict-tool})
     */
    public static final Resource ICT_TOOL = resource("ict-tool");

    /**
     * Institutions taking turns to cover out-of-hours and holiday care. The source once misprints it as 輸番制.
     *
     * <p>輪番制 ({@code kkres:rotation-system})
     */
    public static final Resource ROTATION_SYSTEM = resource("rotation-system");

    /**
     * Local clinics taking turns to provide primary emergency care on holidays and at night.
     *
     * <p>在宅当番医制 ({@code kkres:on-duty-doctor-system})
     */
    public static final Resource ON_DUTY_DOCTOR_SYSTEM = resource("on-duty-doctor-system");

    /**
     * A facility providing primary emergency care on holidays and at night.
     *
     * <p>休日夜間急患センター ({@code kkres:holiday-night-emergency-centre})
     */
    public static final Resource HOLIDAY_NIGHT_EMERGENCY_CENTRE = resource("holiday-night-emergency-centre");

    /**
     * Sharing information on available beds across the area so that patients and beds can be matched.
     *
     * <p>空床情報の共有 ({@code kkres:vacant-bed-sharing})
     */
    public static final Resource VACANT_BED_SHARING = resource("vacant-bed-sharing");

    /**
     * A meeting where staff of medical institutions, care providers and others share information and exchange views.
     *
     * <p>意見交換の場 ({@code kkres:exchange-forum})
     */
    public static final Resource EXCHANGE_FORUM = resource("exchange-forum");

    /**
     * Education, training sessions and hands-on training for physicians and others.
     *
     * <p>研修 ({@code kkres:training})
     */
    public static final Resource TRAINING = resource("training");

    /**
     * An area's agreed procedure for passing information on admission and discharge.
     *
     * <p>入退院支援ルール ({@code kkres:admission-discharge-rules})
     */
    public static final Resource ADMISSION_DISCHARGE_RULES = resource("admission-discharge-rules");

    /**
     * Hospital beds that take in home-care patients who deteriorate.
     *
     * <p>後方支援病床 ({@code kkres:backup-beds})
     */
    public static final Resource BACKUP_BEDS = resource("backup-beds");

    /**
     * Rules by which solo practices cover for one another.
     *
     * <p>グループ診療ルール ({@code kkres:group-practice-rules})
     */
    public static final Resource GROUP_PRACTICE_RULES = resource("group-practice-rules");

    /**
     * Another doctor seeing the patients while their own doctor is away.
     *
     * <p>代診 ({@code kkres:locum-cover})
     */
    public static final Resource LOCUM_COVER = resource("locum-cover");

    /**
     * Sharing a patient's information among institutions and professions as needed.
     *
     * <p>患者情報の共有 ({@code kkres:patient-information-sharing})
     */
    public static final Resource PATIENT_INFORMATION_SHARING = resource("patient-information-sharing");

    /**
     * Agreed rules for contact and response among the institutions involved.
     *
     * <p>連携ルール ({@code kkres:collaboration-rules})
     */
    public static final Resource COLLABORATION_RULES = resource("collaboration-rules");

    /**
     * Showing the people involved which institution does what.
     *
     * <p>連携体制の見える化 ({@code kkres:collaboration-visualisation})
     */
    public static final Resource COLLABORATION_VISUALISATION = resource("collaboration-visualisation");

    /**
     * Telling residents what the institutions do and why to have a family doctor.
     *
     * <p>住民への周知 ({@code kkres:public-awareness})
     */
    public static final Resource PUBLIC_AWARENESS = resource("public-awareness");

    /**
     * Finding and listing residents with no record of check-ups or visits.
     *
     * <p>健康状態不明者のリストアップ ({@code kkres:unknown-health-status-listing})
     */
    public static final Resource UNKNOWN_HEALTH_STATUS_LISTING = resource("unknown-health-status-listing");

    /**
     * Information on the medical institutions designated as partners of long-term-care facilities, as revealed by the
     * family-doctor function report.
     *
     * <p>協力医療機関の情報 ({@code kkres:partner-institution-information})
     */
    public static final Resource PARTNER_INSTITUTION_INFORMATION = resource("partner-institution-information");

    private Resources() {
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }
}
