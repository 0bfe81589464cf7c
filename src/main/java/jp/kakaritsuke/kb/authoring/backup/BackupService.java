package jp.kakaritsuke.kb.authoring.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import jp.kakaritsuke.kb.authoring.InputLimits;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.ReadAhead;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.springframework.stereotype.Service;

/**
 * Consistent backups of the whole store while the application runs, and restores of one.
 *
 * <p>A backup is every quad of every named graph as gzipped N-Quads, read in one read transaction
 * ({@link KnowledgeStore#forEachQuad}), so it is a snapshot of one moment even while worksheets are being saved. A
 * restore replaces the whole dataset in one write transaction: on the embedded store the old content is removed and
 * the file streamed in inside that transaction, so a file that fails to parse half-way leaves the store as it was.
 */
@Service
public class BackupService {

    private final KnowledgeStore store;

    private final InputLimits limits;

    public BackupService(KnowledgeStore store, InputLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /** What a backup or restore moved. */
    public record Summary(long quads) {}

    /** Writes a snapshot of all named graphs to {@code out} as gzipped N-Quads; {@code out} is left open. */
    public Summary backup(OutputStream out) throws IOException {
        AtomicLong count = new AtomicLong();
        GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(out), 1 << 16);
        StreamRDF writer = StreamRDFWriter.getWriterStream(gzip, Lang.NQUADS);
        writer.start();
        ReadAhead.forEachQuad(store, quad -> {
            writer.quad(quad);
            count.incrementAndGet();
        });
        writer.finish();
        gzip.finish();
        gzip.flush();
        return new Summary(count.get());
    }

    /** Writes a snapshot to {@code file} (created or replaced). */
    public Summary backup(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
            try {
                Summary summary;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                    summary = backup(out);
                }
                // A half-written file never carries the backup's name.
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return summary;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + file, e);
        }
    }

    /** Replaces the whole dataset with the gzipped N-Quads of {@code in}. */
    public Summary restore(InputStream in) throws IOException {
        InputStream nquads = new GZIPInputStream(new BufferedInputStream(in), 1 << 16);
        if (CachingKnowledgeStore.unwrap(store) instanceof TdbKnowledgeStore tdb) {
            DatasetGraph dsg = tdb.datasetGraph();
            return Txn.calculateWrite(dsg, () -> {
                dsg.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
                AtomicLong count = new AtomicLong();
                parse(nquads, quad -> {
                    dsg.add(quad);
                    count.incrementAndGet();
                });
                return new Summary(count.get());
            });
        }
        DatasetGraph staging = DatasetGraphFactory.createGeneral();
        AtomicLong count = new AtomicLong();
        parse(nquads, quad -> {
            staging.add(quad);
            count.incrementAndGet();
        });
        for (String name : store.graphNames()) {
            Node node = NodeFactory.createURI(name);
            if (!staging.containsGraph(node)) {
                staging.addGraph(node, GraphFactory.createDefaultGraph());
            }
        }
        store.replaceGraphs(staging);
        return new Summary(count.get());
    }

    /** Replaces the whole dataset with the backup in {@code file}. */
    public Summary restore(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return restore(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backup " + file, e);
        } catch (BackupFormatException e) {
            throw new BackupFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the N-Quads; a text longer than {@code kb.input.max-text-length} refuses the whole backup. */
    private void parse(InputStream nquads, Consumer<Quad> sink) {
        try {
            RDFParser.source(nquads).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    if (quad.isDefaultGraph()) {
                        throw new BackupFormatException("a backup holds named graphs only, but it has a triple in "
                                + "the default graph: " + quad);
                    }
                    if (limits.tooLong(quad.getObject())) {
                        throw new BackupFormatException("a text of <" + quad.getSubject() + "> <"
                                + quad.getPredicate() + "> in graph <" + quad.getGraph() + "> is "
                                + InputLimits.utf8Length(quad.getObject().getLiteralLexicalForm())
                                + " bytes long; at most "
                                + limits.maxTextLength().toBytes()
                                + " bytes are accepted (kb.input.max-text-length)");
                    }
                    sink.accept(quad);
                }

                @Override
                public void triple(Triple triple) {
                    throw new BackupFormatException("a backup holds quads (N-Quads), but it has a triple: " + triple);
                }
            });
        } catch (RiotException e) {
            throw new BackupFormatException(e.getMessage(), e);
        }
    }

    /** An output stream whose close leaves the underlying stream open, for servlet responses. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
