package jp.kakaritsuke.kb.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.jena.query.Query;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jp.kakaritsuke.kb.linkeddata.QueryFiles;
import jp.kakaritsuke.kb.linkeddata.RdfSyntax;
import jp.kakaritsuke.kb.store.KnowledgeStore;

/**
 * The full dumps of the dataset (one per export syntax) with their size in bytes and SHA-256 checksum, found by
 * generating each dump into a counter and a digest, never into memory. The result is cached: it is recomputed when
 * {@link #invalidate()} was called (whoever writes to the store should call it) or when the store's fingerprint,
 * the names and triple counts of the exported graphs (named query {@code export/graph-sizes.rq}), has changed.
 */
@Component
public class DumpCatalog {

    /** One full dump: syntax, size and checksum (lower-case hex SHA-256). */
    public record Dump(RdfSyntax syntax, long byteSize, String sha256) {
    }

    /** The state the dumps were computed from: graph sizes, and the dumps themselves in syntax order. */
    public record Snapshot(SortedMap<String, Long> graphSizes, Map<RdfSyntax, Dump> dumps) {

        /** The number of triples over all named graphs (a triple in two graphs counts twice). */
        public long triples() {
            return graphSizes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final Query GRAPH_SIZES = QueryFiles.load("export/graph-sizes.rq");

    private final KnowledgeStore store;
    private final DatasetExporter exporter;
    private final Duration timeout;
    private Snapshot cached;

    public DumpCatalog(KnowledgeStore store, DatasetExporter exporter,
            @Value("${kb.query.timeout:PT10S}") Duration timeout) {
        this.store = store;
        this.exporter = exporter;
        this.timeout = timeout;
    }

    /** Forgets the cached sizes and checksums; call after changing the store. */
    public synchronized void invalidate() {
        cached = null;
    }

    /** The dumps of the store as it is now, recomputed only if the store has changed since the last call. */
    public synchronized Snapshot current() {
        SortedMap<String, Long> sizes = graphSizes();
        if (cached == null || !cached.graphSizes().equals(sizes)) {
            Map<RdfSyntax, Dump> dumps = new LinkedHashMap<>();
            for (RdfSyntax syntax : DatasetExporter.FORMATS.values()) {
                dumps.put(syntax, measure(syntax));
            }
            cached = new Snapshot(sizes, dumps);
        }
        return cached;
    }

    private SortedMap<String, Long> graphSizes() {
        SortedMap<String, Long> sizes = new TreeMap<>();
        store.select(GRAPH_SIZES, null, timeout).forEachRemaining(row -> {
            String graph = row.getResource("graph").getURI();
            if (exporter.exported(graph)) {
                sizes.put(graph, row.getLiteral("triples").getLong());
            }
        });
        return sizes;
    }

    private Dump measure(RdfSyntax syntax) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        CountingStream counter = new CountingStream();
        try (DigestOutputStream out = new DigestOutputStream(counter, sha256)) {
            exporter.write(ExportSelection.ALL, syntax, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Dump(syntax, counter.count, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Discards bytes, counting them. */
    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
