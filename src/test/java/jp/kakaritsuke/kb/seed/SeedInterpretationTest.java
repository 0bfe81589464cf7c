package jp.kakaritsuke.kb.seed;

import static jp.kakaritsuke.kb.seed.SeedData.iri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the seed adds to the source is recorded as such: every link the source does not state has a
 * {@code kk:Interpretation} by the editors with a Japanese and an English rationale, every cause is addressed by a
 * measure, every measure has a role assignment, and each reading of the text (輸番制 as 輪番制, the Kangxi-radical
 * characters, the copied sentence) stands beside the verbatim text it reads.
 */
class SeedInterpretationTest {

    /** The links the source never states; each one asserted in the seed needs an interpretation. */
    private static final List<String> INTERPRETED_PREDICATES = List.of(
            "addresses",
            "usesResource",
            "involvesActor",
            "hasRoleAssignment",
            "viewpoint",
            "leadsTo",
            "contributesTo",
            "mentions");

    private static final List<String> SLUGS =
            List.of("mhlw-2025-f1", "mhlw-2025-f2-i", "mhlw-2025-f2-ro", "mhlw-2025-f2-ha", "mhlw-2025-f2-ni");

    private static final String WELL_FORMED_RATIONALE = """
            ?i prov:wasAttributedTo <id/agent/editors> ; kk:rationale ?ja , ?en .
            FILTER(lang(?ja) = "ja" && lang(?en) = "en" && STRLEN(?ja) > 0 && STRLEN(?en) > 0)
            """;

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
    void everyLinkTheSourceDoesNotStateHasAnInterpretation() {
        ResultSetRewindable used = SeedData.select(seed, """
                SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?p), STR(kk:))) }
                """);
        Set<String> usedPredicates = new HashSet<>();
        used.forEachRemaining(row -> usedPredicates.add(row.getResource("p").getLocalName()));
        assertTrue(
                usedPredicates.containsAll(INTERPRETED_PREDICATES),
                "the seed uses each interpreted predicate at least once, so the check below is not vacuous");

        assertNoRows("asserted links without an interpretation", SeedData.select(seed, """
                SELECT ?g ?s ?p ?o WHERE {
                  VALUES ?p { %s }
                  GRAPH ?g {
                    ?s ?p ?o .
                    FILTER NOT EXISTS {
                      ?i a kk:Interpretation ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                      %s
                    }
                  }
                }
                """.formatted(
                        INTERPRETED_PREDICATES.stream()
                                .map(p -> "kk:" + p)
                                .reduce((a, b) -> a + " " + b)
                                .orElseThrow(),
                        WELL_FORMED_RATIONALE)));
    }

    @Test
    void everyInterpretedTripleIsAssertedInTheSameGraph() {
        assertNoRows("interpretations of a triple the graph does not assert", SeedData.select(seed, """
                SELECT ?g ?i WHERE {
                  GRAPH ?g {
                    ?i a kk:Interpretation ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                    FILTER NOT EXISTS { ?s ?p ?o }
                  }
                }
                """));
    }

    @Test
    void everyInterpretationIsTheEditorsWithRationaleInJapaneseAndEnglish() {
        assertNoRows(
                "interpretations without the editors' ja and en rationale, or neither a triple nor a reading",
                SeedData.select(seed, """
                        SELECT ?g ?i WHERE {
                          GRAPH ?g {
                            ?i a kk:Interpretation .
                            FILTER (NOT EXISTS { %s }
                                    || NOT EXISTS { { ?i rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
                                                    UNION { ?i kk:interprets ?item ; kk:sourceFragment ?f } })
                          }
                        }
                        """.formatted(WELL_FORMED_RATIONALE)));
    }

    @Test
    void everyCauseIsAddressedAndEveryMeasureAddressesACauseAndLeadsToTheEffect() {
        ResultSetRewindable causes = SeedData.select(seed, """
                SELECT (COUNT(?cause) AS ?n) WHERE { GRAPH ?g { ?ws a kk:Worksheet ; kk:hasCause ?cause } }
                """);
        assertEquals(10, causes.next().getLiteral("n").getInt(), "two causes in each of the five examples");

        assertNoRows("causes no measure of their worksheet addresses", SeedData.select(seed, """
                SELECT ?g ?cause WHERE {
                  GRAPH ?g {
                    ?ws kk:hasCause ?cause .
                    FILTER NOT EXISTS { ?ws kk:hasMeasure ?measure . ?measure kk:addresses ?cause }
                  }
                }
                """));
        assertNoRows("measures that address no cause of their worksheet", SeedData.select(seed, """
                SELECT ?g ?measure WHERE {
                  GRAPH ?g {
                    ?ws kk:hasMeasure ?measure .
                    FILTER NOT EXISTS { ?ws kk:hasCause ?cause . ?measure kk:addresses ?cause }
                  }
                }
                """));
        assertNoRows("measures that do not lead to their worksheet's effect", SeedData.select(seed, """
                SELECT ?g ?measure WHERE {
                  GRAPH ?g {
                    ?ws kk:hasMeasure ?measure ; kk:hasExpectedEffect ?effect .
                    FILTER NOT EXISTS { ?measure kk:leadsTo ?effect }
                  }
                }
                """));
        assertNoRows("effects that do not contribute to their worksheet's target state", SeedData.select(seed, """
                SELECT ?g ?effect WHERE {
                  GRAPH ?g {
                    ?ws kk:hasExpectedEffect ?effect ; kk:hasTargetState ?target .
                    FILTER NOT EXISTS { ?effect kk:contributesTo ?target }
                  }
                }
                """));
    }

    @Test
    void everyMeasureHasARoleAssignmentToAnActorWrittenByTheEditors() {
        assertNoRows("measures without a role assignment", SeedData.select(seed, """
                SELECT ?g ?measure WHERE {
                  GRAPH ?g { ?ws kk:hasMeasure ?measure . FILTER NOT EXISTS { ?measure kk:hasRoleAssignment ?role } }
                }
                """));
        assertNoRows(
                "role assignments that are not an editors' ja/en line assigned to an actor type",
                SeedData.select(seed, """
                        SELECT ?g ?role WHERE {
                          GRAPH ?g {
                            ?measure kk:hasRoleAssignment ?role .
                            FILTER NOT EXISTS {
                              ?role a kk:RoleAssignment ; kk:assignedTo ?actor ; kk:text ?ja ; kk:translation ?en ;
                                    prov:wasAttributedTo <id/agent/editors> .
                              FILTER(lang(?ja) = "ja" && lang(?en) = "en")
                              GRAPH <%s> { ?actor skos:inScheme kk:actorTypes }
                            }
                          }
                        }
                        """.formatted(KK.ONTOLOGY)));
    }

    @Test
    void everyReadingQuotesTheTextItReads() {
        assertNoRows(
                "readings whose source fragment is not in the kk:text of the item they interpret",
                SeedData.select(seed, """
                        SELECT ?g ?i ?fragment WHERE {
                          GRAPH ?g {
                            ?i a kk:Interpretation ; kk:interprets ?item ; kk:sourceFragment ?fragment .
                            FILTER NOT EXISTS { ?item kk:text ?text FILTER(CONTAINS(STR(?text), STR(?fragment))) }
                          }
                        }
                        """));
    }

    @Test
    void theOutOfHoursTargetStateReadsTheMisprintAsTheRota() {
        assertOneReading("mhlw-2025-f2-i", "target-state", "輸番制", "輪番制");
    }

    @Test
    void theCopiedSentenceOfTheLongTermCareMeasureIsNotedAndKept() {
        assertOneReading("mhlw-2025-f2-ni", "measure/2", "在宅医療を担う医療機関同士の連携体制を構築する。", null);
    }

    @TestFactory
    Stream<DynamicTest> theFootnotesKangxiRadicalsAreReadAsTheirIdeographs() {
        return SLUGS.stream()
                .flatMap(slug -> Stream.of(
                        dynamicTest(slug + " 例\u2F70", () -> assertOneReading(slug, "note/1", "例\u2F70", "例示")),
                        dynamicTest(slug + " \u2F8Fう", () -> assertOneReading(slug, "note/1", "\u2F8Fう", "行う"))));
    }

    /** Exactly one interpretation of {@code item} quotes {@code fragment} (with {@code reading}, or with none). */
    private static void assertOneReading(String slug, String itemPath, String fragment, String reading) {
        QuerySolutionMap bindings = new QuerySolutionMap();
        bindings.add(
                "item",
                ResourceFactory.createResource(
                        iri("id/worksheet/" + slug + "/" + itemPath).getURI()));
        bindings.add("fragment", ResourceFactory.createLangLiteral(fragment, "ja"));
        String readingPattern;
        if (reading == null) {
            readingPattern = "FILTER NOT EXISTS { ?i kk:reading ?anyReading }";
        } else {
            bindings.add("reading", ResourceFactory.createLangLiteral(reading, "ja"));
            readingPattern = "?i kk:reading ?reading .";
        }
        ResultSetRewindable actual = SeedData.select(seed, """
                SELECT ?g WHERE {
                  GRAPH ?g {
                    ?i a kk:Interpretation ; kk:interprets ?item ; kk:sourceFragment ?fragment .
                    %s
                  }
                }
                """.formatted(readingPattern), bindings);
        Var g = Var.alloc("g");
        ResultSet expected = ResultSet.adapt(RowSetStream.create(
                List.of(g),
                List.of(BindingFactory.binding(g, SeedData.worksheetGraph(slug)))
                        .iterator()));
        assertTrue(
                ResultSetCompare.equalsByTerm(ResultSetFactory.copyResults(expected), actual),
                () -> "one interpretation of " + itemPath + " in " + slug + " quoting " + fragment + ":\n"
                        + table(actual));
    }

    private static void assertNoRows(String what, ResultSetRewindable results) {
        assertEquals(0, results.size(), () -> what + ":\n" + table(results));
    }

    private static String table(ResultSetRewindable results) {
        results.reset();
        return ResultSetFormatter.asText(results);
    }
}
