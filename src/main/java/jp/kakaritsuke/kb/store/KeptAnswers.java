package jp.kakaritsuke.kb.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;

/**
 * The SELECT and ASK answers of the answer cache written to a file when the application closes the embedded store
 * cleanly, and read back on the next start if the store's files are as that close left them ({@link CloseRecord}
 * keeps the file's checksum): a restart then serves its pages from the answers it had, instead of asking the store
 * again for every count and list. A file whose checksum differs is not read.
 */
final class KeptAnswers {

    /** The file's name in the TDB2 directory (left out of the close record's fingerprint, as is the record). */
    static final String FILE = "kb-answers.bin";

    private static final int VERSION = 2;
    private static final byte SELECT = 'S';
    private static final byte ASK = 'A';
    private static final byte END = 0;
    private static final byte ABSENT = '-';
    private static final byte URI = 'U';
    private static final byte BLANK = 'B';
    private static final byte LITERAL = 'L';

    private KeptAnswers() {}

    /**
     * One kept answer: its question (the query as ARQ writes it, {@link #text}, and its bindings) and either rows
     * ({@code vars}, {@code rows}) or a boolean; {@code earlier} when it is an answer from before the last write, kept
     * to be served while the fresh one is computed (see {@link CachingKnowledgeStore}).
     */
    record Answer(
            String query,
            Map<String, Node> bindings,
            List<String> vars,
            List<Binding> rows,
            Boolean ask,
            boolean earlier) {}

    /**
     * A query as the kept answers name it: written out by ARQ. Parsing it back would not do, since a query with
     * aggregates parsed again is not equal to the original.
     */
    static String text(Query query) {
        return query.serialize(Syntax.syntaxARQ);
    }

    /**
     * Writes the answers that can be written (those whose nodes are IRIs, blank nodes and literals) and gives the
     * file's SHA-256.
     */
    static String write(Path file, Iterable<Answer> answers) throws IOException {
        MessageDigest sha256 = sha256();
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(file), sha256), 1 << 16))) {
            out.writeInt(VERSION);
            for (Answer a : answers) {
                if (!writable(a)) {
                    continue;
                }
                out.writeByte(a.ask() != null ? ASK : SELECT);
                out.writeBoolean(a.earlier());
                string(out, a.query());
                out.writeInt(a.bindings().size());
                for (Map.Entry<String, Node> b : a.bindings().entrySet()) {
                    string(out, b.getKey());
                    node(out, b.getValue());
                }
                if (a.ask() != null) {
                    out.writeBoolean(a.ask());
                    continue;
                }
                out.writeInt(a.vars().size());
                for (String v : a.vars()) {
                    string(out, v);
                }
                out.writeInt(a.rows().size());
                for (Binding row : a.rows()) {
                    for (String v : a.vars()) {
                        node(out, row.get(Var.alloc(v)));
                    }
                }
            }
            out.writeByte(END);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Reads the answers of {@code file} if its SHA-256 is {@code expectedSha256}, giving each to {@code sink}
     * (weight in cells, answer) only once the whole file has been read and checked.
     */
    static boolean read(Path file, String expectedSha256, BiConsumer<Answer, Long> sink) throws IOException {
        MessageDigest sha256 = sha256();
        List<Answer> answers = new ArrayList<>();
        // One object per term across all answers (the same areas, functions and labels recur in many), as the store's
        // node cache gives when they are computed.
        Map<Node, Node> shared = new HashMap<>();
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(new DigestInputStream(Files.newInputStream(file), sha256), 1 << 16))) {
            if (in.readInt() != VERSION) {
                return false;
            }
            for (byte kind = in.readByte(); kind != END; kind = in.readByte()) {
                boolean earlier = in.readBoolean();
                String query = string(in);
                int n = in.readInt();
                Map<String, Node> bindings = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    bindings.put(string(in), node(in));
                }
                if (kind == ASK) {
                    answers.add(new Answer(query, Map.copyOf(bindings), null, null, in.readBoolean(), earlier));
                    continue;
                }
                int nVars = in.readInt();
                List<String> vars = new ArrayList<>(nVars);
                for (int i = 0; i < nVars; i++) {
                    vars.add(string(in));
                }
                List<Var> columns = vars.stream().map(Var::alloc).toList();
                int nRows = in.readInt();
                List<Binding> rows = new ArrayList<>(nRows);
                for (int r = 0; r < nRows; r++) {
                    BindingBuilder row = BindingBuilder.create();
                    for (Var v : columns) {
                        Node value = node(in);
                        if (value != null) {
                            row.add(v, shared.computeIfAbsent(value, same -> same));
                        }
                    }
                    rows.add(row.build());
                }
                answers.add(
                        new Answer(query, Map.copyOf(bindings), List.copyOf(vars), List.copyOf(rows), null, earlier));
            }
            // Read to the end, so that the digest covers the whole file.
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (!HexFormat.of().formatHex(sha256.digest()).equals(expectedSha256)) {
            return false;
        }
        for (Answer a : answers) {
            sink.accept(
                    a,
                    a.ask() != null
                            ? 1L
                            : (long) a.rows().size() * Math.max(1, a.vars().size()));
        }
        return true;
    }

    private static boolean writable(Answer a) {
        if (!a.bindings().values().stream().allMatch(KeptAnswers::writable)) {
            return false;
        }
        if (a.ask() != null) {
            return true;
        }
        for (Binding row : a.rows()) {
            for (var vars = row.vars(); vars.hasNext(); ) {
                if (!writable(row.get(vars.next()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean writable(Node n) {
        return n.isURI() || n.isBlank() || n.isLiteral();
    }

    private static void node(DataOutputStream out, Node n) throws IOException {
        if (n == null) {
            out.writeByte(ABSENT);
        } else if (n.isURI()) {
            out.writeByte(URI);
            string(out, n.getURI());
        } else if (n.isBlank()) {
            out.writeByte(BLANK);
            string(out, n.getBlankNodeLabel());
        } else {
            out.writeByte(LITERAL);
            string(out, n.getLiteralLexicalForm());
            string(out, n.getLiteralLanguage());
            string(out, n.getLiteralDatatypeURI());
        }
    }

    private static Node node(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case ABSENT -> null;
            case URI -> NodeFactory.createURI(string(in));
            case BLANK -> NodeFactory.createBlankNode(string(in));
            case LITERAL -> {
                String lexical = string(in);
                String lang = string(in);
                String datatype = string(in);
                yield lang.isEmpty()
                        ? NodeFactory.createLiteralDT(
                                lexical, TypeMapper.getInstance().getSafeTypeByName(datatype))
                        : NodeFactory.createLiteralLang(lexical, lang);
            }
            default -> throw new IOException("not a node: " + kind);
        };
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 28)) {
            throw new IOException("not a string length: " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
