package jp.kakaritsuke.kb.authoring.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Column;
import jp.kakaritsuke.kb.store.StoreProperties;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.springframework.stereotype.Component;

/**
 * The downloadable templates of the tabular layout ({@code /import/template.csv}, {@code /import/template.xlsx}):
 * the header with the column descriptions, and a neutral sample ({@code import/template-sample.ttl}: the fictitious
 * worksheet {@value #SAMPLE} of the placeholder area XXX, every text marked as a sample, nothing of a worked example)
 * filled in as rows; the workbook adds instructions in Japanese and English and drop-down lists.
 */
@Component
class ImportTemplates {

    /** The slug of the sample the templates carry: clearly no real area's and no worked example's. */
    static final String SAMPLE = "sample-fictitious-area-2026-f2-i";

    private static final String SAMPLE_FILE = "import/template-sample.ttl";

    private final WorksheetImporter importer;
    private final ImportMessages messages;
    private final String base;
    private final Graph sample;

    ImportTemplates(WorksheetImporter importer, ImportMessages messages, StoreProperties properties) {
        this.importer = importer;
        this.messages = messages;
        this.base = properties.baseIri();
        this.sample = GraphFactory.createDefaultGraph();
        try (InputStream in = ImportTemplates.class.getClassLoader().getResourceAsStream(SAMPLE_FILE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE_FILE + ": not found on the classpath");
            }
            RDFParser.source(in).lang(Lang.TURTLE).base(base).parse(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(SAMPLE_FILE + ": cannot read", e);
        }
    }

    void csv(OutputStream out) throws IOException {
        LayoutFiles.writeCsv(exampleRows(importer.vocabulary()), messages, out);
    }

    void xlsx(OutputStream out) throws IOException {
        ImportVocabulary vocabulary = importer.vocabulary();
        LayoutFiles.writeXlsx(exampleRows(vocabulary), messages, vocabulary, out);
    }

    private List<Map<Column, String>> exampleRows(ImportVocabulary vocabulary) {
        return new WorksheetTableWriter(base, vocabulary).rows(SAMPLE, sample);
    }
}
