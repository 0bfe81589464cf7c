package jp.kakaritsuke.kb.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the application knew about an embedded store when it last closed it cleanly, so that the next start need not
 * work it out again from the whole store: whether the text index was in step with it, the dumps' sizes and checksums.
 *
 * <p>The record is a file in the TDB2 directory, written when the store closes with no transaction left, beside a
 * fingerprint of every file of the TDB2 directory and of the directories kept beside it (the text index): each file's
 * path, size and modification time. On opening, the record counts only if the fingerprint of the files as they are
 * then is the same; either way the file is removed at once, so that a run that does not close cleanly (a crash, a
 * kill) leaves no record and the next start checks everything. Anything that changes the files — a write, a bulk load
 * by another tool, a restore — changes the fingerprint.
 */
final class CloseRecord {

    /** The record's file name in the TDB2 directory. */
    static final String FILE = "kb-closed-cleanly.properties";

    private static final Logger log = LoggerFactory.getLogger(CloseRecord.class);
    private static final String FINGERPRINT = "fingerprint";
    /** The application's own files in the TDB2 directory: the record and what it vouches for (kept answers). */
    static final String OWN_FILES = "kb-";

    private static final String ENTRY = "entry.";
    /** Files that opening writes (TDB2's and Lucene's locks), which say nothing about the data. */
    private static final Set<String> LOCKS = Set.of("tdb.lock", "write.lock");

    private CloseRecord() {}

    /**
     * Reads and removes the record of {@code location}: its entries if the record's fingerprint is that of
     * {@code directories} now, else empty (no record, another fingerprint, an unreadable file).
     */
    static Optional<Map<String, String>> take(Path location, List<Path> directories) {
        Path file = location.resolve(FILE);
        Properties record = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            record.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            log.warn("The store's close record {} is unreadable ({}); checking everything", file, e.getMessage());
            remove(file);
            return Optional.empty();
        }
        remove(file);
        String now = fingerprint(directories);
        if (!now.equals(record.getProperty(FINGERPRINT))) {
            log.info("The store's files changed since the application last closed it; checking everything");
            return Optional.empty();
        }
        Map<String, String> entries = new TreeMap<>();
        record.stringPropertyNames().stream()
                .filter(k -> k.startsWith(ENTRY))
                .forEach(k -> entries.put(k.substring(ENTRY.length()), record.getProperty(k)));
        return Optional.of(entries);
    }

    /** Writes the record of {@code location}: the fingerprint of {@code directories} as they are now, and entries. */
    static void write(Path location, List<Path> directories, Map<String, String> entries) {
        Properties record = new Properties();
        record.setProperty(FINGERPRINT, fingerprint(directories));
        entries.forEach((k, v) -> record.setProperty(ENTRY + k, v));
        Path file = location.resolve(FILE);
        Path partial = location.resolve(FILE + ".partial");
        try {
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                record.store(out, "Written when the application closed the store; removed when it opens it");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Not a failure of the close: the next start checks everything.
            log.warn("Could not write the store's close record {}: {}", file, e.getMessage());
            remove(partial);
        }
    }

    /**
     * A digest of the path (relative to its directory), size and modification time of every file under
     * {@code directories}, the application's own files ({@value #OWN_FILES}…) and lock files left out; directories
     * that do not exist count as empty.
     */
    static String fingerprint(List<Path> directories) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        for (Path directory : directories) {
            digest.update(("dir " + directory.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            if (!Files.isDirectory(directory)) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (LOCKS.contains(name) || name.startsWith(OWN_FILES)) {
                        continue;
                    }
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        lines.add(directory.relativize(f) + " " + a.size() + " "
                                + a.lastModifiedTime().toMillis());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the store's files in " + directory, e);
            }
            lines.stream().sorted().forEach(l -> digest.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot remove the store's close record " + file + ": a later start could trust it wrongly", e);
        }
    }
}
