package jp.kakaritsuke.kb.authoring.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.InputLimits;
import jp.kakaritsuke.kb.authoring.RepositoryForTests;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Column;
import jp.kakaritsuke.kb.store.DataLoader;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.OntologyModel;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.unit.DataSize;

/** Stores with the shipped data, importers over them, and files in the tabular layout made from the seed. */
final class ImportFixtures {

    static final String BASE = "http://localhost:8080/";
    static final String EXAMPLE = "mhlw-2025-f2-i";
    static final Author ADMIN = Author.admin("admin");
    static final Author EDITOR_13 = new Author("editor13", Set.of(Author.Role.EDITOR), Set.of("13"));

    private ImportFixtures() {}

    /** An in-memory TDB2 store with the ontology, the areas and the seed worksheets (no demo data). */
    static TdbKnowledgeStore loadedStore() {
        TdbKnowledgeStore store = TdbKnowledgeStore.inMemory();
        new DataLoader(BASE, Path.of("data"), false).load(store);
        return store;
    }

    static WorksheetImporter importer(KnowledgeStore store, DataSize maxUpload) {
        return new WorksheetImporter(
                RepositoryForTests.repository(store),
                new OntologyModel(store),
                RepositoryForTests.queries(store),
                RepositoryForTests.storeProperties(),
                new ImportProperties(maxUpload),
                InputLimits.defaults());
    }

    /** The import messages from the application's bundle. */
    static ImportMessages messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/authoring");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new ImportMessages(source);
    }

    /** The worksheet graph of {@code slug} in the store. */
    static Graph worksheet(KnowledgeStore store, String slug) {
        return store.graph(BASE + "graph/worksheet/" + slug);
    }

    /**
     * What the tabular layout carries of a worksheet: everything but the interpretation records (the statements
     * about nodes typed kk:Interpretation).
     */
    static Graph withoutInterpretations(Graph worksheet) {
        Set<Node> interpretations = new HashSet<>(worksheet
                .find(Node.ANY, RDF.type.asNode(), KK.Interpretation.asNode())
                .mapWith(t -> t.getSubject())
                .toList());
        Graph carried = GraphFactory.createDefaultGraph();
        worksheet
                .find()
                .filterDrop(t -> interpretations.contains(t.getSubject()))
                .forEachRemaining(carried::add);
        return carried;
    }

    /** The rows of the layout for a worksheet graph. */
    static List<Map<Column, String>> rows(WorksheetImporter importer, String slug, Graph worksheet) {
        return new WorksheetTableWriter(BASE, importer.vocabulary()).rows(slug, worksheet);
    }

    static byte[] csv(List<Map<Column, String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            LayoutFiles.writeCsv(rows, messages(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(List<Map<Column, String>> rows, ImportVocabulary vocabulary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            LayoutFiles.writeXlsx(rows, messages(), vocabulary, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Every quad of the store, to compare the store before and after a refused or dry-run import. */
    static Set<Quad> quads(KnowledgeStore store) {
        Set<Quad> quads = new HashSet<>();
        store.forEachQuad(quads::add);
        return quads;
    }
}
