package jp.kakaritsuke.kb.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code kb.cache.*} settings of the answer cache in front of the store ({@link CachingKnowledgeStore}).
 *
 * @param maxCells how many result cells and triples the cache holds at most; 0 turns the cache off
 * @param timeToLive how long an answer of a remote store is served at most: writes through the application empty
 *     the cache at once, so this only bounds how late writes by other clients of a shared remote store are seen
 *     ({@code PT0S}: until the next write through the application). The embedded store reports every write, so its
 *     answers never expire by time
 */
@ConfigurationProperties("kb.cache")
public record CacheProperties(
        @DefaultValue("1000000") long maxCells,
        @DefaultValue("PT5M") Duration timeToLive) {

    public CacheProperties {
        if (maxCells < 0) {
            throw new IllegalArgumentException("kb.cache.max-cells must not be negative: " + maxCells);
        }
    }
}
