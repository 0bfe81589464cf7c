package jp.kakaritsuke.kb.seed;

import static jp.kakaritsuke.kb.seed.SeedData.iri;
import static jp.kakaritsuke.kb.seed.SeedData.kk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The seed data says what the MHLW text says, to the character: every entry the reading rules find in
 * {@code data/source/mhlw-betten6.txt} is the {@code kk:text} of an item of the right class in the right worksheet
 * graph, with an English translation beside it, and every heading of the blank template is a {@code kk:heading}.
 */
class SeedVerbatimTest {

    /** The example titles' bracketed function name, as printed, to the worksheet slug. */
    private static final Map<String, String> SLUGS = Map.of(
            "１号機能", "mhlw-2025-f1",
            "時間外診療", "mhlw-2025-f2-i",
            "入退院支援", "mhlw-2025-f2-ro",
            "在宅医療", "mhlw-2025-f2-ha",
            "医介連携", "mhlw-2025-f2-ni");

    private static final Set<String> ITEM_CLASSES =
            Set.of("Challenge", "Cause", "TargetState", "Measure", "Action", "ExpectedEffect", "Note");

    private static SeedSourceText source;
    private static DatasetGraph seed;

    @BeforeAll
    static void load() throws IOException {
        source = SeedSourceText.read(SeedData.SOURCE_TEXT);
        seed = SeedData.load();
    }

    @AfterAll
    static void close() {
        seed.close();
    }

    @Test
    void theSourceHoldsTheTemplateAndOneExamplePerFunction() {
        assertEquals(
                List.of("mhlw-2025-f1", "mhlw-2025-f2-i", "mhlw-2025-f2-ro", "mhlw-2025-f2-ha", "mhlw-2025-f2-ni"),
                source.examples().stream().map(SeedVerbatimTest::slug).toList());
    }

    @Test
    void theTemplateTitleAttachmentLabelAndEveryHeadingAreInTheTemplateGraph() {
        SeedSourceText.Template printed = source.template();
        Node template = iri("id/template/betten6");
        Txn.executeRead(seed, () -> {
            Graph graph = seed.getGraph(iri("graph/template"));
            assertEquals(Set.of(ja(printed.title())), objects(graph, template, DCTerms.title.asNode()));
            assertEquals(Set.of(ja(printed.attachmentLabel())), objects(graph, template, kk("attachmentLabel")));
            Set<Node> slots = objects(graph, template, kk("hasSlot"));
            Set<Node> headings = slots.stream()
                    .flatMap(slot -> objects(graph, slot, kk("heading")).stream())
                    .collect(Collectors.toSet());
            assertEquals(
                    printed.headings().stream().map(SeedVerbatimTest::ja).collect(Collectors.toSet()),
                    headings,
                    "the template's slot headings are exactly the headings printed on the blank worksheet");
            for (Node slot : slots) {
                assertTrue(graph.contains(slot, RDF.type.asNode(), kk("TemplateSlot")), slot + " is a TemplateSlot");
                assertEnglishTranslation(graph, slot);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> eachWorksheetTitleIsVerbatim() {
        return source.examples().stream()
                .map(example -> dynamicTest(
                        slug(example),
                        () -> Txn.executeRead(seed, () -> {
                            Graph graph = seed.getGraph(SeedData.worksheetGraph(slug(example)));
                            Node worksheet = SeedData.worksheet(slug(example));
                            assertTrue(graph.contains(worksheet, RDF.type.asNode(), kk("Worksheet")));
                            assertEquals(
                                    Set.of(ja(example.title())), objects(graph, worksheet, DCTerms.title.asNode()));
                            assertEnglishTranslation(graph, worksheet);
                        })));
    }

    @TestFactory
    Stream<DynamicTest> eachSourceEntryIsTheTextOfItsItem() {
        return source.examples().stream()
                .flatMap(example -> example.entries().stream()
                        .map(entry -> dynamicTest(
                                slug(example) + " " + entry.path(), () -> assertEntry(slug(example), entry))));
    }

    @TestFactory
    Stream<DynamicTest> eachWorksheetHasNoSourceItemTheTextLacks() {
        return source.examples().stream()
                .map(example -> dynamicTest(slug(example), () -> {
                    String base = SeedData.worksheet(slug(example)).getURI() + "/";
                    Set<String> expected = example.entries().stream()
                            .map(entry -> entry.itemClass() + " " + base + entry.path())
                            .collect(Collectors.toSet());
                    Set<String> actual = Txn.calculateRead(seed, () -> {
                        Graph graph = seed.getGraph(SeedData.worksheetGraph(slug(example)));
                        return graph.find(Node.ANY, RDF.type.asNode(), Node.ANY).toList().stream()
                                .filter(t -> t.getObject().isURI()
                                        && t.getObject().getURI().startsWith(KK.NS))
                                .filter(t -> ITEM_CLASSES.contains(t.getObject().getLocalName()))
                                .map(t -> t.getObject().getLocalName() + " "
                                        + t.getSubject().getURI())
                                .collect(Collectors.toSet());
                    });
                    assertEquals(expected, actual, "source items (class and IRI) of " + slug(example));
                }));
    }

    private static void assertEntry(String slug, SeedSourceText.Entry entry) {
        Node worksheet = SeedData.worksheet(slug);
        Node item = NodeFactory.createURI(worksheet.getURI() + "/" + entry.path());
        Node text = ja(entry.text());
        Txn.executeRead(seed, () -> {
            Graph graph = seed.getGraph(SeedData.worksheetGraph(slug));
            Set<Node> holders = graph.find(Node.ANY, kk("text"), text)
                    .mapWith(Triple::getSubject)
                    .toSet();
            assertEquals(Set.of(item), holders, "the node whose kk:text is the source wording " + text);
            assertTrue(
                    graph.contains(item, RDF.type.asNode(), kk(entry.itemClass())),
                    item + " is a kk:" + entry.itemClass());
            assertEnglishTranslation(graph, item);
            assertLinkedFromItsParent(graph, worksheet, item, entry);
        });
    }

    private static void assertLinkedFromItsParent(Graph graph, Node worksheet, Node item, SeedSourceText.Entry entry) {
        String[] path = entry.path().split("/");
        switch (entry.itemClass()) {
            case "Action" -> {
                Node measure = NodeFactory.createURI(worksheet.getURI() + "/measure/" + path[1]);
                assertTrue(graph.contains(measure, kk("hasAction"), item), measure + " kk:hasAction " + item);
                assertOrdinal(graph, item, Integer.parseInt(path[3]));
            }
            case "Cause", "Measure" -> {
                int n = Integer.parseInt(path[1]);
                assertTrue(graph.contains(worksheet, kk("has" + entry.itemClass()), item));
                assertOrdinal(graph, item, n);
                String circled = String.valueOf((char) ('①' + n - 1));
                String ja = (entry.itemClass().equals("Cause") ? "原因" : "方策") + circled;
                String en = entry.itemClass() + " " + n;
                assertEquals(
                        Set.of(ja(ja), NodeFactory.createLiteralLang(en, "en")),
                        objects(graph, item, RDFS.label.asNode()));
            }
            case "Challenge", "TargetState", "ExpectedEffect", "Note" ->
                assertTrue(
                        graph.contains(worksheet, kk("has" + entry.itemClass()), item),
                        worksheet + " kk:has" + entry.itemClass() + " " + item);
            default -> throw new IllegalStateException("unexpected item class " + entry.itemClass());
        }
    }

    private static void assertOrdinal(Graph graph, Node item, int expected) {
        Set<Node> ordinals = objects(graph, item, kk("ordinal"));
        assertEquals(1, ordinals.size(), item + " has one kk:ordinal");
        assertEquals(expected, ((Number) ordinals.iterator().next().getLiteralValue()).intValue(), item + " ordinal");
    }

    private static void assertEnglishTranslation(Graph graph, Node node) {
        Set<Node> translations = objects(graph, node, kk("translation"));
        assertEquals(1, translations.size(), node + " has one kk:translation");
        Node translation = translations.iterator().next();
        assertTrue(translation.isLiteral(), node + " translation is a literal");
        assertEquals("en", translation.getLiteralLanguage(), node + " translation is @en");
        assertFalse(translation.getLiteralLexicalForm().isBlank(), node + " translation is not blank");
    }

    private static Set<Node> objects(Graph graph, Node subject, Node predicate) {
        return graph.find(subject, predicate, Node.ANY)
                .mapWith(Triple::getObject)
                .toSet();
    }

    private static Node ja(String text) {
        return NodeFactory.createLiteralLang(text, "ja");
    }

    private static String slug(SeedSourceText.Example example) {
        String title = example.title();
        String function = title.substring(title.lastIndexOf('（') + 1, title.lastIndexOf('）'));
        String slug = SLUGS.get(function);
        if (slug == null) {
            throw new IllegalStateException("no worksheet slug for the example titled " + title);
        }
        return slug;
    }
}
