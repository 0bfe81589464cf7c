package jp.kakaritsuke.kb.web.rdf;

import jp.kakaritsuke.kb.vocab.ActorTypes;
import jp.kakaritsuke.kb.vocab.CauseTypes;
import jp.kakaritsuke.kb.vocab.Functions;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.MeasureTypes;
import jp.kakaritsuke.kb.vocab.PROV;
import jp.kakaritsuke.kb.vocab.Resources;
import jp.kakaritsuke.kb.vocab.Sections;
import jp.kakaritsuke.kb.vocab.Statuses;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shared.impl.PrefixMappingImpl;

/** The prefixes written into every RDF document the application serves, so that Turtle and TriG stay readable. */
public final class Prefixes {

    private static final PrefixMapping STANDARD = new PrefixMappingImpl()
            .setNsPrefix(KK.PREFIX, KK.NS)
            .setNsPrefix(Functions.PREFIX, Functions.NS)
            .setNsPrefix(Resources.PREFIX, Resources.NS)
            .setNsPrefix(ActorTypes.PREFIX, ActorTypes.NS)
            .setNsPrefix(Statuses.PREFIX, Statuses.NS)
            .setNsPrefix(Sections.PREFIX, Sections.NS)
            .setNsPrefix(CauseTypes.PREFIX, CauseTypes.NS)
            .setNsPrefix(MeasureTypes.PREFIX, MeasureTypes.NS)
            .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
            .setNsPrefix("owl", "http://www.w3.org/2002/07/owl#")
            .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("dct", "http://purl.org/dc/terms/")
            .setNsPrefix(PROV.PREFIX, PROV.NS)
            .setNsPrefix("schema", "https://schema.org/")
            .lock();

    private Prefixes() {}

    /** The shared prefixes (read-only). */
    public static PrefixMapping standard() {
        return STANDARD;
    }
}
