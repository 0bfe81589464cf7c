package jp.kakaritsuke.kb.authoring.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.apache.jena.riot.Lang;

/**
 * The file formats worksheets can be imported from: the RDF syntaxes (recognised by Jena's registry of file
 * extensions and content types, parsed by Jena, relative IRIs resolved against the base IRI) and the tabular layout as
 * CSV or Excel workbook. Chosen by the file's extension, else by its content type.
 */
enum ImportFormat {
    TURTLE(RdfSyntax.TURTLE),
    TRIG(RdfSyntax.TRIG),
    JSONLD(RdfSyntax.JSON_LD),
    NTRIPLES(RdfSyntax.N_TRIPLES),
    NQUADS(RdfSyntax.N_QUADS),
    RDFXML(RdfSyntax.RDF_XML),
    CSV("csv", "text/csv"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Content types that say nothing about the format; the file name decides. */
    private static final List<String> GENERIC = List.of("application/octet-stream", "multipart/form-data");

    private final RdfSyntax syntax;
    private final String extension;
    private final String mediaType;

    ImportFormat(RdfSyntax syntax) {
        this.syntax = syntax;
        this.extension = syntax.extension();
        this.mediaType = syntax.mediaType().toString();
    }

    ImportFormat(String extension, String mediaType) {
        this.syntax = null;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The RDF syntax, or null for the tabular formats. */
    Lang lang() {
        return syntax == null ? null : syntax.lang();
    }

    boolean isRdf() {
        return syntax != null;
    }

    /** The usual file extension, without the dot (public for the pages' expressions). */
    public String extension() {
        return extension;
    }

    /** The content type a file of this format is sent with. */
    String mediaType() {
        return mediaType;
    }

    /**
     * The format of an upload: by the file name's extension when there is a file name, else by the content type.
     *
     * @throws ImportRejectedException (415) for an unknown extension or content type
     */
    static ImportFormat detect(String filename, String contentType) {
        if (filename != null && !filename.isBlank()) {
            String name = filename.strip().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1);
            return tabular(f -> f.extension.equals(extension))
                    .or(() -> dot < 0
                            ? Optional.empty()
                            : RdfSyntax.byFileName(name).flatMap(ImportFormat::of))
                    .orElseThrow(() -> ImportRejectedException.unsupported(ImportProblem.of(
                            Where.file(),
                            "import.problem.extension",
                            extension.isEmpty() ? filename : "." + extension,
                            known())));
        }
        String type =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return tabular(f -> f.mediaType.equals(type))
                .or(() -> RdfSyntax.byContentType(type).flatMap(ImportFormat::of))
                .orElseThrow(() -> ImportRejectedException.unsupported(ImportProblem.of(
                        Where.file(),
                        "import.problem.contentType",
                        type.isEmpty() || GENERIC.contains(type) ? "(" + type + ")" : type,
                        known())));
    }

    private static Optional<ImportFormat> tabular(Predicate<ImportFormat> test) {
        return Arrays.stream(values()).filter(f -> !f.isRdf()).filter(test).findFirst();
    }

    private static Optional<ImportFormat> of(RdfSyntax syntax) {
        return Arrays.stream(values()).filter(f -> f.syntax == syntax).findFirst();
    }

    /** The accepted extensions and content types, for messages. */
    static String known() {
        StringBuilder text = new StringBuilder();
        for (ImportFormat format : values()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append('.')
                    .append(
                            format.isRdf()
                                    ? String.join("/.", format.syntax.lang().getFileExtensions())
                                    : format.extension)
                    .append(" (")
                    .append(format.mediaType())
                    .append(')');
        }
        return text.toString();
    }
}
