package jp.kakaritsuke.kb.authoring.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakaritsuke.kb.authoring.InputLimits;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the tabular layout from CSV (RFC 4180, comma-separated, {@code "} quotes): lines starting with {@code #}
 * are comments, the first other line is the header. The file is UTF-8 (with or without a byte-order mark); a file
 * that is not valid UTF-8 and has no byte-order mark is read as Shift_JIS (Windows-31J), as Excel saves "CSV" on
 * Japanese Windows. A file that is neither, or whose header shows a byte-order mark decoded the wrong way (text that
 * went through the wrong encoding before it was saved), is refused as an encoding error naming the file. No cell may
 * be longer than {@code kb.input.max-text-length}.
 */
final class CsvTableReader {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private CsvTableReader() {}

    /** Byte-order marks decoded as the wrong encoding: UTF-8's as Windows-31J or Latin-1, or left in the text. */
    private static final List<String> MISDECODED_MARKS = List.of("\uFEFF", "\uFFFD\uFF7B\uFF7F", "ï»¿", "ｻｿ");

    static Table read(String filename, byte[] bytes, InputLimits limits) {
        String file = filename == null || filename.isBlank() ? "(upload)" : filename;
        String text = decode(file, bytes);
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .get();
        List<ImportProblem> problems = new ArrayList<>();
        List<Table.Header> header = new ArrayList<>();
        Where headerRow = Where.line(1);
        List<Table.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .get()) {
            for (CSVRecord record : parser) {
                long line = lineOf(text, lineStarts, record.getCharacterPosition());
                if (header.isEmpty()) {
                    String first = record.size() == 0 ? "" : record.get(0);
                    if (MISDECODED_MARKS.stream().anyMatch(first::contains)) {
                        throw ImportRejectedException.malformed(ImportProblem.of(
                                Where.line(line),
                                "import.problem.encoding",
                                file,
                                "UTF-8 byte-order mark inside text"));
                    }
                    headerRow = Where.line(line);
                    for (String name : record) {
                        header.add(new Table.Header(name.strip().toLowerCase(Locale.ROOT), Where.line(line)));
                    }
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    String value = record.get(i).strip();
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (i >= header.size() || header.get(i).name().isEmpty()) {
                        problems.add(ImportProblem.of(
                                Where.line(line), "import.problem.noHeader", i + 1, abbreviated(value)));
                        continue;
                    }
                    if (limits.tooLong(value)) {
                        problems.add(ImportProblem.of(
                                Where.lineColumn(line, header.get(i).name()),
                                "import.problem.textTooLong",
                                InputLimits.utf8Length(value),
                                limits.maxTextLength().toBytes()));
                        continue;
                    }
                    values.put(header.get(i).name(), value);
                }
                if (!values.isEmpty()) {
                    rows.add(new Table.Row(Where.line(line), values, column -> Where.lineColumn(line, column)));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports a broken quote with the line in its message.
            problems.add(ImportProblem.of(Where.file(), "import.problem.csv", e.getMessage()));
        }
        if (header.isEmpty() && problems.isEmpty()) {
            problems.add(ImportProblem.of(Where.file(), "import.problem.noHeaderRow"));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.MALFORMED, problems);
        }
        return new Table(headerRow, header, rows);
    }

    /** The text of the file: UTF-8 (a byte-order mark says it must be), else Windows-31J; else an encoding error. */
    private static String decode(String name, byte[] bytes) {
        boolean mark = bytes.length >= 3
                && (bytes[0] & 0xff) == 0xef
                && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf;
        int start = mark ? 3 : 0;
        try {
            return strict(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes, start, bytes.length - start));
        } catch (CharacterCodingException utf8) {
            if (mark) {
                throw ImportRejectedException.malformed(ImportProblem.of(
                        Where.file(), "import.problem.encoding", name, "UTF-8 byte-order mark, but not UTF-8 text"));
            }
            try {
                return strict(WINDOWS_31J, ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException sjis) {
                throw ImportRejectedException.malformed(
                        ImportProblem.of(Where.file(), "import.problem.encoding", name, "neither UTF-8 nor Shift_JIS"));
            }
        }
    }

    private static String strict(Charset charset, ByteBuffer bytes) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(bytes)
                .toString();
    }

    /** A value as far as a message shows it. */
    static String abbreviated(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }

    /** The offsets at which lines start (a line ends with LF, CR LF or CR). */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The line a record starts on. Commons CSV gives the position before any comment and empty lines it skipped on
     * the way to the record, so those are skipped here too.
     */
    private static long lineOf(String text, int[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, (int) position);
        int line = index >= 0 ? index : -index - 2;
        while (line + 1 < lineStarts.length) {
            int start = lineStarts[line];
            char first = start < text.length() ? text.charAt(start) : '\n';
            if (first != '#' && first != '\n' && first != '\r') {
                break;
            }
            line++;
        }
        return line + 1L;
    }
}
