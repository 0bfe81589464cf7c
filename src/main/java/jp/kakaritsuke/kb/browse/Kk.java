package jp.kakaritsuke.kb.browse;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of the kakaritsuke ontology that the browse pages read. */
final class Kk {

    static final String NS = "https://w3id.org/kakaritsuke/ontology#";
    /** Vocabulary IRIs start here; they are served under {@code /def/}. */
    static final String VOCAB = "https://w3id.org/kakaritsuke/";
    static final String ONTOLOGY_GRAPH = "https://w3id.org/kakaritsuke/ontology";

    static final Resource Worksheet = resource("Worksheet");
    static final Resource Interpretation = resource("Interpretation");
    static final Resource SourceDocument = resource("SourceDocument");
    static final Resource Prefecture = resource("Prefecture");
    static final Resource functions = resource("functions");
    static final Resource actorTypes = resource("actorTypes");
    static final Resource statuses = resource("statuses");
    static final Resource sections = resource("sections");

    static final Property area = property("area");
    static final Property function = property("function");
    static final Property fiscalYear = property("fiscalYear");
    static final Property consultationDate = property("consultationDate");
    static final Property status = property("status");
    static final Property synthetic = property("synthetic");
    static final Property template = property("template");
    static final Property source = property("source");
    static final Property hasChallenge = property("hasChallenge");
    static final Property hasCause = property("hasCause");
    static final Property hasTargetState = property("hasTargetState");
    static final Property hasMeasure = property("hasMeasure");
    static final Property hasExpectedEffect = property("hasExpectedEffect");
    static final Property hasIndicator = property("hasIndicator");
    static final Property hasReview = property("hasReview");
    static final Property hasNote = property("hasNote");
    static final Property hasAction = property("hasAction");
    static final Property ordinal = property("ordinal");
    static final Property text = property("text");
    static final Property translation = property("translation");
    static final Property viewpoint = property("viewpoint");
    static final Property explains = property("explains");
    static final Property addresses = property("addresses");
    static final Property leadsTo = property("leadsTo");
    static final Property contributesTo = property("contributesTo");
    static final Property usesResource = property("usesResource");
    static final Property involvesActor = property("involvesActor");
    static final Property hasRoleAssignment = property("hasRoleAssignment");
    static final Property assignedTo = property("assignedTo");
    static final Property tracks = property("tracks");
    static final Property baselineValue = property("baselineValue");
    static final Property targetValue = property("targetValue");
    static final Property reviewDate = property("reviewDate");
    static final Property reviews = property("reviews");
    static final Property hasSlot = property("hasSlot");
    static final Property section = property("section");
    static final Property heading = property("heading");
    static final Property itemClass = property("itemClass");
    static final Property interprets = property("interprets");
    static final Property sourceFragment = property("sourceFragment");
    static final Property reading = property("reading");
    static final Property rationale = property("rationale");
    static final Property chapter = property("chapter");
    static final Property pages = property("pages");
    static final Property attachmentLabel = property("attachmentLabel");
    static final Property partOf = property("partOf");
    static final Property inPrefecture = property("inPrefecture");
    static final Property areaCode = property("areaCode");
    static final Property localGovernmentCode = property("localGovernmentCode");
    static final Property prefectureCode = property("prefectureCode");
    static final Property isoCode = property("isoCode");
    static final Property medicalAreaCode = property("medicalAreaCode");
    static final Property planGeneration = property("planGeneration");
    static final Property standardAreaCode = property("standardAreaCode");
    static final Property coversMunicipality = property("coversMunicipality");

    private Kk() {
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
