package jp.kakaritsuke.kb.sparql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A download link of the query page: the query sent to the public endpoint with Fuseki's {@code format}
 * parameter, so the file is exactly what a SPARQL client would get.
 *
 * @param format Fuseki's short name of the syntax, also the id suffix of the link ({@code download-csv} …)
 * @param labelKey the message key of the link text
 * @param href the endpoint URL with the query and the format
 */
record Download(String format, String labelKey, String href) {

    /** Fuseki's short names for result sets ({@code format=}) and the message keys of their labels. */
    private static final Map<String, String> TABLE_FORMATS = ordered(
            "csv",
            "sparql.format.csv",
            "tsv",
            "sparql.format.tsv",
            "json",
            "sparql.format.json",
            "xml",
            "sparql.format.xml");

    private static final Map<String, String> BOOLEAN_FORMATS =
            ordered("json", "sparql.format.json", "xml", "sparql.format.xml");
    /** Fuseki's short names for graphs: note {@code xml} means RDF/XML here. */
    private static final Map<String, String> GRAPH_FORMATS = ordered(
            "ttl",
            "sparql.format.ttl",
            "json-ld",
            "sparql.format.jsonld",
            "xml",
            "sparql.format.rdfxml",
            "nt",
            "sparql.format.nt");

    static List<Download> forQuery(Query query) {
        Map<String, String> formats =
                query.isSelectType() ? TABLE_FORMATS : query.isAskType() ? BOOLEAN_FORMATS : GRAPH_FORMATS;
        String text = query.serialize();
        return formats.entrySet().stream()
                .map(e -> new Download(
                        e.getKey(),
                        e.getValue(),
                        UriComponentsBuilder.fromPath("/sparql")
                                .queryParam("query", "{q}")
                                .queryParam("format", "{f}")
                                .encode()
                                .buildAndExpand(text, e.getKey())
                                .toUriString()))
                .toList();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
