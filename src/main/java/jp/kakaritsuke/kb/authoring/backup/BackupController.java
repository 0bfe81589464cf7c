package jp.kakaritsuke.kb.authoring.backup;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.ZipException;
import jp.kakaritsuke.kb.web.BadRequestException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/backup} (administrators only): download a snapshot of the running store, or upload one to replace
 * the whole store with it.
 */
@Controller
class BackupController {

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    @GetMapping("/admin/backup")
    String page() {
        return "authoring/backup";
    }

    @GetMapping("/admin/backup/download")
    ResponseEntity<StreamingResponseBody> download() {
        String name = "kakaritsuke-kb-"
                + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + ".nq.gz";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/gzip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(backups::backup);
    }

    @PostMapping("/admin/backup/restore")
    String restore(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            throw new BadRequestException("file", "choose a backup file (.nq.gz)");
        }
        BackupService.Summary summary;
        try (InputStream in = file.getInputStream()) {
            summary = backups.restore(in);
        } catch (ZipException e) {
            throw new BackupFormatException(e.getMessage(), e);
        }
        redirect.addAttribute("restored", summary.quads());
        return "redirect:/admin/backup";
    }
}
