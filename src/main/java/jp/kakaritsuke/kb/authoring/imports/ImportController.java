package jp.kakaritsuke.kb.authoring.imports;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.security.Authors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The import pages: {@code GET /import} (the upload form and the templates), {@code POST /import/preview} (reads the
 * file and shows what would change, writing nothing; the file is kept in the session), {@code POST /import/apply}
 * (saves the previewed file, all worksheets in one transaction — refused with 409 if any of them changed after the
 * preview), {@code GET /import/template.csv|.xlsx}. Refusals show
 * the form again with every problem and its place in the file, answering 400, 403, 413, 415 or 422.
 */
@Controller
@RequestMapping("/import")
class ImportController {

    private static final String PENDING = ImportController.class.getName() + ".pending";

    private final WorksheetImporter importer;
    private final ImportTemplates templates;
    private final ImportMessages messages;

    ImportController(WorksheetImporter importer, ImportTemplates templates, ImportMessages messages) {
        this.importer = importer;
        this.templates = templates;
        this.messages = messages;
    }

    /** An uploaded file waiting for the user's confirmation. */
    record Pending(
            String token,
            String filename,
            String contentType,
            byte[] content,
            String comment,
            Map<String, Integer> previewed)
            implements Serializable {}

    @GetMapping
    ModelAndView form(Authentication user, Locale locale) {
        return page(user, HttpStatus.OK, List.of(), locale);
    }

    @PostMapping("/preview")
    ModelAndView preview(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String comment,
            Authentication user,
            HttpSession session,
            Locale locale)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw ImportRejectedException.malformed(ImportProblem.of(Where.file(), "import.problem.noFile"));
            }
            if (file.getSize() > importer.maxUpload()) {
                throw importer.tooLarge();
            }
            byte[] content;
            try (InputStream in = file.getInputStream()) {
                content = importer.readLimited(in, file.getSize());
            }
            Pending read = new Pending(
                    UUID.randomUUID().toString(),
                    String.valueOf(file.getOriginalFilename()),
                    file.getContentType(),
                    content,
                    comment,
                    Map.of());
            ImportPreview preview = run(read, Authors.of(user), locale, false);
            // The apply writes only if every worksheet is still at the version this preview showed.
            Pending pending = new Pending(
                    read.token(),
                    read.filename(),
                    read.contentType(),
                    read.content(),
                    read.comment(),
                    new LinkedHashMap<>(preview.versions()));
            session.setAttribute(PENDING, pending);
            ModelAndView page = new ModelAndView("authoring/import/preview");
            page.addObject("preview", preview);
            page.addObject("token", pending.token());
            page.addObject("comment", comment);
            return page;
        } catch (ImportRejectedException e) {
            return page(user, e.reason().status(), e.problems(), locale);
        }
    }

    @PostMapping("/apply")
    ModelAndView apply(@RequestParam String token, Authentication user, HttpSession session, Locale locale) {
        Object held = session.getAttribute(PENDING);
        if (!(held instanceof Pending pending) || !pending.token().equals(token)) {
            return page(
                    user,
                    HttpStatus.BAD_REQUEST,
                    List.of(ImportProblem.of(Where.file(), "import.problem.expired")),
                    locale);
        }
        try {
            ImportPreview result = run(pending, Authors.of(user), locale, true);
            session.removeAttribute(PENDING);
            ModelAndView page = new ModelAndView("authoring/import/result");
            page.addObject("preview", result);
            return page;
        } catch (ImportRejectedException e) {
            return page(user, e.reason().status(), e.problems(), locale);
        }
    }

    private ImportPreview run(Pending pending, Author author, Locale locale, boolean apply) {
        ImportFormat format = ImportFormat.detect(pending.filename(), pending.contentType());
        List<ParsedWorksheet> worksheets =
                importer.read(pending.filename(), format, pending.content(), ImportProgress.NONE);
        String lang = "en".equals(locale.getLanguage()) ? "en" : "ja";
        return apply
                ? importer.apply(
                        pending.filename(),
                        format,
                        worksheets,
                        author,
                        pending.comment(),
                        lang,
                        ImportProgress.NONE,
                        pending.previewed())
                : importer.preview(pending.filename(), format, worksheets, author, lang, ImportProgress.NONE);
    }

    private ModelAndView page(Authentication user, HttpStatus status, List<ImportProblem> problems, Locale locale) {
        ModelAndView page = new ModelAndView("authoring/import/form");
        page.setStatus(status);
        page.addObject("signedIn", Authors.canWrite(user));
        page.addObject("maxUploadMb", Math.max(1, importer.maxUpload() / (1024 * 1024)));
        page.addObject("accept", ".ttl,.trig,.jsonld,.nt,.nq,.rdf,.csv,.xlsx");
        page.addObject(
                "problems",
                problems.stream()
                        .map(p -> new String[] {messages.where(p, locale), messages.message(p, locale)})
                        .toList());
        return page;
    }

    @GetMapping("/template.csv")
    void csvTemplate(HttpServletResponse response) throws IOException {
        download(response, "text/csv;charset=UTF-8", "kakaritsuke-import-template.csv");
        templates.csv(response.getOutputStream());
    }

    @GetMapping("/template.xlsx")
    void xlsxTemplate(HttpServletResponse response) throws IOException {
        download(response, ImportFormat.XLSX.mediaType(), "kakaritsuke-import-template.xlsx");
        templates.xlsx(response.getOutputStream());
    }

    private static void download(HttpServletResponse response, String type, String filename) {
        response.setContentType(type);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
    }
}
