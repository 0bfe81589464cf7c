package jp.kakaritsuke.kb.sparql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the public SPARQL service ({@code kb.sparql.*}).
 *
 * @param maxRows the most rows (or, for CONSTRUCT and DESCRIBE, solutions) a query of the public endpoint or of the
 *     query page returns; a query with no LIMIT or a larger one is answered as if it had {@code LIMIT maxRows}
 */
@ConfigurationProperties("kb.sparql")
record SparqlProperties(@DefaultValue("10000") long maxRows) {

    SparqlProperties {
        if (maxRows < 1) {
            throw new IllegalArgumentException("kb.sparql.max-rows must be at least 1: " + maxRows);
        }
    }
}
