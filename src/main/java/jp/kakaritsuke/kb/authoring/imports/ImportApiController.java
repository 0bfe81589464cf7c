package jp.kakaritsuke.kb.authoring.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakaritsuke.kb.authoring.SaveResult;
import jp.kakaritsuke.kb.authoring.history.WorksheetDiff;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/import?dryRun=true|false} for programs (HTTP Basic, no CSRF token): the file as a multipart part
 * {@code file} (format by its file name) or as the raw body (format by {@code ?filename=} or the Content-Type).
 * {@code dryRun} defaults to true: nothing is written unless the client asks for it. Answers a JSON summary per
 * worksheet; refusals answer 400, 403, 409, 413, 415 or 422 with every problem and its place in the file.
 *
 * <p>A dry run answers {@code previewed}, the version of each worksheet it compared against
 * ({@code slug@version,…}); sending it back with the apply ({@code ?previewed=…}) makes the apply refuse with 409
 * ({@code "error": "stale"}, nothing written) if any of them changed meanwhile. Worked examples of the guideline
 * answer 409 ({@code "error": "protected"}).
 */
@RestController
class ImportApiController {

    private final WorksheetImporter importer;
    private final ImportMessages messages;

    ImportApiController(WorksheetImporter importer, ImportMessages messages) {
        this.importer = importer;
        this.messages = messages;
    }

    @PostMapping(
            path = "/api/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> multipart(
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(required = false) String previewed,
            Authentication user)
            throws IOException {
        try {
            if (file.getSize() > importer.maxUpload()) {
                throw importer.tooLarge();
            }
            byte[] content;
            try (InputStream in = file.getInputStream()) {
                content = importer.readLimited(in, file.getSize());
            }
            return ResponseEntity.ok(
                    run(file.getOriginalFilename(), file.getContentType(), content, dryRun, comment, previewed, user));
        } catch (ImportRejectedException e) {
            return rejected(e);
        }
    }

    @PostMapping(path = "/api/import", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> body(
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestParam(required = false) String filename,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(required = false) String previewed,
            HttpServletRequest request,
            Authentication user)
            throws IOException {
        try {
            ImportFormat.detect(filename, contentType);
            byte[] content = importer.readLimited(request.getInputStream(), request.getContentLengthLong());
            return ResponseEntity.ok(run(filename, contentType, content, dryRun, comment, previewed, user));
        } catch (ImportRejectedException e) {
            return rejected(e);
        }
    }

    private Map<String, Object> run(
            String filename,
            String contentType,
            byte[] content,
            boolean dryRun,
            String comment,
            String previewed,
            Authentication user) {
        ImportFormat format = ImportFormat.detect(filename, contentType);
        Map<String, Integer> versions = previewed(previewed);
        List<ParsedWorksheet> worksheets = importer.read(filename, format, content, ImportProgress.NONE);
        ImportPreview preview = dryRun
                ? importer.preview(filename, format, worksheets, Authors.of(user), "en", ImportProgress.NONE)
                : importer.apply(
                        filename, format, worksheets, Authors.of(user), comment, "en", ImportProgress.NONE, versions);
        return summary(preview, dryRun);
    }

    /** The {@code previewed} parameter, {@code slug@version,…}, as a map; empty if absent. */
    private static Map<String, Integer> previewed(String previewed) {
        Map<String, Integer> versions = new LinkedHashMap<>();
        if (previewed == null || previewed.isBlank()) {
            return versions;
        }
        for (String part : previewed.split(",")) {
            String[] pair = part.strip().split("@");
            if (pair.length != 2 || !WorksheetNames.isSlug(pair[0]) || !pair[1].matches("\\d{1,9}")) {
                throw ImportRejectedException.malformed(
                        ImportProblem.of(Where.file(), "import.problem.previewed", part.strip()));
            }
            versions.put(pair[0], Integer.parseInt(pair[1]));
        }
        return versions;
    }

    /** The JSON summary of a preview or an import. */
    static Map<String, Object> summary(ImportPreview preview, boolean dryRun) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dryRun", dryRun);
        body.put("written", preview.written());
        body.put("file", preview.filename() == null ? "" : preview.filename());
        body.put("format", preview.format().extension());
        body.put(
                "previewed",
                String.join(
                        ",",
                        preview.worksheets().stream()
                                .map(c -> c.slug() + "@" + c.version())
                                .toList()));
        body.put(
                "worksheets",
                preview.worksheets().stream()
                        .map(change -> {
                            Map<String, Object> map = new LinkedHashMap<>();
                            WorksheetDiff diff = change.diff();
                            map.put("slug", change.slug());
                            map.put("worksheet", change.worksheet());
                            map.put("change", change.kind().id());
                            map.put("added", diff.added());
                            map.put("removed", diff.removed());
                            map.put("previewedVersion", change.version());
                            preview.saved().stream()
                                    .filter(s -> s.slug().equals(change.slug()))
                                    .findFirst()
                                    .ifPresent((SaveResult s) -> map.put("version", s.version()));
                            return map;
                        })
                        .toList());
        return body;
    }

    /** A refused upload: its status, and every problem with its place, in English. Nothing was written. */
    private ResponseEntity<Map<String, Object>> rejected(ImportRejectedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", e.reason().status().value());
        body.put("error", e.reason().name().toLowerCase(Locale.ROOT));
        body.put("written", false);
        body.put("problems", messages.json(e.problems(), Locale.ENGLISH));
        return ResponseEntity.status(e.reason().status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
