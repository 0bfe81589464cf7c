package jp.kakaritsuke.kb.web.rdf;

import java.util.Optional;
import jp.kakaritsuke.kb.vocab.KK;

/**
 * Maps the IRIs the application serves to the local paths that answer for them, so that pages link within the app
 * even when it runs at another address than its base IRI (a test, a preview) or before the w3id rule is in place.
 * Every page that links an IRI goes through here.
 */
public final class IriLinks {

    private final String base;

    public IriLinks(String base) {
        this.base = base;
    }

    /**
     * Where a page links an IRI to: the document that describes it ({@code {base}id/x} → {@code /doc/x},
     * {@code https://w3id.org/kakaritsuke/x} → {@code /def/x}), else the IRI itself; null for null.
     */
    public String href(String iri) {
        return iri == null ? null : document(iri).orElse(iri);
    }

    /** {@link #href(String)} for a one-off use with the base IRI at hand. */
    public static String href(String iri, String base) {
        return new IriLinks(base).href(iri);
    }

    /** The local document path of an instance or vocabulary IRI, if it is one. */
    public Optional<String> document(String iri) {
        if (iri.startsWith(base + "id/")) {
            return Optional.of("/doc/" + iri.substring(base.length() + 3));
        }
        if (iri.startsWith(KK.VOCABULARY) && iri.length() > KK.VOCABULARY.length()) {
            return Optional.of("/def/" + iri.substring(KK.VOCABULARY.length()));
        }
        return Optional.empty();
    }

    /**
     * The path on this site at which an IRI below the base dereferences itself ({@code {base}id/x} →
     * {@code /id/x}, which answers 303 to its document), if it is below the base.
     */
    public Optional<String> sitePath(String iri) {
        return iri.startsWith(base) ? Optional.of("/" + iri.substring(base.length())) : Optional.empty();
    }

    /** The instance IRI that {@code /doc{path}} describes. */
    public String instanceIri(String path) {
        return base + "id" + path;
    }

    /** The vocabulary IRI that {@code /def{path}} describes. */
    public static String vocabularyIri(String path) {
        return KK.VOCABULARY + path.substring(1);
    }
}
