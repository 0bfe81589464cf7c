package jp.kakaritsuke.kb.linkeddata;

import java.util.Optional;
import jp.kakaritsuke.kb.vocab.KK;

/**
 * Maps the IRIs the application serves to the local paths that answer for them, so that pages link within the app
 * even when it runs at another address than its base IRI (a test, a preview) or before the w3id rule is in place.
 */
final class Hrefs {

    private final String base;

    Hrefs(String base) {
        this.base = base;
    }

    /** {@code {base}id/x} → {@code /doc/x}; {@code https://w3id.org/kakaritsuke/x} → {@code /def/x}; else the IRI. */
    String of(String iri) {
        return local(iri).orElse(iri);
    }

    /** The local document path of an IRI the application serves, if it is one. */
    Optional<String> local(String iri) {
        if (iri.startsWith(base + "id/")) {
            return Optional.of("/doc/" + iri.substring(base.length() + 3));
        }
        if (iri.startsWith(KK.VOCABULARY) && iri.length() > KK.VOCABULARY.length()) {
            return Optional.of("/def/" + iri.substring(KK.VOCABULARY.length()));
        }
        return Optional.empty();
    }

    /** The instance IRI that {@code /doc{path}} describes. */
    String instanceIri(String path) {
        return base + "id" + path;
    }

    /** The vocabulary IRI that {@code /def{path}} describes. */
    static String vocabularyIri(String path) {
        return KK.VOCABULARY + path.substring(1);
    }
}
