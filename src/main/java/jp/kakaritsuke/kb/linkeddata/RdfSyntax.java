package jp.kakaritsuke.kb.linkeddata;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.springframework.http.MediaType;

/**
 * The RDF syntaxes the application serves, each with its media type, file extension and Jena writer format. The
 * first four carry triples (resource descriptions, the ontology); TriG and N-Quads also carry graph names (exports).
 */
public enum RdfSyntax {
    TURTLE("ttl", "text/turtle", Lang.TURTLE, RDFFormat.TURTLE_PRETTY, false),
    JSON_LD("jsonld", "application/ld+json", Lang.JSONLD, RDFFormat.JSONLD11, false),
    RDF_XML("rdf", "application/rdf+xml", Lang.RDFXML, RDFFormat.RDFXML_PRETTY, false),
    N_TRIPLES("nt", "application/n-triples", Lang.NTRIPLES, RDFFormat.NTRIPLES, false),
    TRIG("trig", "application/trig", Lang.TRIG, RDFFormat.TRIG_PRETTY, true),
    N_QUADS("nq", "application/n-quads", Lang.NQUADS, RDFFormat.NQUADS, true);

    /** The syntaxes a resource description or the ontology is offered in, in the server's order of preference. */
    public static final List<RdfSyntax> TRIPLE_SYNTAXES = List.of(TURTLE, JSON_LD, RDF_XML, N_TRIPLES);

    private final String extension;
    private final MediaType mediaType;
    private final Lang lang;
    private final RDFFormat format;
    private final boolean quads;

    RdfSyntax(String extension, String mediaType, Lang lang, RDFFormat format, boolean quads) {
        this.extension = extension;
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.lang = lang;
        this.format = format;
        this.quads = quads;
    }

    /** The file extension without the dot, e.g. {@code ttl}. */
    public String extension() {
        return extension;
    }

    /** The media type without parameters, e.g. {@code text/turtle}. */
    public MediaType mediaType() {
        return mediaType;
    }

    /** The media type as sent in Content-Type: with {@code charset=UTF-8} for the text types. */
    public MediaType contentType() {
        return this == TURTLE || this == N_TRIPLES || this == TRIG || this == N_QUADS
                ? new MediaType(mediaType, java.nio.charset.StandardCharsets.UTF_8)
                : mediaType;
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
        return quads;
    }

    /** The syntax with the given file extension. */
    public static Optional<RdfSyntax> byExtension(String extension) {
        return Arrays.stream(values())
                .filter(s -> s.extension.equals(extension))
                .findFirst();
    }

    /** The syntax with the given media type (parameters ignored). */
    public static Optional<RdfSyntax> byMediaType(MediaType type) {
        return Arrays.stream(values())
                .filter(s -> s.mediaType.equalsTypeAndSubtype(type))
                .findFirst();
    }
}
