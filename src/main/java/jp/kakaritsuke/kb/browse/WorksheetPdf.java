package jp.kakaritsuke.kb.browse;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.kakaritsuke.kb.authoring.history.HistoryTimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The PDF of a worksheet's print (template {@value #TEMPLATE}), rendered on the server with openhtmltopdf (HTML and
 * CSS to PDF on PDFBox) — no browser needed. Japanese text needs a TrueType font with Japanese glyphs, embedded
 * (subset) into the PDF: {@code kb.print.font}, by default IPAex Gothic from Debian's {@code fonts-ipaexfont-gothic}
 * (IPA Font License v1.0; see the README). PDFBox embeds TrueType outlines only, so the CFF-based Noto CJK
 * collections will not do.
 */
@Component
class WorksheetPdf {

    static final String TEMPLATE = "browse/worksheet-print";

    private final ITemplateEngine templates;
    private final File font;

    WorksheetPdf(
            ITemplateEngine templates,
            @Value("${kb.print.font:/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf}") String font) {
        this.templates = templates;
        this.font = new File(font);
    }

    /** The model of the print template. */
    Map<String, Object> model(Worksheet ws, String iri, boolean full, boolean pdf, String lang) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("ws", ws);
        model.put("iri", iri);
        model.put("full", full);
        model.put("pdf", pdf);
        model.put("lang", lang);
        model.put("printed", HistoryTimes.format(Instant.now(), lang));
        return model;
    }

    /**
     * The PDF: one A4 landscape page (two with {@code full}).
     *
     * @throws IllegalStateException if the Japanese font is missing (the error names the property and the package)
     */
    byte[] render(Worksheet ws, String iri, boolean full, String lang) {
        if (!font.canRead()) {
            throw new IllegalStateException("The PDF needs a Japanese TrueType font at " + font
                    + " (kb.print.font): install Debian's fonts-ipaexfont-gothic or point kb.print.font at another");
        }
        Context context = new Context(Locale.forLanguageTag(lang), model(ws, iri, full, true, lang));
        String html = templates.process(TEMPLATE, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font, "IPAexGothic");
            builder.withHtmlContent(html, iri);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
