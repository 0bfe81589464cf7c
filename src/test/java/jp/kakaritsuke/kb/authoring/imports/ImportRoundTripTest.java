package jp.kakaritsuke.kb.authoring.imports;

import static jp.kakaritsuke.kb.authoring.imports.ImportFixtures.ADMIN;
import static jp.kakaritsuke.kb.authoring.imports.ImportFixtures.BASE;
import static jp.kakaritsuke.kb.authoring.imports.ImportFixtures.EXAMPLE;
import static jp.kakaritsuke.kb.authoring.imports.ImportFixtures.withoutInterpretations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Every import format carries the guideline's 時間外診療 example into a fresh store: RDF completely, the tabular
 * layout (CSV, Excel) completely but for the interpretation records, which it has no columns for. The layout also
 * carries every seed and demo worksheet.
 */
class ImportRoundTripTest {

    private static TdbKnowledgeStore store;
    private static WorksheetImporter importer;
    private static Graph original;

    @BeforeAll
    static void load() {
        store = ImportFixtures.loadedStore();
        importer = ImportFixtures.importer(store, DataSize.ofMegabytes(20));
        original = ImportFixtures.worksheet(store, EXAMPLE);
        assertFalse(original.isEmpty());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** Imports a file into the store from which the example has been removed; returns what the store then holds. */
    private static Graph importFresh(String filename, byte[] content) {
        store.deleteGraph(BASE + "graph/worksheet/" + EXAMPLE);
        assertTrue(ImportFixtures.worksheet(store, EXAMPLE).isEmpty());
        ImportFormat format = ImportFormat.detect(filename, null);
        List<ParsedWorksheet> worksheets = importer.read(format, content, ImportProgress.NONE);
        ImportPreview result =
                importer.apply(filename, format, worksheets, ADMIN, "round trip", "en", ImportProgress.NONE);
        assertEquals(ImportPreview.Kind.NEW, result.worksheets().get(0).kind());
        assertTrue(result.written());
        return ImportFixtures.worksheet(store, EXAMPLE);
    }

    @Test
    void csvCarriesTheExampleButItsInterpretations() {
        byte[] csv = ImportFixtures.csv(ImportFixtures.rows(importer, EXAMPLE, original));
        Graph imported = importFresh("example.csv", csv);
        assertTrue(withoutInterpretations(original).isIsomorphicWith(imported));
        assertTrue(original.size() > imported.size(), "the interpretation records are not carried");
    }

    @Test
    void xlsxCarriesTheExampleButItsInterpretations() {
        byte[] xlsx = ImportFixtures.xlsx(ImportFixtures.rows(importer, EXAMPLE, original), importer.vocabulary());
        Graph imported = importFresh("example.xlsx", xlsx);
        assertTrue(withoutInterpretations(original).isIsomorphicWith(imported));
    }

    @Test
    void turtleTrigAndJsonLdCarryTheWholeExample() {
        String turtle = RDFWriter.source(original).base(BASE).lang(Lang.TURTLE).asString();
        assertTrue(turtle.contains("<id/worksheet/" + EXAMPLE + ">"), "relative IRIs, resolved on import");
        assertTrue(original.isIsomorphicWith(importFresh("example.ttl", turtle.getBytes(StandardCharsets.UTF_8))));

        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        dataset.addGraph(NodeFactory.createURI(BASE + "graph/worksheet/" + EXAMPLE), original);
        String trig = RDFWriter.source(dataset).base(BASE).lang(Lang.TRIG).asString();
        assertTrue(original.isIsomorphicWith(importFresh("example.trig", trig.getBytes(StandardCharsets.UTF_8))));

        String jsonld = RDFWriter.source(original).lang(Lang.JSONLD).asString();
        assertTrue(original.isIsomorphicWith(importFresh("example.jsonld", jsonld.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void oneRdfFileMayHoldManyWorksheetsInTheDefaultGraph() {
        Graph two = GraphFactory.createDefaultGraph();
        original.find().forEachRemaining(two::add);
        Graph other = ImportFixtures.worksheet(store, "mhlw-2025-f1");
        other.find().forEachRemaining(two::add);
        String turtle = RDFWriter.source(two).base(BASE).lang(Lang.TURTLE).asString();
        List<ParsedWorksheet> worksheets =
                importer.read(ImportFormat.TURTLE, turtle.getBytes(StandardCharsets.UTF_8), ImportProgress.NONE);
        assertEquals(
                List.of(EXAMPLE, "mhlw-2025-f1").stream().sorted().toList(),
                worksheets.stream().map(ParsedWorksheet::slug).sorted().toList());
        for (ParsedWorksheet w : worksheets) {
            Graph expected = w.slug().equals(EXAMPLE) ? original : other;
            assertTrue(expected.isIsomorphicWith(w.content()), w.slug());
        }
    }

    @Test
    void xlsxCarriesAnOutdatedTranslationMark() {
        Graph marked = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(marked, original);
        Node cause = NodeFactory.createURI(BASE + "id/worksheet/" + EXAMPLE + "/cause/1");
        assertTrue(marked.contains(cause, KK.translation.asNode(), Node.ANY), "the cause has a translation");
        marked.add(cause, KK.translationOutdated.asNode(), NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
        byte[] xlsx = ImportFixtures.xlsx(ImportFixtures.rows(importer, EXAMPLE, marked), importer.vocabulary());
        Graph imported = importFresh("marked.xlsx", xlsx);
        assertTrue(withoutInterpretations(marked).isIsomorphicWith(imported));
        assertTrue(imported.contains(cause, KK.translationOutdated.asNode(), Node.ANY));
    }

    @Test
    void theLayoutCarriesEverySeedAndDemoWorksheet() {
        DatasetGraph shipped = DatasetGraphFactory.createGeneral();
        RDFParser.source(Path.of("data/demo/demo.trig")).base(BASE).parse(shipped);
        for (String seed :
                List.of("mhlw-2025-f1", "mhlw-2025-f2-i", "mhlw-2025-f2-ro", "mhlw-2025-f2-ha", "mhlw-2025-f2-ni")) {
            shipped.addGraph(
                    NodeFactory.createURI(BASE + "graph/worksheet/" + seed), ImportFixtures.worksheet(store, seed));
        }
        String prefix = BASE + "graph/worksheet/";
        List<String> checked = new ArrayList<>();
        for (var it = shipped.listGraphNodes(); it.hasNext(); ) {
            Node name = it.next();
            if (!name.getURI().startsWith(prefix)) {
                continue;
            }
            String slug = name.getURI().substring(prefix.length());
            Graph graph = shipped.getGraph(name);
            byte[] csv = ImportFixtures.csv(ImportFixtures.rows(importer, slug, graph));
            List<ParsedWorksheet> read = importer.read(ImportFormat.CSV, csv, ImportProgress.NONE);
            assertEquals(1, read.size());
            assertTrue(
                    withoutInterpretations(graph).isIsomorphicWith(read.get(0).content()), slug);
            checked.add(slug);
        }
        assertTrue(checked.size() > 20, "seed and demo worksheets: " + checked);
    }
}
