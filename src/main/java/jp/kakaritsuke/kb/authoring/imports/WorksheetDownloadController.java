package jp.kakaritsuke.kb.authoring.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Graph;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One worksheet as a spreadsheet in the import layout, for the meeting and for editing offline:
 * {@code GET /doc/worksheet/{slug}/download.xlsx} (with the column descriptions, the value lists and the data
 * validation of {@code /import/template.xlsx}) and {@code …/download.csv}. Edited and imported again
 * ({@code /import}), it gives the same worksheet: the layout holds every statement of the worksheet except the
 * editors' interpretation records.
 */
@Controller
class WorksheetDownloadController {

    private final WorksheetRepository repository;
    private final WorksheetImporter importer;
    private final ImportMessages messages;
    private final String base;

    WorksheetDownloadController(
            WorksheetRepository repository,
            WorksheetImporter importer,
            ImportMessages messages,
            StoreProperties properties) {
        this.repository = repository;
        this.importer = importer;
        this.messages = messages;
        this.base = properties.baseIri();
    }

    @GetMapping("/doc/worksheet/{slug}/download.xlsx")
    void xlsx(@PathVariable String slug, HttpServletResponse response) throws IOException {
        Graph worksheet = worksheet(slug);
        ImportVocabulary vocabulary = importer.vocabulary();
        var rows = new WorksheetTableWriter(base, vocabulary).rows(slug, worksheet);
        attachment(response, ImportFormat.XLSX.mediaType(), slug + ".xlsx");
        LayoutFiles.writeXlsx(rows, messages, vocabulary, response.getOutputStream());
    }

    @GetMapping("/doc/worksheet/{slug}/download.csv")
    void csv(@PathVariable String slug, HttpServletResponse response) throws IOException {
        Graph worksheet = worksheet(slug);
        var rows = new WorksheetTableWriter(base, importer.vocabulary()).rows(slug, worksheet);
        attachment(response, "text/csv;charset=UTF-8", slug + ".csv");
        LayoutFiles.writeCsv(rows, messages, response.getOutputStream());
    }

    private Graph worksheet(String slug) {
        if (!WorksheetNames.isSlug(slug)) {
            throw new NotFoundException("worksheet " + slug);
        }
        return repository.get(slug).orElseThrow(() -> new NotFoundException("worksheet " + slug));
    }

    private static void attachment(HttpServletResponse response, String type, String filename) {
        response.setContentType(type);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
    }
}
