package jp.kakaritsuke.kb.sparql;

import java.util.List;

import org.apache.jena.query.Query;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A download link of the query page: the query sent to the public endpoint with Fuseki's {@code format}
 * parameter, so the file is exactly what a SPARQL client would get.
 *
 * @param format the {@code format} value, also the id suffix of the link ({@code download-csv} …)
 * @param href the endpoint URL with the query and the format
 */
record Download(String format, String href) {

    private static final List<String> TABLE_FORMATS = List.of("csv", "tsv", "json", "xml");
    private static final List<String> BOOLEAN_FORMATS = List.of("json", "xml");
    private static final List<String> GRAPH_FORMATS = List.of("ttl", "jsonld", "rdf", "nt");

    static List<Download> forQuery(Query query) {
        List<String> formats = query.isSelectType() ? TABLE_FORMATS
                : query.isAskType() ? BOOLEAN_FORMATS : GRAPH_FORMATS;
        String text = query.serialize();
        return formats.stream().map(format -> new Download(format, UriComponentsBuilder.fromPath("/sparql")
                .queryParam("query", "{q}").queryParam("format", "{f}").encode()
                .buildAndExpand(text, format).toUriString())).toList();
    }
}
