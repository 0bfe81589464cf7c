package jp.kakaritsuke.kb.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generator's own vocabulary for wording causes and measures the way different areas would: for each cause type
 * and measure type (the local ids of kk:causeTypes and kk:measureTypes) a few phrasings in Japanese with an English
 * gloss, where {@code {topic}} stands for the worksheet's function (在宅医療, 時間外診療, …). A synthetic item of a
 * type is worded with one of its type's phrasings, picked by the seeded random source, so the same seed gives the
 * same wording and the type an author would choose is the one the phrasing was written for.
 */
final class Paraphrases {

    /** One phrasing: Japanese, English gloss. */
    record Phrase(String ja, String en) {

        Phrase fill(Topic topic) {
            return new Phrase(ja.replace("{topic}", topic.ja()), en.replace("{topic}", topic.en()));
        }
    }

    /** What a function is about, as the phrasings name it. */
    record Topic(String ja, String en) {}

    private static final Map<String, Topic> TOPICS = Map.of(
            "f1", new Topic("日常的な診療", "everyday care"),
            "f2-i", new Topic("時間外診療", "out-of-hours care"),
            "f2-ro", new Topic("入退院支援", "admission and discharge support"),
            "f2-ha", new Topic("在宅医療", "home medical care"),
            "f2-ni", new Topic("医療と介護の連携", "coordination of medical and long-term care"),
            "f2-ho", new Topic("地域の医療", "the area's care"));

    private static final Map<String, List<Phrase>> CAUSES = Map.ofEntries(
            Map.entry(
                    "provider-shortage",
                    List.of(
                            new Phrase("{topic}を担う医師が不足している。", "There are too few physicians providing {topic}."),
                            new Phrase("{topic}に対応できる診療所が少ない。", "Few clinics can provide {topic}."),
                            new Phrase(
                                    "{topic}の担い手となる医療機関や訪問看護ステーションが足りない。",
                                    "There are not enough institutions and home-visit nursing agencies to provide {topic}."))),
            Map.entry(
                    "ageing-workforce",
                    List.of(
                            new Phrase(
                                    "地域の医師の高齢化が進み、{topic}を続けられる医療機関が減っている。",
                                    "The area's physicians are ageing and fewer institutions can keep up {topic}."),
                            new Phrase(
                                    "開業医の高齢化により、{topic}の当番を組むことが難しくなっている。",
                                    "As practitioners age, rotas for {topic} are getting hard to fill."),
                            new Phrase(
                                    "後継者がおらず、{topic}を担ってきた診療所の閉院が続いている。",
                                    "Clinics that provided {topic} are closing for want of successors."))),
            Map.entry(
                    "willing-providers-unknown",
                    List.of(
                            new Phrase(
                                    "{topic}を担う意向のある医療機関が把握できていない。",
                                    "The institutions willing to provide {topic} are not known."),
                            new Phrase(
                                    "どの医療機関が{topic}に協力できるのか、地域として分かっていない。",
                                    "The area does not know which institutions could help with {topic}."),
                            new Phrase(
                                    "{topic}への参加の意向を医療機関に確かめる機会がない。",
                                    "There is no occasion to ask institutions whether they would take part in {topic}."))),
            Map.entry(
                    "roles-not-known",
                    List.of(
                            new Phrase(
                                    "各医療機関の機能や役割が関係者に知られていない。",
                                    "The functions and roles of each institution are not known to the other parties."),
                            new Phrase(
                                    "{topic}について、どの医療機関が何を担っているのかが周知されていない。",
                                    "Who provides what in {topic} has not been made known."),
                            new Phrase(
                                    "医療機関ごとの得意分野や対応できる範囲が共有されていない。",
                                    "What each institution does well and can handle is not shared."))),
            Map.entry(
                    "partner-unknown",
                    List.of(
                            new Phrase(
                                    "{topic}で困ったときに、どの医療機関に相談すればよいか分からない。",
                                    "When {topic} runs into trouble, nobody knows which institution to consult."),
                            new Phrase(
                                    "連携先となる医療機関や施設が分からない。",
                                    "The institutions and facilities to work with are not known."),
                            new Phrase(
                                    "紹介先が分からず、中核病院に紹介が集中している。",
                                    "Not knowing where else to refer, doctors refer everything to the core hospital."))),
            Map.entry(
                    "collaboration-lacking",
                    List.of(
                            new Phrase(
                                    "地域の医療機関同士の連携が十分に行われていない。", "The area's institutions do not work together enough."),
                            new Phrase(
                                    "{topic}に関わる医療機関の間で協力関係が築けていない。",
                                    "No working relationship has been built among the institutions involved in {topic}."),
                            new Phrase(
                                    "病院と診療所の連携が弱く、{topic}が個々の努力に任されている。",
                                    "Hospitals and clinics work together too little, leaving {topic} to individual effort."))),
            Map.entry(
                    "no-collaboration-forum",
                    List.of(
                            new Phrase(
                                    "関係者が集まって{topic}について話し合う場がない。",
                                    "There is no forum where the parties meet to discuss {topic}."),
                            new Phrase(
                                    "医療機関と介護施設の担当者が顔を合わせる機会がない。",
                                    "Staff of institutions and care facilities never meet."),
                            new Phrase(
                                    "{topic}に関する情報交換や意見交換の場が設けられていない。",
                                    "No forum has been set up to exchange information and views on {topic}."))),
            Map.entry(
                    "no-information-sharing",
                    List.of(
                            new Phrase(
                                    "患者の情報が医療機関の間で平時から共有されていない。",
                                    "Patient information is not shared among institutions in ordinary times."),
                            new Phrase(
                                    "{topic}に必要な情報を共有する仕組みがない。",
                                    "There is no means of sharing the information {topic} needs."),
                            new Phrase(
                                    "空床や受入れ状況の情報がリアルタイムで分からない。",
                                    "Vacant beds and admission capacity cannot be seen in real time."))),
            Map.entry(
                    "rules-not-working",
                    List.of(
                            new Phrase("{topic}の連携ルールが決まっていない。", "No collaboration rules exist for {topic}."),
                            new Phrase(
                                    "既存の連携ルールが現場で守られておらず、機能していない。",
                                    "The existing collaboration rules are not followed in practice and do not work."),
                            new Phrase(
                                    "急変時の連絡や受入れの手順が医療機関ごとにばらばらである。",
                                    "Each institution has its own procedure for calls and admissions when a patient deteriorates."))),
            Map.entry(
                    "lack-of-experience",
                    List.of(
                            new Phrase(
                                    "{topic}の経験がある医師が少なく、参加をためらう医師が多い。",
                                    "Few physicians have experience of {topic}, and many hesitate to take part."),
                            new Phrase(
                                    "急変時の対応に不安があり、{topic}に踏み出せない医師がいる。",
                                    "Some physicians worry about sudden deterioration and do not venture into {topic}."),
                            new Phrase("{topic}について学ぶ研修の機会が少ない。", "There are few opportunities to train in {topic}."))),
            Map.entry(
                    "heavy-burden",
                    List.of(
                            new Phrase(
                                    "{topic}の負担が一部の医療機関に集中している。", "The burden of {topic} falls on a few institutions."),
                            new Phrase(
                                    "少数の医師が{topic}を担っており、疲弊している。",
                                    "A handful of physicians carry {topic} and are worn out."),
                            new Phrase(
                                    "夜間や休日の対応が特定の医師に偏っている。",
                                    "Night and holiday cover falls on particular physicians."))),
            Map.entry(
                    "residents-unaware",
                    List.of(
                            new Phrase("住民が{topic}について十分に知らない。", "Residents know too little about {topic}."),
                            new Phrase(
                                    "かかりつけ医を持つことの意義が住民に伝わっていない。",
                                    "Residents have not heard why having a family doctor matters."),
                            new Phrase(
                                    "住民が相談先を知らず、救急外来を受診してしまう。",
                                    "Not knowing where to seek advice, residents go to the emergency department."))));

    private static final Map<String, List<Phrase>> MEASURES = Map.ofEntries(
            Map.entry(
                    "exchange-forum",
                    List.of(
                            new Phrase(
                                    "{topic}について関係者が意見交換する場を設ける。",
                                    "Set up a forum for the parties to exchange views on {topic}."),
                            new Phrase(
                                    "医療機関と関係機関の連携会議を定期的に開催する。",
                                    "Hold regular liaison meetings of institutions and related bodies."),
                            new Phrase(
                                    "{topic}の課題を話し合う検討会を立ち上げる。",
                                    "Launch a study group to discuss the problems of {topic}."))),
            Map.entry(
                    "training",
                    List.of(
                            new Phrase("{topic}に関する研修会を開催する。", "Hold training sessions on {topic}."),
                            new Phrase(
                                    "{topic}に関心のある医師を対象に実地研修を行う。",
                                    "Run hands-on training for physicians interested in {topic}."),
                            new Phrase(
                                    "経験のある医師が同行する{topic}の研修プログラムを作る。",
                                    "Create a {topic} training programme in which experienced physicians accompany newcomers."))),
            Map.entry(
                    "rotation-system",
                    List.of(
                            new Phrase(
                                    "地域の医療機関で輪番制を組み、{topic}の体制を確保する。",
                                    "Set up a rota among the area's institutions to secure {topic}."),
                            new Phrase(
                                    "休日・夜間の当番体制を見直し、参加する医療機関を増やす。",
                                    "Review the holiday and night duty system and bring in more institutions."),
                            new Phrase("診療所が交代で対応する当番表を作る。", "Draw up a duty roster that clinics take in turns."))),
            Map.entry(
                    "provider-mapping",
                    List.of(
                            new Phrase(
                                    "かかりつけ医機能報告の結果から、{topic}を担う意向のある医療機関を整理する。",
                                    "Use the family-doctor function report to identify the institutions willing to provide {topic}."),
                            new Phrase(
                                    "報告結果をもとに{topic}に協力できる医療機関の一覧を作り、個別に働きかける。",
                                    "From the report results, list the institutions that could help with {topic} and approach each."),
                            new Phrase(
                                    "医療機関に{topic}への参加の意向を調査し、結果を地域で共有する。",
                                    "Survey institutions on their willingness to take part in {topic} and share the results."))),
            Map.entry(
                    "collaboration-network",
                    List.of(
                            new Phrase(
                                    "{topic}を担う医療機関同士の連携体制を構築する。",
                                    "Build a collaboration network among the institutions providing {topic}."),
                            new Phrase(
                                    "病院と診療所が互いに支え合う{topic}の体制をつくる。",
                                    "Create a {topic} arrangement in which hospitals and clinics back each other up."),
                            new Phrase(
                                    "主治医が不在のときに代わりに対応する医療機関を決めておく。",
                                    "Agree in advance which institution covers when the attending doctor is away."))),
            Map.entry(
                    "rule-making",
                    List.of(
                            new Phrase(
                                    "{topic}の連携ルールを策定し、参加機関を広げる。",
                                    "Draw up collaboration rules for {topic} and widen the circle of participants."),
                            new Phrase(
                                    "急変時の連絡と受入れの手順を地域で統一する。",
                                    "Standardise across the area how sudden deterioration is reported and admitted."),
                            new Phrase(
                                    "地域の実情に合った{topic}の手順書を作る。",
                                    "Write {topic} procedures that fit the area's circumstances."))),
            Map.entry(
                    "information-sharing",
                    List.of(
                            new Phrase(
                                    "医療機関の間で必要に応じて患者情報を共有する。",
                                    "Share patient information among institutions as needed."),
                            new Phrase(
                                    "各医療機関の機能や役割を一覧にまとめ、関係者で共有する。",
                                    "Compile the functions and roles of each institution and share them with the parties."),
                            new Phrase(
                                    "{topic}に必要な情報を共有する様式を統一する。",
                                    "Standardise the forms for sharing the information {topic} needs."))),
            Map.entry(
                    "ict",
                    List.of(
                            new Phrase("情報連携のためのICTツールを導入する。", "Introduce an ICT tool for sharing information."),
                            new Phrase("空床情報を共有するシステムを構築する。", "Build a system for sharing vacant-bed information."),
                            new Phrase(
                                    "医療機関と介護事業所がつながるオンラインの情報共有基盤を整える。",
                                    "Set up an online platform linking institutions and care providers."))),
            Map.entry(
                    "matching",
                    List.of(
                            new Phrase("医療機関と介護施設等のマッチングを行う。", "Match medical institutions with care facilities."),
                            new Phrase(
                                    "支援を必要とする施設と協力できる医療機関を結び付ける窓口を設ける。",
                                    "Open a desk that links facilities needing support with institutions able to give it."),
                            new Phrase(
                                    "協力医療機関の情報を活用し、施設ごとに連携先を紹介する。",
                                    "Use the partner-institution information to introduce each facility to a partner."))),
            Map.entry(
                    "public-awareness",
                    List.of(
                            new Phrase(
                                    "住民に{topic}の仕組みや相談先を周知する。",
                                    "Inform residents how {topic} works and where to seek advice."),
                            new Phrase(
                                    "広報誌や説明会でかかりつけ医を持つことの大切さを伝える。",
                                    "Explain through newsletters and meetings why a family doctor matters."),
                            new Phrase("{topic}について住民向けの出前講座を開く。", "Hold outreach talks on {topic} for residents."))));

    private Paraphrases() {}

    /** The topic of a function, by its local id ({@code f2-ha}); the whole area's care when unknown. */
    static Topic topic(String functionId) {
        return TOPICS.getOrDefault(functionId, TOPICS.get("f2-ho"));
    }

    /** A phrasing of a cause of {@code type}, or null when the vocabulary has none for that type. */
    static Phrase cause(String type, Topic topic, SplittableRandom random) {
        return pick(CAUSES.get(type), topic, random);
    }

    /** A phrasing of a measure of {@code type}, or null when the vocabulary has none for that type. */
    static Phrase measure(String type, Topic topic, SplittableRandom random) {
        return pick(MEASURES.get(type), topic, random);
    }

    /** The measure types the vocabulary can word, in a fixed order. */
    static List<String> measureTypes() {
        return MEASURES.keySet().stream().sorted().toList();
    }

    private static Phrase pick(List<Phrase> phrases, Topic topic, SplittableRandom random) {
        if (phrases == null) {
            return null;
        }
        return phrases.get(random.nextInt(phrases.size())).fill(topic);
    }
}
