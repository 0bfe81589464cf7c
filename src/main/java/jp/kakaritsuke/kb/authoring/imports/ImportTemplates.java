package jp.kakaritsuke.kb.authoring.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Column;
import jp.kakaritsuke.kb.store.StoreProperties;
import org.apache.jena.graph.Graph;
import org.springframework.stereotype.Component;

/**
 * The downloadable templates of the tabular layout ({@code /import/template.csv}, {@code /import/template.xlsx}):
 * the header with the column descriptions, and the guideline's worked example on out-of-hours care
 * ({@value #EXAMPLE}) filled in as rows, when the store has it.
 */
@Component
class ImportTemplates {

    /** The worksheet the templates show as an example: MHLW's 時間外診療 example. */
    static final String EXAMPLE = "mhlw-2025-f2-i";

    private final WorksheetRepository repository;
    private final WorksheetImporter importer;
    private final ImportMessages messages;
    private final String base;

    ImportTemplates(
            WorksheetRepository repository,
            WorksheetImporter importer,
            ImportMessages messages,
            StoreProperties properties) {
        this.repository = repository;
        this.importer = importer;
        this.messages = messages;
        this.base = properties.baseIri();
    }

    void csv(OutputStream out) throws IOException {
        LayoutFiles.writeCsv(exampleRows(importer.vocabulary()), messages, out);
    }

    void xlsx(OutputStream out) throws IOException {
        ImportVocabulary vocabulary = importer.vocabulary();
        LayoutFiles.writeXlsx(exampleRows(vocabulary), messages, vocabulary, out);
    }

    private List<Map<Column, String>> exampleRows(ImportVocabulary vocabulary) {
        Graph example = repository.get(EXAMPLE).orElse(null);
        return example == null ? List.of() : new WorksheetTableWriter(base, vocabulary).rows(EXAMPLE, example);
    }
}
