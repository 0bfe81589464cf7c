package jp.kakaritsuke.kb.demo;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The ontology terms (ontology/kakaritsuke.ttl, ontology/concepts.ttl) that the demo worksheets use. */
final class DemoTerms {

    static final String NS = "https://w3id.org/kakaritsuke/ontology#";
    static final String FUNCTION_NS = "https://w3id.org/kakaritsuke/function/";
    static final String RESOURCE_NS = "https://w3id.org/kakaritsuke/resource/";
    static final String ACTOR_NS = "https://w3id.org/kakaritsuke/actor/";
    static final String STATUS_NS = "https://w3id.org/kakaritsuke/status/";

    static final String PROV_NS = "http://www.w3.org/ns/prov#";
    static final Property WAS_DERIVED_FROM = ResourceFactory.createProperty(PROV_NS + "wasDerivedFrom");
    static final Property WAS_ATTRIBUTED_TO = ResourceFactory.createProperty(PROV_NS + "wasAttributedTo");
    static final Resource SOFTWARE_AGENT = ResourceFactory.createResource(PROV_NS + "SoftwareAgent");

    static final Resource WORKSHEET = resource("Worksheet");
    static final Resource PROGRESS_INDICATOR = resource("ProgressIndicator");
    static final Resource REVIEW = resource("Review");
    static final Resource PREFECTURE = resource("Prefecture");
    static final Resource MUNICIPALITY = resource("Municipality");
    static final Resource VISION_ZONE = resource("VisionZone");

    static final Resource EXAMPLE = ResourceFactory.createResource(STATUS_NS + "example");
    static final Resource DRAFT = ResourceFactory.createResource(STATUS_NS + "draft");
    static final Resource AGREED = ResourceFactory.createResource(STATUS_NS + "agreed");

    static final Property AREA = property("area");
    static final Property FUNCTION = property("function");
    static final Property FISCAL_YEAR = property("fiscalYear");
    static final Property CONSULTATION_DATE = property("consultationDate");
    static final Property STATUS = property("status");
    static final Property SYNTHETIC = property("synthetic");
    static final Property TEMPLATE = property("template");
    static final Property SOURCE = property("source");
    static final Property HAS_CHALLENGE = property("hasChallenge");
    static final Property HAS_CAUSE = property("hasCause");
    static final Property HAS_TARGET_STATE = property("hasTargetState");
    static final Property HAS_MEASURE = property("hasMeasure");
    static final Property HAS_EXPECTED_EFFECT = property("hasExpectedEffect");
    static final Property HAS_INDICATOR = property("hasIndicator");
    static final Property HAS_REVIEW = property("hasReview");
    static final Property HAS_ACTION = property("hasAction");
    static final Property HAS_ROLE_ASSIGNMENT = property("hasRoleAssignment");
    static final Property ORDINAL = property("ordinal");
    static final Property TEXT = property("text");
    static final Property TRANSLATION = property("translation");
    static final Property ADDRESSES = property("addresses");
    static final Property LEADS_TO = property("leadsTo");
    static final Property USES_RESOURCE = property("usesResource");
    static final Property ASSIGNED_TO = property("assignedTo");
    static final Property TRACKS = property("tracks");
    static final Property BASELINE_VALUE = property("baselineValue");
    static final Property TARGET_VALUE = property("targetValue");
    static final Property REVIEW_DATE = property("reviewDate");
    static final Property REVIEWS = property("reviews");
    static final Property IN_PREFECTURE = property("inPrefecture");
    static final Property PREFECTURE_CODE = property("prefectureCode");

    private DemoTerms() {
    }

    static Resource actor(String local) {
        return ResourceFactory.createResource(ACTOR_NS + local);
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
