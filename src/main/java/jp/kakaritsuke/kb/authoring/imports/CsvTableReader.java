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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the tabular layout from CSV (RFC 4180, comma-separated, {@code "} quotes): lines starting with {@code #}
 * are comments, the first other line is the header. The file is UTF-8 (with or without a byte-order mark); a file
 * that is not valid UTF-8 is read as Shift_JIS (Windows-31J), as Excel saves "CSV" on Japanese Windows.
 */
final class CsvTableReader {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private CsvTableReader() {}

    static Table read(byte[] bytes) {
        String text = decode(bytes);
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
                        problems.add(ImportProblem.of(Where.line(line), "import.problem.noHeader", i + 1, value));
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

    private static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_31J);
        }
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
