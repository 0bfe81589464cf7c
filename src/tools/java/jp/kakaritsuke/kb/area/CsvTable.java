package jp.kakaritsuke.kb.area;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A UTF-8 CSV file with a header row, read whole; a leading byte-order mark is dropped. Fields are read by column
 * name, and a missing column or empty value fails with the file, line and column named.
 */
final class CsvTable {

    /** One data row and the line it was read from (1 is the header). */
    record Row(CsvTable table, int line, CSVRecord record) {

        /** The non-blank value of {@code column}. */
        String get(String column) {
            String value = record.get(column);
            if (value == null || value.isBlank()) {
                throw table.error(line, column, "is empty");
            }
            return value.strip();
        }

        /** An error about this row's {@code column}, naming file, line and column. */
        AreaDataException error(String column, String problem) {
            return table.error(line, column, problem);
        }
    }

    private final Path file;
    private final List<Row> rows;

    private CsvTable(Path file, List<String> requiredColumns) {
        this.file = file;
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            try (CSVParser parser =
                    CSVParser.builder().setReader(reader).setFormat(format).get()) {
                Map<String, Integer> header = parser.getHeaderMap();
                for (String column : requiredColumns) {
                    if (!header.containsKey(column)) {
                        throw error(1, column, "column is missing from the header " + header.keySet());
                    }
                }
                List<Row> read = new ArrayList<>();
                for (CSVRecord record : parser) {
                    int line = (int) parser.getCurrentLineNumber();
                    if (!record.isConsistent()) {
                        throw error(line, null, "has " + record.size() + " fields, the header has " + header.size());
                    }
                    read.add(new Row(this, line, record));
                }
                this.rows = List.copyOf(read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Reads {@code file}, checking that the header has every one of {@code requiredColumns}. */
    static CsvTable read(Path file, String... requiredColumns) {
        return new CsvTable(file, List.of(requiredColumns));
    }

    List<Row> rows() {
        return rows;
    }

    AreaDataException error(int line, String column, String problem) {
        return new AreaDataException(file + ":" + line + (column == null ? "" : " [" + column + "]") + " " + problem);
    }
}
