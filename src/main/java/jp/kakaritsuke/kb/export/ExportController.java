package jp.kakaritsuke.kb.export;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.rdf.Negotiation;
import jp.kakaritsuke.kb.web.rdf.RdfBody;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.rdf.model.Model;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Downloads for researchers and the description of the dataset. Exports live at {@code /export/all.{ext}} and
 * {@code /export/{scope}/{id}.{ext}} (scope area, prefecture, function or worksheet; ext ttl, trig, nq or jsonld);
 * {@code /export?scope=…&id=…&format=…}, what the catalogue's forms send, redirects there. The VoID/DCAT description
 * is at {@code /.well-known/void}, its HTML rendering at {@code /catalog}.
 */
@Controller
class ExportController {

    private final DatasetExporter exporter;
    private final DatasetDescription description;
    private final SubsetChoices choices;
    private final String baseIri;

    ExportController(
            DatasetExporter exporter,
            DatasetDescription description,
            SubsetChoices choices,
            StoreProperties properties) {
        this.exporter = exporter;
        this.description = description;
        this.choices = choices;
        this.baseIri = properties.baseIri();
    }

    @GetMapping("/export")
    ResponseEntity<Void> exportForm(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String id,
            @RequestParam(required = false) String format,
            HttpServletRequest request) {
        ExportSelection selection = ExportSelection.parse(scope, id == null ? null : id.strip());
        RdfSyntax syntax = DatasetExporter.format(format);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.getContextPath() + selection.path() + "." + syntax.extension()))
                .build();
    }

    @GetMapping("/export/{*rest}")
    void export(@PathVariable String rest, HttpServletResponse response) throws IOException {
        String path = rest.substring(1);
        int slash = path.indexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot < 0 || dot < path.lastIndexOf('/')) {
            throw new BadRequestException(
                    "format", "missing; end the path with ." + String.join(", .", DatasetExporter.FORMATS.keySet()));
        }
        RdfSyntax syntax = DatasetExporter.format(path.substring(dot + 1));
        String scope = slash < 0 ? path.substring(0, dot) : path.substring(0, slash);
        String id = slash < 0 ? null : path.substring(slash + 1, dot);
        ExportSelection selection = ExportSelection.parse(scope, id);
        // Resolve the selection before the first byte is sent, so that an unknown id is still a clean 404.
        exporter.graphs(selection);
        // The dump is written to a file first and sent only when it is whole: a store that fails half-way (a remote
        // store restarting) is a 502, never a 200 cut short. Memory stays bounded; the file goes when sent.
        Path spool = Files.createTempFile("kb-export-", "." + syntax.extension());
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(spool))) {
                exporter.write(selection, syntax, file);
            }
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(syntax.contentType().toString());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(selection.fileStem() + "." + syntax.extension())
                            .build()
                            .toString());
            response.setContentLengthLong(Files.size(spool));
            OutputStream out = response.getOutputStream();
            Files.copy(spool, out);
            out.flush();
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @GetMapping("/.well-known/void")
    ResponseEntity<byte[]> voidDescription(HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> offers =
                RdfSyntax.TRIPLE_SYNTAXES.stream().map(RdfSyntax::mediaType).toList();
        MediaType chosen =
                Negotiation.choose(request, offers).orElseThrow(() -> new HttpMediaTypeNotAcceptableException(offers));
        ResponseEntity<byte[]> body =
                RdfBody.of(description.describe(), RdfSyntax.byMediaType(chosen).orElseThrow());
        return ResponseEntity.status(body.getStatusCode())
                .headers(body.getHeaders())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(body.getBody());
    }

    @GetMapping("/catalog")
    ModelAndView catalog() {
        // The page must not wait for the dumps' sizes and checksums; it says they are being computed instead.
        Model model = description.describeWithoutWaiting();
        ModelAndView page = new ModelAndView("export/catalog");
        String lang = LocalizedText.currentLanguage();
        page.addObject("page", CatalogPage.of(model, description.datasetIri(), baseIri, lang));
        page.addObject("formats", DatasetExporter.FORMATS.keySet());
        page.addObject("choices", choices.choices(lang));
        return page;
    }
}
