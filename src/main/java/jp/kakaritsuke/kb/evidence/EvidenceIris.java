package jp.kakaritsuke.kb.evidence;

import java.util.Locale;

/**
 * Relative IRIs of the regional evidence (resolve them against the knowledge base's base IRI, like every data IRI):
 * <ul>
 * <li>graphs: {@code graph/areas/membership}, {@code graph/evidence/{name}}</li>
 * <li>data sets (RDF Data Cube and DCAT): {@code id/dataset/{name}}</li>
 * <li>observations: {@code id/observation/{data set}/{area code}/{dimension values}}</li>
 * <li>medical institutions: {@code id/facility/{source record, lower case}}, e.g. {@code id/facility/r7-0101-14}
 * (the source row, which is not a permanent institution id)</li>
 * <li>original documents: {@code id/source/{name}}</li>
 * </ul>
 */
public final class EvidenceIris {

    public static final String MEMBERSHIP_GRAPH = "graph/areas/membership";

    private EvidenceIris() {}

    public static String graph(String name) {
        return "graph/evidence/" + name;
    }

    public static String dataset(String name) {
        return "id/dataset/" + name;
    }

    /** The graph that holds the data set {@code id/dataset/{name}}: the membership graph, else {@code graph/evidence/{name}}. */
    public static String graphOfDataset(String name) {
        return "membership".equals(name) ? MEMBERSHIP_GRAPH : graph(name);
    }

    public static String observation(String dataset, String areaCode, String... dimensions) {
        StringBuilder sb =
                new StringBuilder("id/observation/").append(dataset).append('/').append(areaCode);
        for (String d : dimensions) {
            sb.append('/').append(d);
        }
        return sb.toString();
    }

    public static String facility(String sourceRecord) {
        return "id/facility/" + sourceRecord.toLowerCase(Locale.ROOT);
    }

    public static String source(String name) {
        return "id/source/" + name;
    }
}
