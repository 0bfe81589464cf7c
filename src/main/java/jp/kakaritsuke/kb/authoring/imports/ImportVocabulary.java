package jp.kakaritsuke.kb.authoring.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.kb.vocab.ActorTypes;
import jp.kakaritsuke.kb.vocab.CauseTypes;
import jp.kakaritsuke.kb.vocab.Functions;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.MeasureTypes;
import jp.kakaritsuke.kb.vocab.Resources;
import jp.kakaritsuke.kb.vocab.Statuses;
import jp.kakaritsuke.kb.worksheet.CanonicalOrder;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;

/**
 * The concept ids a tabular file may use (functions, statuses, reused resources, actor types, cause and measure types): the local names of
 * the concepts of the ontology's schemes, read from the ontology graph, so that a concept added to
 * {@code ontology/concepts.ttl} is importable without a code change.
 */
final class ImportVocabulary {

    /** The concept schemes the layout refers to by id. */
    enum Scheme {
        FUNCTIONS(KK.functions, Functions.NS),
        STATUSES(KK.statuses, Statuses.NS),
        RESOURCES(KK.resources, Resources.NS),
        ACTOR_TYPES(KK.actorTypes, ActorTypes.NS),
        CAUSE_TYPES(KK.causeTypes, CauseTypes.NS),
        MEASURE_TYPES(KK.measureTypes, MeasureTypes.NS);

        private final Resource scheme;
        private final String namespace;

        Scheme(Resource scheme, String namespace) {
            this.scheme = scheme;
            this.namespace = namespace;
        }

        String namespace() {
            return namespace;
        }
    }

    /**
     * One concept.
     *
     * @param id the local name, as written in the table ({@code f2-i}, {@code rotation-system})
     * @param iri the concept's IRI
     * @param labelJa its Japanese preferred label
     * @param labelEn its English preferred label
     */
    record Concept(String id, String iri, String labelJa, String labelEn) {}

    private final Map<Scheme, Map<String, Concept>> concepts;

    private ImportVocabulary(Map<Scheme, Map<String, Concept>> concepts) {
        this.concepts = concepts;
    }

    /** The concepts of the ontology graph. */
    static ImportVocabulary from(Graph ontology) {
        Map<Scheme, Map<String, Concept>> concepts = new EnumMap<>(Scheme.class);
        for (Scheme scheme : Scheme.values()) {
            Map<String, Concept> byId = new TreeMap<>();
            for (Triple t : ontology.find(Node.ANY, SKOS.inScheme.asNode(), scheme.scheme.asNode())
                    .toList()) {
                Node concept = t.getSubject();
                if (concept.isURI() && concept.getURI().startsWith(scheme.namespace)) {
                    String id = concept.getURI().substring(scheme.namespace.length());
                    byId.put(
                            id,
                            new Concept(
                                    id,
                                    concept.getURI(),
                                    label(ontology, concept, "ja"),
                                    label(ontology, concept, "en")));
                }
            }
            if (scheme == Scheme.FUNCTIONS) {
                // Functions in the one canonical order (1号, then 2号 イロハニホ), by their notation.
                Map<String, Concept> ordered = new LinkedHashMap<>();
                byId.values().stream()
                        .sorted(Comparator.comparing(
                                (Concept c) -> notation(ontology, NodeFactory.createURI(c.iri())),
                                CanonicalOrder.NOTATION))
                        .forEach(c -> ordered.put(c.id(), c));
                byId = ordered;
            }
            concepts.put(scheme, Collections.unmodifiableMap(byId));
        }
        return new ImportVocabulary(concepts);
    }

    private static String notation(Graph graph, Node concept) {
        for (Triple t : graph.find(concept, SKOS.notation.asNode(), Node.ANY).toList()) {
            if (t.getObject().isLiteral()) {
                return t.getObject().getLiteralLexicalForm();
            }
        }
        return null;
    }

    private static String label(Graph graph, Node concept, String lang) {
        for (Triple t : graph.find(concept, SKOS.prefLabel.asNode(), Node.ANY).toList()) {
            if (t.getObject().isLiteral() && lang.equals(t.getObject().getLiteralLanguage())) {
                return t.getObject().getLiteralLexicalForm();
            }
        }
        return "";
    }

    /** The concept of {@code scheme} with this id, or null. */
    Concept find(Scheme scheme, String id) {
        return concepts.get(scheme).get(id);
    }

    /** The id of a concept IRI of {@code scheme}, or null if it is not one. */
    String idOf(Scheme scheme, String iri) {
        if (iri == null || !iri.startsWith(scheme.namespace)) {
            return null;
        }
        String id = iri.substring(scheme.namespace.length());
        return concepts.get(scheme).containsKey(id) ? id : null;
    }

    /** The concepts of a scheme, ordered by id. */
    List<Concept> concepts(Scheme scheme) {
        return new ArrayList<>(concepts.get(scheme).values());
    }

    /** The ids of a scheme, joined for a message. */
    String ids(Scheme scheme) {
        return String.join(", ", concepts.get(scheme).keySet());
    }
}
