package jp.kakaritsuke.kb.sparql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the public SPARQL service ({@code kb.sparql.*}).
 *
 * @param maxRows the most rows (or, for CONSTRUCT and DESCRIBE, solutions) a query of the public endpoint or of the
 *     query page returns; a query with no LIMIT or a larger one is answered as if it had {@code LIMIT maxRows}
 * @param maxResultSize the largest answer of {@code /sparql} (the serialized result) and of the query page (the text
 *     of the result table): an answer is held back until it is complete, and one that grows past this size is
 *     refused with 413 before its first byte is sent
 */
@ConfigurationProperties("kb.sparql")
record SparqlProperties(
        @DefaultValue("10000") long maxRows,
        @DefaultValue("16MB") DataSize maxResultSize) {

    SparqlProperties {
        if (maxRows < 1) {
            throw new IllegalArgumentException("kb.sparql.max-rows must be at least 1: " + maxRows);
        }
        if (maxResultSize.toBytes() < 1024 || maxResultSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "kb.sparql.max-result-size must be between 1KB and 2GB: " + maxResultSize);
        }
    }
}
