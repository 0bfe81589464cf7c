package jp.kakaritsuke.kb.vocab;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Concepts of the code lists of the regional evidence: kk:ageBands, kk:demandCategories, kk:units and
 * kk:municipalityKinds (ontology/concepts.ttl).
 *
 * <p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand. VocabularyInSyncTest
 * fails while this class and the ontology disagree.
 */
public final class Codes {

    /** The namespace IRI. */
    public static final String NS = "https://w3id.org/kakaritsuke/code/";

    /** The preferred prefix. */
    public static final String PREFIX = "kkcode";

    /**
     * People aged 0 to 4 years.
     *
     * <p>0〜4歳 ({@code kkcode:age-0-4})
     */
    public static final Resource AGE_0_4 = resource("age-0-4");

    /**
     * People aged 5 to 9 years.
     *
     * <p>5〜9歳 ({@code kkcode:age-5-9})
     */
    public static final Resource AGE_5_9 = resource("age-5-9");

    /**
     * People aged 10 to 14 years.
     *
     * <p>10〜14歳 ({@code kkcode:age-10-14})
     */
    public static final Resource AGE_10_14 = resource("age-10-14");

    /**
     * People aged 15 to 19 years.
     *
     * <p>15〜19歳 ({@code kkcode:age-15-19})
     */
    public static final Resource AGE_15_19 = resource("age-15-19");

    /**
     * People aged 20 to 24 years.
     *
     * <p>20〜24歳 ({@code kkcode:age-20-24})
     */
    public static final Resource AGE_20_24 = resource("age-20-24");

    /**
     * People aged 25 to 29 years.
     *
     * <p>25〜29歳 ({@code kkcode:age-25-29})
     */
    public static final Resource AGE_25_29 = resource("age-25-29");

    /**
     * People aged 30 to 34 years.
     *
     * <p>30〜34歳 ({@code kkcode:age-30-34})
     */
    public static final Resource AGE_30_34 = resource("age-30-34");

    /**
     * People aged 35 to 39 years.
     *
     * <p>35〜39歳 ({@code kkcode:age-35-39})
     */
    public static final Resource AGE_35_39 = resource("age-35-39");

    /**
     * People aged 40 to 44 years.
     *
     * <p>40〜44歳 ({@code kkcode:age-40-44})
     */
    public static final Resource AGE_40_44 = resource("age-40-44");

    /**
     * People aged 45 to 49 years.
     *
     * <p>45〜49歳 ({@code kkcode:age-45-49})
     */
    public static final Resource AGE_45_49 = resource("age-45-49");

    /**
     * People aged 50 to 54 years.
     *
     * <p>50〜54歳 ({@code kkcode:age-50-54})
     */
    public static final Resource AGE_50_54 = resource("age-50-54");

    /**
     * People aged 55 to 59 years.
     *
     * <p>55〜59歳 ({@code kkcode:age-55-59})
     */
    public static final Resource AGE_55_59 = resource("age-55-59");

    /**
     * People aged 60 to 64 years.
     *
     * <p>60〜64歳 ({@code kkcode:age-60-64})
     */
    public static final Resource AGE_60_64 = resource("age-60-64");

    /**
     * People aged 65 to 69 years.
     *
     * <p>65〜69歳 ({@code kkcode:age-65-69})
     */
    public static final Resource AGE_65_69 = resource("age-65-69");

    /**
     * People aged 70 to 74 years.
     *
     * <p>70〜74歳 ({@code kkcode:age-70-74})
     */
    public static final Resource AGE_70_74 = resource("age-70-74");

    /**
     * People aged 75 to 79 years.
     *
     * <p>75〜79歳 ({@code kkcode:age-75-79})
     */
    public static final Resource AGE_75_79 = resource("age-75-79");

    /**
     * People aged 80 to 84 years.
     *
     * <p>80〜84歳 ({@code kkcode:age-80-84})
     */
    public static final Resource AGE_80_84 = resource("age-80-84");

    /**
     * People aged 85 to 89 years.
     *
     * <p>85〜89歳 ({@code kkcode:age-85-89})
     */
    public static final Resource AGE_85_89 = resource("age-85-89");

    /**
     * People aged 90 to 94 years.
     *
     * <p>90〜94歳 ({@code kkcode:age-90-94})
     */
    public static final Resource AGE_90_94 = resource("age-90-94");

    /**
     * People aged 95 to 99 years.
     *
     * <p>95〜99歳 ({@code kkcode:age-95-99})
     */
    public static final Resource AGE_95_99 = resource("age-95-99");

    /**
     * People aged 100 years and over.
     *
     * <p>100歳以上 ({@code kkcode:age-100plus})
     */
    public static final Resource AGE_100PLUS = resource("age-100plus");

    /**
     * People aged 65 years and over (the older population).
     *
     * <p>65歳以上 ({@code kkcode:age-65plus})
     */
    public static final Resource AGE_65PLUS = resource("age-65plus");

    /**
     * People whose age the census does not know.
     *
     * <p>年齢不詳 ({@code kkcode:age-unknown})
     */
    public static final Resource AGE_UNKNOWN = resource("age-unknown");

    /**
     * Everyone, including those of unknown age.
     *
     * <p>総数 ({@code kkcode:age-total})
     */
    public static final Resource AGE_TOTAL = resource("age-total");

    /**
     * Demand for home-visit medical care (claims per month).
     *
     * <p>在宅（訪問診療） ({@code kkcode:demand-home-visit})
     */
    public static final Resource DEMAND_HOME_VISIT = resource("demand-home-visit");

    /**
     * Demand for outpatient care (claims per month).
     *
     * <p>外来 ({@code kkcode:demand-outpatient})
     */
    public static final Resource DEMAND_OUTPATIENT = resource("demand-outpatient");

    /**
     * A count of people.
     *
     * <p>人 ({@code kkcode:unit-person})
     */
    public static final Resource UNIT_PERSON = resource("unit-person");

    /**
     * Insurance claims (medical fee statements) per month; not a number of patients.
     *
     * <p>レセプト件数/月 ({@code kkcode:unit-claims-per-month})
     */
    public static final Resource UNIT_CLAIMS_PER_MONTH = resource("unit-claims-per-month");

    /**
     * A city, town or village other than a designated city (a local public body).
     *
     * <p>市町村 ({@code kkcode:ordinary-municipality})
     */
    public static final Resource ORDINARY_MUNICIPALITY = resource("ordinary-municipality");

    /**
     * A city designated by the Local Autonomy Act (a local public body), divided into wards.
     *
     * <p>指定都市 ({@code kkcode:designated-city})
     */
    public static final Resource DESIGNATED_CITY = resource("designated-city");

    /**
     * An administrative ward of a designated city; not a local public body.
     *
     * <p>指定都市の区 ({@code kkcode:designated-city-ward})
     */
    public static final Resource DESIGNATED_CITY_WARD = resource("designated-city-ward");

    /**
     * A special ward of Tokyo (a local public body).
     *
     * <p>特別区 ({@code kkcode:special-ward})
     */
    public static final Resource SPECIAL_WARD = resource("special-ward");

    /**
     * A district (郡), subprefecture or the special-ward area: a division for statistics only, not a local public body.
     *
     * <p>統計上の地域区分 ({@code kkcode:statistical-area})
     */
    public static final Resource STATISTICAL_AREA = resource("statistical-area");

    /**
     * One of the six villages of the Northern Territories (色丹, 泊, 留夜別, 留別, 紗那, 蘂取): they have codes but are not counted
     * among local public bodies.
     *
     * <p>北方領土の村 ({@code kkcode:northern-territories-village})
     */
    public static final Resource NORTHERN_TERRITORIES_VILLAGE = resource("northern-territories-village");

    private Codes() {
    }

    private static Resource resource(String localName) {
        return ResourceFactory.createResource(NS + localName);
    }
}
