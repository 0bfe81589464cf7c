package jp.kakaritsuke.kb.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.kakaritsuke.kb.linkeddata.WebTestSetup;
import jp.kakaritsuke.kb.store.DataLoader;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Exports by URL and command line, and the VoID/DCAT description with its sizes and checksums. */
@WebTestSetup
class ExportWebTest {

    private static final String B = WebTestSetup.BASE;
    private static final List<String> SEED_F2 = List.of(
            B + "graph/worksheet/mhlw-2025-f2-ha",
            B + "graph/worksheet/mhlw-2025-f2-i",
            B + "graph/worksheet/mhlw-2025-f2-ni",
            B + "graph/worksheet/mhlw-2025-f2-ro");
    private static final String SYNTHETIC = B + "graph/worksheet/test-chiyoda-f2-ha";

    @Autowired
    MockMvc mvc;

    @Autowired
    KnowledgeStore store;

    @Autowired
    ExportCommand command;

    @Autowired
    DumpCatalog dumps;

    /** The store's graphs, copied once per test: the whole dataset is compared in several formats. */
    private final Map<String, Graph> stored = new HashMap<>();

    private Graph stored(String graphName) {
        return stored.computeIfAbsent(graphName, store::graph);
    }

    private MockHttpServletResponse fetch(String path, String accept) throws Exception {
        var request = get(path);
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static DatasetGraph parseDataset(byte[] body, Lang lang) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(new String(body, StandardCharsets.UTF_8), lang).parse(dsg);
        return dsg;
    }

    private static Set<String> names(DatasetGraph dsg) {
        Set<String> names = new TreeSet<>();
        dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        return names;
    }

    /** Every graph but the loader's record, which is bookkeeping, not data. */
    private Set<String> exportedGraphs() {
        Set<String> graphs = new TreeSet<>(store.graphNames());
        assertTrue(graphs.remove(DataLoader.systemGraph(B)));
        return graphs;
    }

    private Graph union(Set<String> graphs) {
        Graph union = GraphFactory.createDefaultGraph();
        graphs.forEach(g -> stored(g).find().forEachRemaining(union::add));
        return union;
    }

    /** True for the graphs of the regional evidence, of which an area's subset carries the part about the area. */
    static boolean evidenceGraph(String name) {
        return name.startsWith(B + "graph/evidence/") || name.equals(B + "graph/areas/membership");
    }

    /**
     * Checks that an export holds exactly {@code graphs}, each as in the store (or their union, for Turtle), besides
     * triples of the evidence graphs (checked to be the store's; which ones, by {@code evidenceOfAreas}).
     */
    private void assertExportHolds(MockHttpServletResponse response, RdfSyntax syntax, Set<String> graphs) {
        assertEquals(200, response.getStatus());
        byte[] body = response.getContentAsByteArray();
        if (syntax == RdfSyntax.TURTLE) {
            Graph parsed = GraphFactory.createDefaultGraph();
            RDFParser.fromString(new String(body, StandardCharsets.UTF_8), Lang.TURTLE)
                    .parse(parsed);
            if (graphs.stream().noneMatch(ExportWebTest::evidenceGraph)) {
                // A subset's evidence (triples without blank nodes, all in the store's evidence graphs) aside.
                Set<String> evidence = new TreeSet<>(store.graphNames());
                evidence.removeIf(g -> !evidenceGraph(g));
                Graph evidenceUnion = union(evidence);
                Graph rest = GraphFactory.createDefaultGraph();
                parsed.find().filterDrop(evidenceUnion::contains).forEachRemaining(rest::add);
                parsed = rest;
            }
            assertTrue(parsed.isIsomorphicWith(union(graphs)), "Turtle is the union of the graphs");
            return;
        }
        DatasetGraph parsed = parseDataset(body, syntax.lang());
        Set<String> evidence = names(parsed);
        evidence.removeIf(g -> !evidenceGraph(g));
        for (String g : evidence) {
            Graph part = parsed.getGraph(NodeFactory.createURI(g));
            assertTrue(part.find().filterDrop(stored(g)::contains).toList().isEmpty(), g + " is the store's");
        }
        Set<String> worksheetGraphs = names(parsed);
        worksheetGraphs.removeIf(ExportWebTest::evidenceGraph);
        Set<String> expected = new TreeSet<>(graphs);
        expected.removeIf(ExportWebTest::evidenceGraph);
        assertEquals(expected, worksheetGraphs, syntax + " keeps the graph names");
        assertTrue(parsed.getDefaultGraph().isEmpty());
        for (String g : graphs) {
            Node name = NodeFactory.createURI(g);
            assertTrue(parsed.getGraph(name).isIsomorphicWith(stored(g)), syntax + " " + g);
        }
    }

    @Test
    void wholeDatasetInEveryFormat() throws Exception {
        Set<String> all = exportedGraphs();
        assertTrue(all.containsAll(SEED_F2) && all.contains(SYNTHETIC) && all.contains(KK.ONTOLOGY));
        for (RdfSyntax syntax : DatasetExporter.FORMATS.values()) {
            MockHttpServletResponse response = fetch("/export/all." + syntax.extension(), null);
            assertTrue(response.getContentType().startsWith(syntax.mediaType().toString()), syntax.name());
            assertEquals(
                    "attachment; filename=\"kakaritsuke-kb-all." + syntax.extension() + "\"",
                    response.getHeader(HttpHeaders.CONTENT_DISPOSITION));
            assertExportHolds(response, syntax, all);
        }
    }

    @Test
    void subsetsAreTheGraphsOfTheirWorksheets() throws Exception {
        Set<String> f2 = new TreeSet<>(SEED_F2);
        f2.add(SYNTHETIC);
        Set<String> xxx = new TreeSet<>(SEED_F2);
        xxx.add(B + "graph/worksheet/mhlw-2025-f1");
        Map<String, Set<String>> cases = Map.of(
                "/export/function/f2", f2,
                "/export/function/f2-ha", Set.of(B + "graph/worksheet/mhlw-2025-f2-ha", SYNTHETIC),
                "/export/prefecture/13", Set.of(SYNTHETIC),
                "/export/area/pref/13", Set.of(SYNTHETIC),
                "/export/area/muni/13101", Set.of(SYNTHETIC),
                "/export/area/xxx", xxx,
                "/export/prefecture/27", Set.of(),
                "/export/worksheet/mhlw-2025-f1", Set.of(B + "graph/worksheet/mhlw-2025-f1"));
        for (var c : cases.entrySet()) {
            for (RdfSyntax syntax : DatasetExporter.FORMATS.values()) {
                assertExportHolds(fetch(c.getKey() + "." + syntax.extension(), null), syntax, c.getValue());
            }
        }
        assertEquals(
                "attachment; filename=\"kakaritsuke-kb-area-pref-13.nq\"",
                fetch("/export/area/pref/13.nq", null).getHeader(HttpHeaders.CONTENT_DISPOSITION));
    }

    @Test
    void badParametersAre400NamingTheParameterAndUnknownIdsAre404() throws Exception {
        Map<String, String> bad = Map.of(
                "/export/nothing/1.ttl", "scope",
                "/export/all.pdf", "format",
                "/export/all", "format",
                "/export/prefecture/99.ttl", "id",
                "/export/function/F1.trig", "id",
                "/export?scope=function&id=f1", "format",
                "/export?format=ttl", "scope");
        for (var b : bad.entrySet()) {
            MockHttpServletResponse response = fetch(b.getKey(), "text/plain");
            assertEquals(400, response.getStatus(), b.getKey());
            assertTrue(
                    response.getContentAsString(StandardCharsets.UTF_8).contains(b.getValue() + ":"),
                    b.getKey() + " names " + b.getValue());
        }
        assertEquals(404, fetch("/export/worksheet/no-such-sheet.ttl", null).getStatus());
        assertEquals(404, fetch("/export/area/muni/99999.ttl", null).getStatus());
    }

    @Test
    void theFormRedirectsToTheCleanUrl() throws Exception {
        MockHttpServletResponse response = fetch("/export?scope=area&id=pref/13&format=nq", null);
        assertEquals(303, response.getStatus());
        assertEquals("/export/area/pref/13.nq", response.getHeader(HttpHeaders.LOCATION));
    }

    @Test
    void commandLineWritesWhatTheUrlServes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokyo.trig");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = command.execute(
                new String[] {
                    "export", "--format", "trig", "--scope", "prefecture", "--id", "13", "--out", file.toString()
                },
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(0, status, log.toString(StandardCharsets.UTF_8));
        byte[] url = fetch("/export/prefecture/13.trig", null).getContentAsByteArray();
        assertArrayEquals(url, Files.readAllBytes(file));
        DatasetGraph written = parseDataset(Files.readAllBytes(file), Lang.TRIG);
        Set<String> worksheetGraphs = names(written);
        worksheetGraphs.removeIf(ExportWebTest::evidenceGraph);
        assertEquals(Set.of(SYNTHETIC), worksheetGraphs);
        assertTrue(written.getGraph(NodeFactory.createURI(SYNTHETIC)).isIsomorphicWith(store.graph(SYNTHETIC)));

        Path all = dir.resolve("all.nq");
        assertEquals(
                0,
                command.execute(
                        new String[] {"export", "--format=nq", "--out=" + all},
                        new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertArrayEquals(fetch("/export/all.nq", null).getContentAsByteArray(), Files.readAllBytes(all));

        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, command.execute(new String[] {"export", "--scope", "county", "--out", file.toString()}, quiet));
        assertEquals(2, command.execute(new String[] {"export", "--format", "trig"}, quiet));
        assertEquals(
                1,
                command.execute(
                        new String[] {"export", "--scope", "worksheet", "--id", "none", "--out", file.toString()},
                        quiet));
        assertEquals(0, ExportCommand.ENTRY.run(Object.class, new String[] {"export", "--help"}));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void voidDescribesTheDumpsWithTheirRealSizesAndChecksums() throws Exception {
        MockHttpServletResponse response = fetch("/.well-known/void", null);
        assertTrue(response.getContentType().startsWith("text/turtle"));
        assertTrue(response.getHeaders(HttpHeaders.VARY).contains("Accept"));
        Model voidModel = ModelFactory.createDefaultModel();
        RDFParser.fromString(response.getContentAsString(StandardCharsets.UTF_8), Lang.TURTLE)
                .parse(voidModel);

        Resource dataset = voidModel.createResource(B + ".well-known/void#dataset");
        assertTrue(voidModel.contains(dataset, RDF.type, VOID.Dataset));
        assertTrue(voidModel.contains(dataset, RDF.type, DCAT.Dataset));
        assertTrue(voidModel.contains(dataset, VOID.sparqlEndpoint, voidModel.createResource(B + "sparql")));
        long quads =
                exportedGraphs().stream().mapToLong(g -> store.graph(g).size()).sum();
        assertEquals(quads, dataset.getProperty(VOID.triples).getLong());

        Set<String> dumpUrls = new TreeSet<>();
        dataset.listProperties(VOID.dataDump)
                .forEachRemaining(s -> dumpUrls.add(s.getResource().getURI()));
        Set<String> expectedUrls = new TreeSet<>();
        DatasetExporter.FORMATS.keySet().forEach(ext -> expectedUrls.add(B + "export/all." + ext));
        assertEquals(expectedUrls, dumpUrls);

        var distributions =
                voidModel.listObjectsOfProperty(dataset, DCAT.distribution).toList();
        assertEquals(DatasetExporter.FORMATS.size(), distributions.size());
        for (var d : distributions) {
            Resource distribution = d.asResource();
            String url = distribution.getPropertyResourceValue(DCAT.downloadURL).getURI();
            byte[] download = fetch(url.substring(B.length() - 1), null).getContentAsByteArray();
            assertEquals(
                    download.length, distribution.getProperty(DCAT.byteSize).getLong(), url);
            Resource checksum = distribution.getPropertyResourceValue(
                    voidModel.createProperty(DatasetDescription.SPDX + "checksum"));
            assertEquals(
                    sha256(download),
                    checksum.getProperty(voidModel.createProperty(DatasetDescription.SPDX + "checksumValue"))
                            .getString(),
                    url);
            String mediaType =
                    distribution.getPropertyResourceValue(DCAT.mediaType).getURI();
            assertTrue(mediaType.startsWith("https://www.iana.org/assignments/media-types/"));
        }
        assertTrue(voidModel.contains(null, VOID.subset, voidModel.createResource(B + ".well-known/void#function-f2")));

        for (RdfSyntax syntax : List.of(RdfSyntax.JSON_LD, RdfSyntax.RDF_XML, RdfSyntax.N_TRIPLES)) {
            Graph other = GraphFactory.createDefaultGraph();
            RDFParser.fromString(
                            fetch("/.well-known/void", syntax.mediaType().toString())
                                    .getContentAsString(StandardCharsets.UTF_8),
                            syntax.lang())
                    .parse(other);
            assertTrue(other.isIsomorphicWith(voidModel.getGraph()), syntax.name());
        }
    }

    @Test
    void dumpFiguresAreCachedAndFollowTheStore() throws Exception {
        DumpCatalog.Snapshot first = dumps.current();
        assertSame(first, dumps.current(), "unchanged store: cached");
        dumps.invalidate();
        DumpCatalog.Snapshot recomputed = dumps.current();
        assertNotSame(first, recomputed);
        assertEquals(first, recomputed, "same store, same figures");

        String extra = B + "graph/worksheet/extra";
        DatasetGraph change = DatasetGraphFactory.createTxnMem();
        Node graph = NodeFactory.createURI(extra);
        change.add(
                graph,
                NodeFactory.createURI(B + "id/worksheet/extra"),
                RDF.type.asNode(),
                NodeFactory.createURI(KK.NS + "Worksheet"));
        store.replaceGraphs(change);
        try {
            DumpCatalog.Snapshot changed = dumps.current();
            assertEquals(first.triples() + 1, changed.triples(), "a new graph changes the fingerprint");
            assertNotEquals(
                    first.dumps().get(RdfSyntax.TRIG).sha256(),
                    changed.dumps().get(RdfSyntax.TRIG).sha256());
        } finally {
            store.deleteGraph(extra);
        }
        assertEquals(first, dumps.current());
    }

    @Test
    void catalogPageDoesNotWaitForTheDumpFigures() throws Exception {
        dumps.invalidate();
        Document page = Jsoup.parse(fetch("/catalog", "text/html").getContentAsString(StandardCharsets.UTF_8));
        DumpCatalog.Snapshot snapshot = dumps.current();
        var pending = page.select("table.catalog-distributions tr.dump-pending");
        // Invalidated figures are computed in the background: every dump is offered, its figures to come.
        assertEquals(
                snapshot.dumps().keySet().stream()
                        .map(d -> "/export/all." + d.extension())
                        .sorted()
                        .toList(),
                pending.select("a").eachAttr("href").stream().sorted().toList());
        assertEquals(pending.size(), pending.select("td.computing").size());
        Document later = Jsoup.parse(fetch("/catalog", "text/html").getContentAsString(StandardCharsets.UTF_8));
        assertTrue(later.select("tr.dump-pending").isEmpty());
        assertEquals(
                snapshot.dumps().size(),
                later.select("table.catalog-distributions tbody tr").size());
    }

    @Test
    void catalogPageRendersTheDescription() throws Exception {
        DumpCatalog.Snapshot snapshot = dumps.current();
        Document page = Jsoup.parse(fetch("/catalog", "text/html").getContentAsString(StandardCharsets.UTF_8));
        assertTrue(page.select("tr.dump-pending").isEmpty(), "figures known: no row says they are being computed");
        var rows = page.select("table.catalog-distributions tbody tr");
        assertEquals(snapshot.dumps().size(), rows.size());
        for (DumpCatalog.Dump dump : snapshot.dumps().values()) {
            var link = page.selectFirst("table.catalog-distributions a[href=/export/all."
                    + dump.syntax().extension() + "]");
            assertNotNull(link, dump.syntax().name());
            assertEquals(
                    dump.sha256(),
                    link.closest("tr").selectFirst("code.checksum").text());
        }
        assertNotNull(page.selectFirst("a[href=/sparql]"));
        assertNotNull(page.selectFirst("a[href=https://creativecommons.org/licenses/by/4.0/]"));
        assertNotNull(page.selectFirst("a[href=/export/function/f2-ha.trig]"), "function subsets link their exports");
        assertNotNull(page.selectFirst("form[action=/export] select[name=id] option[value=f2-ha]"));
        assertNotNull(page.selectFirst("form[action=/export] select[name=id] option[value=13]"));
        // A worksheet is asked for by id: a list of every worksheet would grow the page with the data.
        assertNotNull(page.selectFirst(
                "form[action=/export]:has(input[name=scope][value=worksheet]) input[name=id]" + "[type=text]"));
        assertTrue(page.select("option[value=mhlw-2025-f1]").isEmpty());
    }
}
