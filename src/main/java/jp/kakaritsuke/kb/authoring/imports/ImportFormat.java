package jp.kakaritsuke.kb.authoring.imports;

import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.Lang;

/**
 * The file formats worksheets can be imported from: RDF syntaxes (parsed by Jena, relative IRIs resolved against the
 * base IRI) and the tabular layout as CSV or Excel workbook. Chosen by the file's extension, else by its content type.
 */
enum ImportFormat {
    TURTLE(Lang.TURTLE, List.of("ttl"), List.of("text/turtle", "application/x-turtle")),
    TRIG(Lang.TRIG, List.of("trig"), List.of("application/trig")),
    JSONLD(Lang.JSONLD, List.of("jsonld"), List.of("application/ld+json")),
    NTRIPLES(Lang.NTRIPLES, List.of("nt"), List.of("application/n-triples")),
    NQUADS(Lang.NQUADS, List.of("nq"), List.of("application/n-quads")),
    RDFXML(Lang.RDFXML, List.of("rdf", "owl"), List.of("application/rdf+xml")),
    CSV(null, List.of("csv"), List.of("text/csv")),
    XLSX(null, List.of("xlsx"), List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    /** Content types that say nothing about the format; the file name decides. */
    private static final List<String> GENERIC = List.of("application/octet-stream", "multipart/form-data");

    private final Lang lang;
    private final List<String> extensions;
    private final List<String> mediaTypes;

    ImportFormat(Lang lang, List<String> extensions, List<String> mediaTypes) {
        this.lang = lang;
        this.extensions = extensions;
        this.mediaTypes = mediaTypes;
    }

    /** The RDF syntax, or null for the tabular formats. */
    Lang lang() {
        return lang;
    }

    boolean isRdf() {
        return lang != null;
    }

    /** The usual file extension, without the dot (public for the pages' expressions). */
    public String extension() {
        return extensions.get(0);
    }

    /** The content type a file of this format is sent with. */
    String mediaType() {
        return mediaTypes.get(0);
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
            for (ImportFormat format : values()) {
                if (format.extensions.contains(extension)) {
                    return format;
                }
            }
            throw ImportRejectedException.unsupported(ImportProblem.of(
                    Where.file(),
                    "import.problem.extension",
                    extension.isEmpty() ? filename : "." + extension,
                    known()));
        }
        String type =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (ImportFormat format : values()) {
            if (format.mediaTypes.contains(type)) {
                return format;
            }
        }
        throw ImportRejectedException.unsupported(ImportProblem.of(
                Where.file(),
                "import.problem.contentType",
                type.isEmpty() || GENERIC.contains(type) ? "(" + type + ")" : type,
                known()));
    }

    /** The accepted extensions and content types, for messages. */
    static String known() {
        StringBuilder text = new StringBuilder();
        for (ImportFormat format : values()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append('.')
                    .append(String.join("/.", format.extensions))
                    .append(" (")
                    .append(format.mediaType())
                    .append(')');
        }
        return text.toString();
    }
}
