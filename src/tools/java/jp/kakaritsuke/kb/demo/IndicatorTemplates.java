package jp.kakaritsuke.kb.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Invented progress indicators and review notes for synthetic worksheets. The examples carry none (the guideline
 * only asks that indicators be set and reviewed), so these are plausible wordings chosen by the reused resource a
 * measure draws on; values are drawn at random around a baseline.
 */
final class IndicatorTemplates {

    /** An indicator wording in Japanese and English, and the range its baseline value is drawn from. */
    record Indicator(String ja, String en, int baselineMin, int baselineMax) {}

    /** A review note in Japanese and English. */
    record ReviewNote(String ja, String en) {}

    private static final Map<String, Indicator> BY_RESOURCE = Map.ofEntries(
            Map.entry(
                    "function-report-results",
                    new Indicator(
                            "かかりつけ医機能報告の結果を踏まえて協議に参加した医療機関数（施設）",
                            "Medical institutions taking part in the consultation on the basis of the family-doctor function report results (institutions)",
                            5,
                            40)),
            Map.entry(
                    "ict-tool",
                    new Indicator(
                            "ICTツールで患者情報を共有している医療機関・介護事業所数（施設）",
                            "Medical institutions and care providers sharing patient information through the ICT tool (institutions)",
                            3,
                            30)),
            Map.entry(
                    "rotation-system",
                    new Indicator(
                            "輪番体制に参加する医療機関数（施設）",
                            "Medical institutions taking part in the rota (institutions)",
                            3,
                            20)),
            Map.entry(
                    "on-duty-doctor-system",
                    new Indicator(
                            "在宅当番医制に参加する医療機関数（施設）",
                            "Medical institutions taking part in the on-duty doctor rota (institutions)",
                            3,
                            20)),
            Map.entry(
                    "vacant-bed-sharing",
                    new Indicator("空床情報を共有している病院数（施設）", "Hospitals sharing vacant-bed information (hospitals)", 1, 10)),
            Map.entry(
                    "exchange-forum",
                    new Indicator(
                            "医療・介護関係者による意見交換の場の年間開催回数（回）",
                            "Meetings held per year for medical and care staff to exchange views (meetings)",
                            0,
                            4)),
            Map.entry(
                    "training",
                    new Indicator("研修の年間受講者数（人）", "People completing the training per year (people)", 10, 80)),
            Map.entry(
                    "admission-discharge-rules",
                    new Indicator(
                            "入退院支援ルールに沿って退院調整を行った病院の割合（％）",
                            "Share of hospitals arranging discharges by the admission–discharge support protocol (%)",
                            20,
                            60)),
            Map.entry(
                    "backup-beds",
                    new Indicator("後方支援病床を確保している病院数（施設）", "Hospitals keeping back-up beds (hospitals)", 1, 8)),
            Map.entry(
                    "group-practice-rules",
                    new Indicator("グループ診療に参加する診療所数（施設）", "Clinics taking part in group practice (clinics)", 2, 15)),
            Map.entry(
                    "locum-cover",
                    new Indicator(
                            "代診の依頼に応じられる医師数（人）",
                            "Physicians able to provide locum cover on request (physicians)",
                            2,
                            15)),
            Map.entry(
                    "patient-information-sharing",
                    new Indicator(
                            "多職種で患者情報を共有した件数（件／年）",
                            "Cases in which patient information was shared across professions (cases per year)",
                            20,
                            200)),
            Map.entry(
                    "collaboration-rules",
                    new Indicator(
                            "連携ルールに合意した医療機関・事業所数（施設）",
                            "Medical institutions and providers that have agreed to the collaboration rules (institutions)",
                            5,
                            40)),
            Map.entry(
                    "collaboration-visualisation",
                    new Indicator(
                            "連携体制の見える化資料に掲載した医療機関数（施設）",
                            "Medical institutions listed in the published map of the collaboration network (institutions)",
                            5,
                            50)),
            Map.entry(
                    "public-awareness",
                    new Indicator("かかりつけ医を持つ住民の割合（％）", "Share of residents who have a family doctor (%)", 40, 70)),
            Map.entry(
                    "unknown-health-status-listing",
                    new Indicator(
                            "健康状態不明者のうち医療・介護につながった人数（人）",
                            "Residents of unknown health status who were put in touch with medical or long-term care (people)",
                            5,
                            60)),
            Map.entry(
                    "partner-institution-information",
                    new Indicator(
                            "協力医療機関を定めている介護施設の割合（％）",
                            "Share of long-term-care facilities with a designated partner medical institution (%)",
                            40,
                            80)));

    private static final Indicator FALLBACK = new Indicator(
            "方策に取り組んだ医療機関数（施設）", "Medical institutions that have taken up the measure (institutions)", 3, 30);

    private static final List<ReviewNote> REVIEW_NOTES = List.of(
            new ReviewNote(
                    "指標の進捗を確認し、方策を継続することとした。",
                    "The forum checked the indicators' progress and decided to continue the measures."),
            new ReviewNote(
                    "目標値に届いていない指標について原因を改めて整理し、次年度に方策を見直すこととした。",
                    "For the indicators short of their targets, the forum went over the causes again and decided "
                            + "to revise the measures next year."),
            new ReviewNote(
                    "関係機関からの報告を受け、役割分担の一部を見直した。",
                    "Having heard reports from the organisations involved, the forum revised part of the division "
                            + "of roles."),
            new ReviewNote(
                    "目標値を達成した指標があったため、次年度はより高い目標値を設定することとした。",
                    "As some indicators reached their targets, the forum decided to set higher targets for next year."));

    private IndicatorTemplates() {}

    /** The indicator wording for a measure that uses the resource {@code resourceLocalName} (null for none). */
    static Indicator forResource(String resourceLocalName) {
        return resourceLocalName == null ? FALLBACK : BY_RESOURCE.getOrDefault(resourceLocalName, FALLBACK);
    }

    static ReviewNote reviewNote(SplittableRandom random) {
        return REVIEW_NOTES.get(random.nextInt(REVIEW_NOTES.size()));
    }

    /** A baseline value in the template's range. */
    static int baseline(Indicator indicator, SplittableRandom random) {
        return random.nextInt(indicator.baselineMin(), indicator.baselineMax() + 1);
    }

    /** A target above the baseline: percentages stay at most 100. */
    static int target(Indicator indicator, int baseline, SplittableRandom random) {
        int step = Math.max(1, baseline / 4);
        int target = baseline + step + random.nextInt(step + 2);
        return indicator.ja().endsWith("（％）") ? Math.min(100, target) : target;
    }
}
