package jp.kakaritsuke.kb.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed speaks only the project's vocabulary: every term under {@code https://w3id.org/kakaritsuke/} that it uses
 * is defined in the ontology, and every concept it links to comes from the scheme the property expects.
 */
class SeedVocabularyTest {

    private static DatasetGraph seed;

    @BeforeAll
    static void load() {
        seed = SeedData.load();
    }

    @AfterAll
    static void close() {
        seed.close();
    }

    @Test
    void everyProjectTermTheSeedUsesIsDefinedInTheOntology() {
        assertNoRows("terms used by the seed but not defined in the ontology", SeedData.select(seed, """
                SELECT DISTINCT ?term WHERE {
                  { GRAPH ?g { ?s ?term ?o } } UNION { GRAPH ?g { ?s ?p ?term } }
                  FILTER(?g != <%1$s> && isIRI(?term) && STRSTARTS(STR(?term), "https://w3id.org/kakaritsuke/"))
                  FILTER NOT EXISTS { GRAPH <%1$s> { ?term a ?type } }
                }
                """.formatted(
                        KK.ONTOLOGY)));
    }

    @Test
    void everyConceptComesFromTheSchemeItsPropertyExpects() {
        assertNoRows(
                "links to a concept outside the property's scheme", SeedData.select(seed, """
                SELECT ?g ?s ?p ?concept WHERE {
                  VALUES (?p ?scheme) {
                    (kk:usesResource kk:resources) (kk:mentions kk:resources)
                    (kk:involvesActor kk:actorTypes) (kk:viewpoint kk:actorTypes) (kk:assignedTo kk:actorTypes)
                    (kk:function kk:functions) (kk:status kk:statuses) (kk:section kk:sections)
                  }
                  GRAPH ?g { ?s ?p ?concept }
                  FILTER(?g != <%1$s>)
                  FILTER NOT EXISTS { GRAPH <%1$s> { ?concept skos:inScheme ?scheme } }
                }
                """.formatted(KK.ONTOLOGY)));
    }

    private static void assertNoRows(String what, ResultSetRewindable results) {
        assertEquals(0, results.size(), () -> {
            results.reset();
            return what + ":\n" + ResultSetFormatter.asText(results);
        });
    }
}
