package jp.kakaritsuke.kb.cross;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of the kk: ontology and SKOS that the cross-region views read from query results. */
final class Vocab {

    static final String KK = "https://w3id.org/kakaritsuke/ontology#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    static final Property TEXT = kk("text");
    static final Property TRANSLATION = kk("translation");
    static final Property ORDINAL = kk("ordinal");
    static final Property AREA = kk("area");
    static final Property FUNCTION = kk("function");
    static final Property SYNTHETIC = kk("synthetic");
    static final Property HAS_CAUSE = kk("hasCause");
    static final Property HAS_MEASURE = kk("hasMeasure");
    static final Property ADDRESSES = kk("addresses");
    static final Property USES_RESOURCE = kk("usesResource");
    static final Property INVOLVES_ACTOR = kk("involvesActor");
    static final Property VIEWPOINT = kk("viewpoint");
    static final Property MENTIONS = kk("mentions");

    static final Property PREF_LABEL = skos("prefLabel");
    static final Property ALT_LABEL = skos("altLabel");
    static final Property HIDDEN_LABEL = skos("hiddenLabel");
    static final Property DEFINITION = skos("definition");

    private Vocab() {
    }

    private static Property kk(String localName) {
        return ResourceFactory.createProperty(KK + localName);
    }

    private static Property skos(String localName) {
        return ResourceFactory.createProperty(SKOS + localName);
    }
}
