package jp.kakaritsuke.kb.area;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The ontology terms (ontology/kakaritsuke.ttl) that area data uses. */
final class AreaTerms {

    static final String NS = "https://w3id.org/kakaritsuke/ontology#";

    /** e-Stat statistical LOD: plain standard area codes are {@code C} followed by the 5-digit code. */
    static final String ESTAT_SAC = "http://data.e-stat.go.jp/lod/sac/";

    static final Resource AREA = resource("Area");
    static final Resource PREFECTURE = resource("Prefecture");
    static final Resource MUNICIPALITY = resource("Municipality");
    static final Resource STATISTICAL_AREA = resource("StatisticalArea");
    static final Resource SECONDARY_MEDICAL_AREA = resource("SecondaryMedicalArea");
    static final Resource VISION_ZONE = resource("VisionZone");

    static final Property PART_OF = property("partOf");
    static final Property IN_PREFECTURE = property("inPrefecture");
    static final Property AREA_CODE = property("areaCode");
    static final Property LOCAL_GOVERNMENT_CODE = property("localGovernmentCode");
    static final Property PREFECTURE_CODE = property("prefectureCode");
    static final Property ISO_CODE = property("isoCode");
    static final Property MEDICAL_AREA_CODE = property("medicalAreaCode");
    static final Property PLAN_GENERATION = property("planGeneration");
    static final Property STANDARD_AREA_CODE = property("standardAreaCode");

    private AreaTerms() {
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
