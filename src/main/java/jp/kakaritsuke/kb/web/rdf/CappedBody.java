package jp.kakaritsuke.kb.web.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a request body (an RDF upload, an import file) up to a limit, refusing before reading when the declared
 * length is already larger and stopping as soon as the bytes read pass the limit, so that an oversized body is never
 * held in memory whole.
 */
public final class CappedBody {

    private CappedBody() {}

    /**
     * The body's bytes, or empty when it holds more than {@code limit} bytes (the caller answers 413).
     *
     * @param declaredLength the length the client announced, or -1
     */
    public static Optional<byte[]> read(InputStream in, long declaredLength, long limit) throws IOException {
        if (declaredLength > limit) {
            return Optional.empty();
        }
        byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        return body.length > limit ? Optional.empty() : Optional.of(body);
    }
}
