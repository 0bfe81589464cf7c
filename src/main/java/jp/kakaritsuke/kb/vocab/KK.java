package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Classes, properties and concept schemes of the kakaritsuke ontology (ontology/kakaritsuke.ttl; the schemes are in
 * ontology/concepts.ttl).
 *
 * <p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand. VocabularyInSyncTest
 * fails while this class and the ontology disagree.
 */
public final class KK {

    /** The namespace IRI. */
    public static final String NS = "https://w3id.org/kakaritsuke/ontology#";

    /** The preferred prefix. */
    public static final String PREFIX = "kk";

    /** The start of every vocabulary IRI; {@code {VOCABULARY}{rest}} is served at {@code /def/{rest}}. */
    public static final String VOCABULARY = "https://w3id.org/kakaritsuke/";

    /** The ontology IRI, also the name of the graph that holds the ontology. */
    public static final String ONTOLOGY = "https://w3id.org/kakaritsuke/ontology";

    // Classes

    /**
     * One sheet on which an area's consultation forum works through one family-doctor function: challenge, causes,
     * target state, measures and expected effects.
     *
     * <p>協議シート ({@code kk:Worksheet})
     */
    public static final Resource Worksheet = resource("Worksheet");

    /**
     * The blank form of the worksheet: its boxes and their headings.
     *
     * <p>協議シート様式 ({@code kk:WorksheetTemplate})
     */
    public static final Resource WorksheetTemplate = resource("WorksheetTemplate");

    /**
     * One box of the template, with its heading as printed and the worksheet section it holds.
     *
     * <p>様式の欄 ({@code kk:TemplateSlot})
     */
    public static final Resource TemplateSlot = resource("TemplateSlot");

    /**
     * One entry written in a box of a worksheet; its source wording is kk:text, its English translation kk:translation.
     *
     * <p>シートの記載項目 ({@code kk:WorksheetItem})
     */
    public static final Resource WorksheetItem = resource("WorksheetItem");

    /**
     * Box (1): the concrete problem the area faces.
     *
     * <p>地域の具体的な課題 ({@code kk:Challenge})
     */
    public static final Resource Challenge = resource("Challenge");

    /**
     * Box (2): one cause of the challenge as seen from a stakeholder's viewpoint, numbered (cause 1, 2, …).
     *
     * <p>原因 ({@code kk:Cause})
     */
    public static final Resource Cause = resource("Cause");

    /**
     * Box (3): the state the area aims for.
     *
     * <p>地域で目指すべき姿 ({@code kk:TargetState})
     */
    public static final Resource TargetState = resource("TargetState");

    /**
     * Box (4): one measure against the causes, numbered (measure 1, 2, 3, …), possibly with concrete actions (✓).
     *
     * <p>方策 ({@code kk:Measure})
     */
    public static final Resource Measure = resource("Measure");

    /**
     * A concrete step listed with a tick (✓) under a measure.
     *
     * <p>取組 ({@code kk:Action})
     */
    public static final Resource Action = resource("Action");

    /**
     * Box (5): what the measures are expected to achieve.
     *
     * <p>方策により期待できる効果 ({@code kk:ExpectedEffect})
     */
    public static final Resource ExpectedEffect = resource("ExpectedEffect");

    /**
     * The part of a measure that one actor takes on: one line of the division of roles.
     *
     * <p>役割分担 ({@code kk:RoleAssignment})
     */
    public static final Resource RoleAssignment = resource("RoleAssignment");

    /**
     * A measurable indicator used to follow a measure's progress.
     *
     * <p>進捗管理のための指標 ({@code kk:ProgressIndicator})
     */
    public static final Resource ProgressIndicator = resource("ProgressIndicator");

    /**
     * One periodic review of the measures and indicators held by the consultation forum.
     *
     * <p>定期的な検証 ({@code kk:Review})
     */
    public static final Resource Review = resource("Review");

    /**
     * A note printed on the worksheet, such as the footnote marked ※.
     *
     * <p>注記 ({@code kk:Note})
     */
    public static final Resource Note = resource("Note");

    /**
     * A record of something the editors of this knowledge base read into the source that the source does not state,
     * such as which measure addresses which cause or how a typo is to be read. It stands beside the source text and
     * never replaces it.
     *
     * <p>解釈 ({@code kk:Interpretation})
     */
    public static final Resource Interpretation = resource("Interpretation");

    /**
     * A published document that a worksheet is taken from, such as the guideline.
     *
     * <p>出典文書 ({@code kk:SourceDocument})
     */
    public static final Resource SourceDocument = resource("SourceDocument");

    /**
     * A located part of a source document: chapter, section, pages.
     *
     * <p>出典箇所 ({@code kk:SourceExcerpt})
     */
    public static final Resource SourceExcerpt = resource("SourceExcerpt");

    /**
     * An area for which a consultation forum is held or that a consultation concerns.
     *
     * <p>地域 ({@code kk:Area})
     */
    public static final Resource Area = resource("Area");

    /**
     * A prefecture (JIS X 0401 code 01–47).
     *
     * <p>都道府県 ({@code kk:Prefecture})
     */
    public static final Resource Prefecture = resource("Prefecture");

    /**
     * A city, town or village, a special ward of Tokyo, a designated city or one of its wards (anything with a
     * local-government code).
     *
     * <p>市区町村 ({@code kk:Municipality})
     */
    public static final Resource Municipality = resource("Municipality");

    /**
     * An area with a standard area code that is not a local government: a district (郡), a subprefecture (振興局・支庁), the
     * special-wards area.
     *
     * <p>統計上の地域区分 ({@code kk:StatisticalArea})
     */
    public static final Resource StatisticalArea = resource("StatisticalArea");

    /**
     * A secondary medical care area of a prefecture's medical plan, identified by plan generation and 4-digit code.
     *
     * <p>二次医療圏 ({@code kk:SecondaryMedicalArea})
     */
    public static final Resource SecondaryMedicalArea = resource("SecondaryMedicalArea");

    /**
     * A zone of the regional medical-care vision, identified by publication year and 4-digit code.
     *
     * <p>地域医療構想区域 ({@code kk:VisionZone})
     */
    public static final Resource VisionZone = resource("VisionZone");

    // Properties

    /**
     * The area the worksheet is about.
     *
     * <p>地域 ({@code kk:area})
     */
    public static final Property area = property("area");

    /**
     * The family-doctor function the worksheet deals with (a concept of kk:functions).
     *
     * <p>かかりつけ医機能 ({@code kk:function})
     */
    public static final Property function = property("function");

    /**
     * The fiscal year of the consultation (the calendar year in which the April-to-March year starts).
     *
     * <p>年度 ({@code kk:fiscalYear})
     */
    public static final Property fiscalYear = property("fiscalYear");

    /**
     * A date on which the consultation forum discussed the worksheet.
     *
     * <p>協議日 ({@code kk:consultationDate})
     */
    public static final Property consultationDate = property("consultationDate");

    /**
     * The worksheet's status (example, draft, agreed: a concept of kk:statuses).
     *
     * <p>状態 ({@code kk:status})
     */
    public static final Property status = property("status");

    /**
     * When true, the resource was generated mechanically for demonstration or benchmarking and records no real
     * consultation.
     *
     * <p>合成データ ({@code kk:synthetic})
     */
    public static final Property synthetic = property("synthetic");

    /**
     * The template the worksheet follows.
     *
     * <p>様式 ({@code kk:template})
     */
    public static final Property template = property("template");

    /**
     * The source excerpt the resource's text is taken from.
     *
     * <p>出典 ({@code kk:source})
     */
    public static final Property source = property("source");

    /**
     * An item written on the worksheet; the parent of the per-box properties.
     *
     * <p>記載項目 ({@code kk:hasItem})
     */
    public static final Property hasItem = property("hasItem");

    /**
     * The challenge of box (1).
     *
     * <p>課題 ({@code kk:hasChallenge})
     */
    public static final Property hasChallenge = property("hasChallenge");

    /**
     * One cause of box (2).
     *
     * <p>原因 ({@code kk:hasCause})
     */
    public static final Property hasCause = property("hasCause");

    /**
     * The target state of box (3).
     *
     * <p>目指すべき姿 ({@code kk:hasTargetState})
     */
    public static final Property hasTargetState = property("hasTargetState");

    /**
     * One measure of box (4).
     *
     * <p>方策 ({@code kk:hasMeasure})
     */
    public static final Property hasMeasure = property("hasMeasure");

    /**
     * The expected effect of box (5).
     *
     * <p>期待できる効果 ({@code kk:hasExpectedEffect})
     */
    public static final Property hasExpectedEffect = property("hasExpectedEffect");

    /**
     * An indicator that follows the progress of the worksheet's measures.
     *
     * <p>進捗管理のための指標 ({@code kk:hasIndicator})
     */
    public static final Property hasIndicator = property("hasIndicator");

    /**
     * A periodic review held on the worksheet.
     *
     * <p>定期的な検証 ({@code kk:hasReview})
     */
    public static final Property hasReview = property("hasReview");

    /**
     * A note printed on the worksheet.
     *
     * <p>注記 ({@code kk:hasNote})
     */
    public static final Property hasNote = property("hasNote");

    /**
     * An action ticked (✓) under the measure.
     *
     * <p>取組 ({@code kk:hasAction})
     */
    public static final Property hasAction = property("hasAction");

    /**
     * Position within its box (1 for cause ①).
     *
     * <p>番号 ({@code kk:ordinal})
     */
    public static final Property ordinal = property("ordinal");

    /**
     * The entry's wording. For an item taken from a source it is the source's wording exactly, lines broken by the
     * layout joined; on an area's own worksheet it is the authors' wording; on an item the editors added as an
     * interpretation (recorded by a kk:Interpretation) it is the editors' wording.
     *
     * <p>記載 ({@code kk:text})
     */
    public static final Property text = property("text");

    /**
     * A translation of kk:text; not in the source, made by the editors of this knowledge base.
     *
     * <p>翻訳 ({@code kk:translation})
     */
    public static final Property translation = property("translation");

    /**
     * When true, the item's kk:translation does not translate its current kk:text: set when the source wording
     * (kk:text) was rewritten and the translation kept as it was, and kept until someone confirms or rewrites the
     * translation. Never set on an item without a translation.
     *
     * <p>翻訳が古い ({@code kk:translationOutdated})
     */
    public static final Property translationOutdated = property("translationOutdated");

    /**
     * Whose viewpoint the cause is seen from (a concept of kk:actorTypes).
     *
     * <p>視点 ({@code kk:viewpoint})
     */
    public static final Property viewpoint = property("viewpoint");

    /**
     * The challenge this cause explains.
     *
     * <p>課題の原因となる ({@code kk:explains})
     */
    public static final Property explains = property("explains");

    /**
     * A cause that the measure addresses.
     *
     * <p>対処する原因 ({@code kk:addresses})
     */
    public static final Property addresses = property("addresses");

    /**
     * An expected effect that the measure leads to.
     *
     * <p>もたらす効果 ({@code kk:leadsTo})
     */
    public static final Property leadsTo = property("leadsTo");

    /**
     * The target state the effect brings closer.
     *
     * <p>目指すべき姿に寄与する ({@code kk:contributesTo})
     */
    public static final Property contributesTo = property("contributesTo");

    /**
     * A reused resource or mechanism that the measure or action draws on (a concept of kk:resources).
     *
     * <p>活用する資源 ({@code kk:usesResource})
     */
    public static final Property usesResource = property("usesResource");

    /**
     * Which kind of cause this is (a concept of kk:causeTypes), so that causes worded differently by different areas
     * can be compared across areas; a cause may be of several types.
     *
     * <p>原因の類型 ({@code kk:causeType})
     */
    public static final Property causeType = property("causeType");

    /**
     * Which kind of measure this is (a concept of kk:measureTypes), so that measures worded differently by different
     * areas can be compared across areas; a measure may be of several types.
     *
     * <p>方策の類型 ({@code kk:measureType})
     */
    public static final Property measureType = property("measureType");

    /**
     * A reused resource or mechanism (a concept of kk:resources) that an item refers to without drawing on it, as a
     * cause does when it describes the present arrangement or a target state when it describes the aim; what a measure
     * or action draws on is kk:usesResource.
     *
     * <p>言及する資源 ({@code kk:mentions})
     */
    public static final Property mentions = property("mentions");

    /**
     * A type of actor involved in the measure or action (a concept of kk:actorTypes).
     *
     * <p>関わる主体 ({@code kk:involvesActor})
     */
    public static final Property involvesActor = property("involvesActor");

    /**
     * One line of the measure's division of roles.
     *
     * <p>役割分担 ({@code kk:hasRoleAssignment})
     */
    public static final Property hasRoleAssignment = property("hasRoleAssignment");

    /**
     * Who takes on the role: an actor type (a concept of kk:actorTypes) or a particular organisation
     * (org:Organization).
     *
     * <p>担い手 ({@code kk:assignedTo})
     */
    public static final Property assignedTo = property("assignedTo");

    /**
     * The measure whose progress the indicator follows.
     *
     * <p>追跡する方策 ({@code kk:tracks})
     */
    public static final Property tracks = property("tracks");

    /**
     * The indicator's value at the baseline.
     *
     * <p>基準値 ({@code kk:baselineValue})
     */
    public static final Property baselineValue = property("baselineValue");

    /**
     * The value the indicator aims for.
     *
     * <p>目標値 ({@code kk:targetValue})
     */
    public static final Property targetValue = property("targetValue");

    /**
     * The date the review was held.
     *
     * <p>検証日 ({@code kk:reviewDate})
     */
    public static final Property reviewDate = property("reviewDate");

    /**
     * A measure or indicator the review considered.
     *
     * <p>検証の対象 ({@code kk:reviews})
     */
    public static final Property reviews = property("reviews");

    /**
     * A box of the template.
     *
     * <p>欄 ({@code kk:hasSlot})
     */
    public static final Property hasSlot = property("hasSlot");

    /**
     * The worksheet section the box holds (a concept of kk:sections).
     *
     * <p>区分 ({@code kk:section})
     */
    public static final Property section = property("section");

    /**
     * The heading as printed on the template.
     *
     * <p>見出し ({@code kk:heading})
     */
    public static final Property heading = property("heading");

    /**
     * The class of the items written in the section.
     *
     * <p>記載項目のクラス ({@code kk:itemClass})
     */
    public static final Property itemClass = property("itemClass");

    /**
     * The item whose source text the interpretation reads.
     *
     * <p>解釈の対象 ({@code kk:interprets})
     */
    public static final Property interprets = property("interprets");

    /**
     * The part of the source text the interpretation is about, verbatim.
     *
     * <p>原文の該当部分 ({@code kk:sourceFragment})
     */
    public static final Property sourceFragment = property("sourceFragment");

    /**
     * How the editors read the source fragment (a typo's correction, say).
     *
     * <p>読み替え ({@code kk:reading})
     */
    public static final Property reading = property("reading");

    /**
     * Why the editors read the source so.
     *
     * <p>根拠 ({@code kk:rationale})
     */
    public static final Property rationale = property("rationale");

    /**
     * The chapter and section of the excerpt, as printed.
     *
     * <p>章節 ({@code kk:chapter})
     */
    public static final Property chapter = property("chapter");

    /**
     * The page or pages of the excerpt.
     *
     * <p>頁 ({@code kk:pages})
     */
    public static final Property pages = property("pages");

    /**
     * The attachment label the source gives (such as 別添６).
     *
     * <p>別添番号 ({@code kk:attachmentLabel})
     */
    public static final Property attachmentLabel = property("attachmentLabel");

    /**
     * An area that contains this one (the prefecture of a municipality, the designated city of a ward).
     *
     * <p>上位の地域 ({@code kk:partOf})
     */
    public static final Property partOf = property("partOf");

    /**
     * The prefecture the area lies in.
     *
     * <p>都道府県 ({@code kk:inPrefecture})
     */
    public static final Property inPrefecture = property("inPrefecture");

    /**
     * The 5-digit standard area code; prefectures end in 000.
     *
     * <p>地域コード ({@code kk:areaCode})
     */
    public static final Property areaCode = property("areaCode");

    /**
     * The 6-digit local-government code with its check digit (Wikidata P429).
     *
     * <p>全国地方公共団体コード ({@code kk:localGovernmentCode})
     */
    public static final Property localGovernmentCode = property("localGovernmentCode");

    /**
     * The 2-digit JIS X 0401 prefecture code.
     *
     * <p>都道府県コード ({@code kk:prefectureCode})
     */
    public static final Property prefectureCode = property("prefectureCode");

    /**
     * The ISO 3166-2 subdivision code (JP-13, say).
     *
     * <p>ISO 3166-2 コード ({@code kk:isoCode})
     */
    public static final Property isoCode = property("isoCode");

    /**
     * The 4-digit code of a secondary medical area or vision zone (2-digit prefecture code and a 2-digit number).
     *
     * <p>医療圏・構想区域コード ({@code kk:medicalAreaCode})
     */
    public static final Property medicalAreaCode = property("medicalAreaCode");

    /**
     * The plan generation that defined the area ("8" for the 8th medical plan, "R7" for the vision zones published in
     * FY2025).
     *
     * <p>計画の世代 ({@code kk:planGeneration})
     */
    public static final Property planGeneration = property("planGeneration");

    /**
     * The e-Stat statistical LOD URI of the area's standard area code (http://data.e-stat.go.jp/lod/sac/C{5 digits}).
     *
     * <p>統計LODの標準地域コード ({@code kk:standardAreaCode})
     */
    public static final Property standardAreaCode = property("standardAreaCode");

    /**
     * A municipality that makes up the medical area or zone.
     *
     * <p>構成市区町村 ({@code kk:coversMunicipality})
     */
    public static final Property coversMunicipality = property("coversMunicipality");

    /**
     * The kind of a municipality or statistical area (a concept of kk:municipalityKinds: ordinary municipality,
     * designated city, ward of a designated city, special ward, statistics-only area, Northern Territories village).
     *
     * <p>市区町村の種別 ({@code kk:municipalityKind})
     */
    public static final Property municipalityKind = property("municipalityKind");

    /**
     * The vision zone a medical institution lies in (as listed by MHLW's per-zone list of institutions).
     *
     * <p>所在する構想区域 ({@code kk:inVisionZone})
     */
    public static final Property inVisionZone = property("inVisionZone");

    /**
     * The municipality a medical institution lies in; given only where the source's municipality name equals the name
     * of one municipality of its vision zone.
     *
     * <p>所在する市区町村 ({@code kk:inMunicipality})
     */
    public static final Property inMunicipality = property("inMunicipality");

    /**
     * The municipality of a medical institution as the source writes it, verbatim.
     *
     * <p>所在地（原典の市区町村名） ({@code kk:municipalityName})
     */
    public static final Property municipalityName = property("municipalityName");

    /**
     * A function the medical institution is designated or registered for (a concept of kk:facilityFunctions); stated
     * only where the source marks it — no statement does not mean no.
     *
     * <p>指定・届出された機能 ({@code kk:designatedFunction})
     */
    public static final Property designatedFunction = property("designatedFunction");

    /**
     * The institution's ID in the open data of the Medical Information Net (navii); given only where name and
     * municipality match exactly one entry.
     *
     * <p>医療情報ネットID ({@code kk:medicalInfoNetId})
     */
    public static final Property medicalInfoNetId = property("medicalInfoNetId");

    /**
     * The total number of beds (general, long-term, psychiatric, tuberculosis and infectious-disease beds) in the
     * Medical Information Net open data.
     *
     * <p>病床数 ({@code kk:bedCount})
     */
    public static final Property bedCount = property("bedCount");

    /**
     * The row of the source table the resource was made from (publication-zone code-row); not a permanent institution
     * id.
     *
     * <p>原典の行 ({@code kk:sourceRecord})
     */
    public static final Property sourceRecord = property("sourceRecord");

    /**
     * The dataset that gave the institution's latitude and longitude; a location is given only on an unambiguous match,
     * never guessed.
     *
     * <p>位置の出典 ({@code kk:locationSource})
     */
    public static final Property locationSource = property("locationSource");

    /**
     * The age band of an observation (a concept of kk:ageBands).
     *
     * <p>年齢階級 ({@code kk:ageBand})
     */
    public static final Property ageBand = property("ageBand");

    /**
     * The category of projected demand (home-visit care, outpatient care).
     *
     * <p>需要区分 ({@code kk:demandCategory})
     */
    public static final Property demandCategory = property("demandCategory");

    /**
     * The fiscal year an observation refers to (the calendar year in which the April-to-March year starts).
     *
     * <p>対象年度 ({@code kk:referenceFiscalYear})
     */
    public static final Property referenceFiscalYear = property("referenceFiscalYear");

    /**
     * When true, the observation is a projection (current-rate projection), not an actual figure.
     *
     * <p>推計値 ({@code kk:projection})
     */
    public static final Property projection = property("projection");

    /**
     * The heading the source gives the observation (such as 「2030年度（現状投影）」), verbatim.
     *
     * <p>原典の見出し ({@code kk:sourceLabel})
     */
    public static final Property sourceLabel = property("sourceLabel");

    /**
     * Population (persons).
     *
     * <p>人口 ({@code kk:population})
     */
    public static final Property population = property("population");

    /**
     * Insurance claims per month; not a number of patients.
     *
     * <p>レセプト件数/月 ({@code kk:receiptsPerMonth})
     */
    public static final Property receiptsPerMonth = property("receiptsPerMonth");

    /**
     * Estimated share (0 to 1) of the zone's patients admitted outside it (FY2025 publication).
     *
     * <p>推計流出患者割合 ({@code kk:outflowRate})
     */
    public static final Property outflowRate = property("outflowRate");

    /**
     * Estimated share (0 to 1) of the patients admitted in the zone who live outside it (FY2025 publication).
     *
     * <p>推計流入患者割合 ({@code kk:inflowRate})
     */
    public static final Property inflowRate = property("inflowRate");

    /**
     * The zone's surface area in square kilometres (2020).
     *
     * <p>面積（km²） ({@code kk:areaKm2})
     */
    public static final Property areaKm2 = property("areaKm2");

    // Concept schemes

    /**
     * The functions reported in the family-doctor function report (Medical Care Act art. 30-18-4 (1) items 1 and 2).
     *
     * <p>かかりつけ医機能 ({@code kk:functions})
     */
    public static final Resource functions = resource("functions");

    /**
     * Mechanisms, information, forums and tools that measures draw on and that recur across areas.
     *
     * <p>方策が活用する資源 ({@code kk:resources})
     */
    public static final Resource resources = resource("resources");

    /**
     * Types of actors that take part in measures and share roles; also used as the viewpoint of a cause.
     *
     * <p>主体の種別 ({@code kk:actorTypes})
     */
    public static final Resource actorTypes = resource("actorTypes");

    /**
     * The states a worksheet can be in.
     *
     * <p>シートの状態 ({@code kk:statuses})
     */
    public static final Resource statuses = resource("statuses");

    /**
     * The sections of the worksheet, following the guideline's consultation cycle.
     *
     * <p>シートの区分 ({@code kk:sections})
     */
    public static final Resource sections = resource("sections");

    /**
     * The designated or registered functions that MHLW's per-zone list of medical institutions (attachment 5) marks for
     * each institution; an unmarked function is unknown, not absent.
     *
     * <p>医療機関の指定・届出機能 ({@code kk:facilityFunctions})
     */
    public static final Resource facilityFunctions = resource("facilityFunctions");

    /**
     * The age bands of the population observations (the census's 5-year bands, 65 and over, unknown, all ages).
     *
     * <p>年齢階級 ({@code kk:ageBands})
     */
    public static final Resource ageBands = resource("ageBands");

    /**
     * The demand categories of MHLW's projected demand by vision zone.
     *
     * <p>医療需要の区分 ({@code kk:demandCategories})
     */
    public static final Resource demandCategories = resource("demandCategories");

    /**
     * Units of the observations.
     *
     * <p>単位 ({@code kk:units})
     */
    public static final Resource units = resource("units");

    /**
     * The kinds of the areas that carry a standard area code. Local public bodies are the municipalities (designated
     * cities included) and the special wards; the six Northern Territories villages are counted apart.
     *
     * <p>市区町村の種別 ({@code kk:municipalityKinds})
     */
    public static final Resource municipalityKinds = resource("municipalityKinds");

    /**
     * Types of the causes on worksheets, for comparing causes across areas whatever their wording; derived from the
     * causes of the guideline's worked examples and their viewpoints.
     *
     * <p>原因の類型 ({@code kk:causeTypes})
     */
    public static final Resource causeTypes = resource("causeTypes");

    /**
     * Types of the measures on worksheets, for comparing measures across areas whatever their wording; derived from the
     * measures of the guideline's worked examples.
     *
     * <p>方策の類型 ({@code kk:measureTypes})
     */
    public static final Resource measureTypes = resource("measureTypes");

    private KK() {
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }

    private static Property property(String localName) {
        return ResourceFactory.createProperty(NS + localName);
    }
}
