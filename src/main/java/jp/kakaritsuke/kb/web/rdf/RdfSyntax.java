package jp.kakaritsuke.kb.web.rdf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.springframework.http.MediaType;

/**
 * The RDF syntaxes the application reads and writes. Media types and file extensions are Jena's own ({@link Lang}
 * and {@link RDFLanguages}); this table only chooses which syntaxes are offered and the writer format of each. The
 * first four carry triples (resource descriptions, the ontology); TriG and N-Quads also carry graph names (exports,
 * uploads).
 */
public enum RdfSyntax {
    TURTLE(Lang.TURTLE, RDFFormat.TURTLE_PRETTY),
    JSON_LD(Lang.JSONLD, RDFFormat.JSONLD11),
    RDF_XML(Lang.RDFXML, RDFFormat.RDFXML_PRETTY),
    N_TRIPLES(Lang.NTRIPLES, RDFFormat.NTRIPLES),
    TRIG(Lang.TRIG, RDFFormat.TRIG_PRETTY),
    N_QUADS(Lang.NQUADS, RDFFormat.NQUADS);

    /** The syntaxes a resource description or the ontology is offered in, in the server's order of preference. */
    public static final List<RdfSyntax> TRIPLE_SYNTAXES = List.of(TURTLE, JSON_LD, RDF_XML, N_TRIPLES);

    /**
     * Content types a body may not be read by: Jena registers {@code text/plain} for N-Triples, but a client sending
     * it rarely means that. {@code application/x-turtle}, which Jena does not register, is an older name of Turtle.
     */
    private static final String TOO_GENERIC = "text/plain";

    private static final String OLD_TURTLE = "application/x-turtle";

    private final Lang lang;
    private final RDFFormat format;
    private final MediaType mediaType;

    RdfSyntax(Lang lang, RDFFormat format) {
        this.lang = lang;
        this.format = format;
        this.mediaType = MediaType.parseMediaType(lang.getContentType().getContentTypeStr());
    }

    /** The usual file extension without the dot, e.g. {@code ttl}. */
    public String extension() {
        return lang.getFileExtensions().get(0);
    }

    /** The media type without parameters, e.g. {@code text/turtle}. */
    public MediaType mediaType() {
        return mediaType;
    }

    /** The media type as sent in Content-Type: with {@code charset=UTF-8} for the text types. */
    public MediaType contentType() {
        return this == JSON_LD || this == RDF_XML ? mediaType : new MediaType(mediaType, StandardCharsets.UTF_8);
    }

    /** The IANA media-type registry IRI, as DCAT wants it for dcat:mediaType. */
    public String ianaIri() {
        return "https://www.iana.org/assignments/media-types/" + mediaType.getType() + "/" + mediaType.getSubtype();
    }

    /** Jena's name for the syntax, for parsers. */
    public Lang lang() {
        return lang;
    }

    /** Jena's writer format for whole graphs. */
    public RDFFormat format() {
        return format;
    }

    /** True when the syntax carries named graphs. */
    public boolean carriesGraphNames() {
        return RDFLanguages.isQuads(lang);
    }

    /** The syntax whose usual file extension this is (as served: {@code ttl}, {@code rdf}, …). */
    public static Optional<RdfSyntax> byExtension(String extension) {
        return Arrays.stream(values())
                .filter(s -> s.extension().equals(extension))
                .findFirst();
    }

    /** The syntax of a file name by any extension Jena knows for it ({@code .owl} is RDF/XML too). */
    public static Optional<RdfSyntax> byFileName(String filename) {
        return of(RDFLanguages.filenameToLang(filename.toLowerCase(Locale.ROOT)));
    }

    /** The syntax with the given media type (parameters ignored), by Jena's registry of content types. */
    public static Optional<RdfSyntax> byMediaType(MediaType type) {
        return byContentType(type.getType() + "/" + type.getSubtype());
    }

    /**
     * The syntax of a request body's Content-Type header (parameters ignored, case-insensitive), by Jena's registry
     * of content types; empty for a type that names no syntax offered here, or only {@code text/plain}.
     */
    public static Optional<RdfSyntax> byContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals(TOO_GENERIC)) {
            return Optional.empty();
        }
        return type.equals(OLD_TURTLE) ? Optional.of(TURTLE) : of(RDFLanguages.contentTypeToLang(type));
    }

    private static Optional<RdfSyntax> of(Lang lang) {
        return Arrays.stream(values()).filter(s -> s.lang.equals(lang)).findFirst();
    }
}
