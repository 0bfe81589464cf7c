package jp.kakaritsuke.kb.authoring.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kakaritsuke.kb.authoring.SaveResult;
import jp.kakaritsuke.kb.authoring.ValidationFailedException;
import jp.kakaritsuke.kb.authoring.WriteDeniedException;
import jp.kakaritsuke.kb.authoring.history.WorksheetDiff;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
    Map<String, Object> multipart(
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(required = false) String previewed,
            Authentication user)
            throws IOException {
        if (file.getSize() > importer.maxUpload()) {
            throw importer.tooLarge();
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = importer.readLimited(in, file.getSize());
        }
        return run(file.getOriginalFilename(), file.getContentType(), content, dryRun, comment, previewed, user);
    }

    @PostMapping(path = "/api/import", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> body(
            @RequestHeader(value = "Content-Type", required = false) String contentType,
            @RequestParam(required = false) String filename,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(required = false) String previewed,
            HttpServletRequest request,
            Authentication user)
            throws IOException {
        ImportFormat.detect(filename, contentType);
        byte[] content = importer.readLimited(request.getInputStream(), request.getContentLengthLong());
        return run(filename, contentType, content, dryRun, comment, previewed, user);
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

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<Map<String, Object>> rejected(ImportRejectedException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", e.reason().status().value());
        body.put("error", e.reason().name().toLowerCase(Locale.ROOT));
        body.put("written", false);
        body.put("problems", messages.json(e.problems(), Locale.ENGLISH));
        return ResponseEntity.status(e.reason().status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    /** Another user changed the store between the check and the write, so that the write was refused. */
    @ExceptionHandler({ValidationFailedException.class, WriteDeniedException.class})
    ResponseEntity<Map<String, Object>> refusedAtWrite(RuntimeException e) {
        HttpStatus status = e instanceof WriteDeniedException ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_CONTENT;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status == HttpStatus.FORBIDDEN ? "denied" : "invalid");
        body.put("written", false);
        body.put(
                "problems",
                List.of(Map.of("where", "file", "message", String.valueOf(e.getMessage()), "rule", "refused")));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
