package jp.kakaritsuke.kb.web.rdf;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Server-driven content negotiation over a fixed list of offered types: the offer with the highest quality in the
 * Accept header wins, where each offer takes the quality of the most specific range that matches it; ties go to the
 * earlier offer. A missing or empty Accept header accepts anything. The one place that reads the Accept header:
 * pages, the linked-data documents, exports, the SPARQL service description, the API and the error responses all
 * choose through it.
 */
public final class Negotiation {

    private Negotiation() {}

    /** The offer to answer this request with, or empty when the client accepts none of them (406). */
    public static Optional<MediaType> choose(HttpServletRequest request, List<MediaType> offers) {
        return choose(acceptHeader(request), offers);
    }

    /** The Accept header as sent (null when absent), for a proxy that passes it on unread. */
    public static String acceptHeader(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT);
    }

    /** The offer to answer with, or empty when the client accepts none of them (406). */
    public static Optional<MediaType> choose(String acceptHeader, List<MediaType> offers) {
        List<MediaType> ranges = parse(acceptHeader);
        MediaType best = null;
        double bestQuality = 0;
        for (MediaType offer : offers) {
            double quality = quality(offer, ranges);
            if (quality > bestQuality) {
                best = offer;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<MediaType> parse(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return List.of(MediaType.ALL);
        }
        try {
            return MediaType.parseMediaTypes(acceptHeader);
        } catch (InvalidMediaTypeException e) {
            // An unparsable header is treated as absent rather than failing the request, as most servers do.
            return List.of(MediaType.ALL);
        }
    }

    private static double quality(MediaType offer, List<MediaType> ranges) {
        MediaType match = null;
        for (MediaType range : ranges) {
            if (range.includes(offer) && (match == null || specificity(range) > specificity(match))) {
                match = range;
            }
        }
        return match == null ? 0 : match.getQualityValue();
    }

    private static int specificity(MediaType range) {
        if (range.isWildcardType()) {
            return 0;
        }
        return range.isWildcardSubtype() ? 1 : 2;
    }
}
