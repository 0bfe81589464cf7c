package jp.kakaritsuke.kb.authoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.DataLoader;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.OntologyModel;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.Statuses;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.unit.DataSize;

/** Stores holding the shipped data, worksheets derived from the seed, and repositories over them. */
final class AuthoringFixtures {

    static final String BASE = "http://localhost:8080/";
    static final String SEED = "mhlw-2025-f2-ni";
    static final String TOKYO = BASE + "id/area/pref/13";
    static final String CHIYODA = BASE + "id/area/muni/13101";
    static final String OSAKA = BASE + "id/area/pref/27";
    static final String PLACEHOLDER = BASE + "id/area/xxx";
    static final Author EDITOR_13 = new Author("editor13", Set.of(Author.Role.EDITOR), Set.of("13"));
    static final Author ADMIN = Author.admin("admin");

    private AuthoringFixtures() {}

    /** An in-memory TDB2 store with the ontology, the areas and the seed worksheets (no demo data). */
    static TdbKnowledgeStore loadedStore() {
        TdbKnowledgeStore store = TdbKnowledgeStore.inMemory();
        new DataLoader(BASE, Path.of("data"), false).load(store);
        return store;
    }

    /**
     * A smaller store, quicker to load: the ontology, the seed worksheets, the prefectures and the placeholder area
     * (no municipalities or zones), copied into {@code dataDir}.
     */
    static TdbKnowledgeStore lightStore(Path dataDir) throws IOException {
        Files.createDirectories(dataDir.resolve("seed"));
        Files.createDirectories(dataDir.resolve("areas"));
        try (Stream<Path> seed = Files.list(Path.of("data/seed"))) {
            for (Path file : seed.toList()) {
                Files.copy(file, dataDir.resolve("seed").resolve(file.getFileName()));
            }
        }
        for (String areas : List.of("prefectures.trig", "placeholder.trig")) {
            Files.copy(Path.of("data/areas", areas), dataDir.resolve("areas").resolve(areas));
        }
        TdbKnowledgeStore store = TdbKnowledgeStore.inMemory();
        new DataLoader(BASE, dataDir, false).load(store);
        return store;
    }

    static StoreProperties storeProperties() {
        return new StoreProperties(
                BASE,
                new StoreProperties.Data(Path.of("data"), false, false),
                new StoreProperties.Store(
                        StoreProperties.Kind.TDB2,
                        new StoreProperties.Tdb2(Path.of("unused")),
                        new StoreProperties.Remote(
                                null, "sparql", "update", "data", null, null, Duration.ofSeconds(5))),
                new StoreProperties.Query(Duration.ofSeconds(30)));
    }

    static WorksheetRepository repository(KnowledgeStore store) {
        StoreProperties properties = storeProperties();
        AuthoringProperties authoring =
                new AuthoringProperties("classpath:ontology/shapes.ttl", DataSize.ofMegabytes(5));
        NamedQueryRunner queries = queries(store);
        OntologyModel ontology = new OntologyModel(store);
        return new WorksheetRepository(
                store,
                ontology,
                new WorksheetValidator(
                        authoring, new DefaultResourceLoader(), ontology, queries, properties, InputLimits.defaults()),
                new AreaAccess(queries),
                properties);
    }

    /** The application's queries, run against {@code store} as the application runs them. */
    static NamedQueryRunner queries(KnowledgeStore store) {
        StoreProperties properties = storeProperties();
        return new NamedQueryRunner(
                NamedQueryCatalog.classpath(), store, properties.query().timeout(), properties.baseIri());
    }

    /**
     * The seed example {@value #SEED} as the worksheet {@code slug} of {@code area}: every IRI of the example's
     * worksheet and items renamed, the area replaced.
     */
    static Graph worksheet(KnowledgeStore store, String slug, String area) {
        return worksheet(store.graph(BASE + "graph/worksheet/" + SEED), slug, area);
    }

    /** The seed example's graph read from its file in {@code data/seed/}. */
    static Graph seedFromFile() {
        DatasetGraph dataset = DatasetGraphFactory.create();
        RDFParser.source(Path.of("data/seed/" + SEED + ".trig"))
                .base(BASE)
                .lang(Lang.TRIG)
                .parse(dataset);
        return dataset.getGraph(NodeFactory.createURI(BASE + "graph/worksheet/" + SEED));
    }

    /**
     * {@code seed} (the graph of {@value #SEED}) renamed to {@code slug}, with {@code area}, as a draft (a worked
     * example's status is for the guideline's examples only, which nobody replaces).
     */
    static Graph worksheet(Graph seed, String slug, String area) {
        String from = BASE + "id/worksheet/" + SEED;
        String to = BASE + "id/worksheet/" + slug;
        Graph graph = GraphFactory.createDefaultGraph();
        for (Triple t : seed.find().toList()) {
            if (t.getPredicate().equals(KK.area.asNode())) {
                continue;
            }
            if (t.getPredicate().equals(KK.status.asNode()) && t.getObject().equals(Statuses.EXAMPLE.asNode())) {
                graph.add(rename(t.getSubject(), from, to), t.getPredicate(), Statuses.DRAFT.asNode());
                continue;
            }
            graph.add(rename(t.getSubject(), from, to), t.getPredicate(), rename(t.getObject(), from, to));
        }
        graph.add(NodeFactory.createURI(to), KK.area.asNode(), NodeFactory.createURI(area));
        return graph;
    }

    private static Node rename(Node node, String from, String to) {
        if (node.isURI() && node.getURI().startsWith(from)) {
            return NodeFactory.createURI(to + node.getURI().substring(from.length()));
        }
        return node;
    }

    /** A copy of {@code graph} with one triple's object replaced. */
    static Graph withObject(Graph graph, Node subject, Node predicate, Node newObject) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(t -> {
            if (t.getSubject().equals(subject) && t.getPredicate().equals(predicate)) {
                copy.add(subject, predicate, newObject);
            } else {
                copy.add(t);
            }
        });
        return copy;
    }

    /**
     * {@code graph} with the worksheet's own title, labels and their translations instead of the worked example's
     * (an import refuses a worked example's names on another worksheet).
     */
    static Graph withOwnNames(Graph graph, String slug) {
        Node worksheet = NodeFactory.createURI(BASE + "id/worksheet/" + slug);
        List<Node> naming = List.of(DCTerms.title.asNode(), RDFS.label.asNode(), KK.translation.asNode());
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(t -> {
            if (!(t.getSubject().equals(worksheet) && naming.contains(t.getPredicate()))) {
                copy.add(t);
            }
        });
        copy.add(worksheet, DCTerms.title.asNode(), NodeFactory.createLiteralLang("試験用シート " + slug, "ja"));
        copy.add(worksheet, RDFS.label.asNode(), NodeFactory.createLiteralLang("試験用シート " + slug, "ja"));
        return copy;
    }

    /**
     * {@code graph} without the English translation of {@code item}: a worksheet whose item can be reworded without
     * the translation becoming outdated ({@code kk:translationOutdated}), for tests about something else.
     */
    static Graph withoutTranslation(Graph graph, Node item) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(t -> {
            if (!(t.getSubject().equals(item) && t.getPredicate().equals(KK.translation.asNode()))) {
                copy.add(t);
            }
        });
        return copy;
    }
}
