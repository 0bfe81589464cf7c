package jp.kakaritsuke.kb.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code kb.search.*} settings.
 *
 * @param indexLocation directory of the Lucene index of the embedded store; by default {@code {tdb2 location}-text},
 *     beside the TDB2 directory
 * @param remoteTextQuery whether a remote store answers jena-text's {@code text:query} with the index layout of
 *     this application (see README); if not, search over a remote store falls back to substring matching
 * @param maxHits most matching texts a search shows
 */
@ConfigurationProperties("kb.search")
public record SearchProperties(
        Path indexLocation,
        @DefaultValue("false") boolean remoteTextQuery,
        @DefaultValue("200") int maxHits) {

    public SearchProperties {
        if (maxHits < 1) {
            throw new IllegalArgumentException("kb.search.max-hits must be at least 1: " + maxHits);
        }
    }
}
