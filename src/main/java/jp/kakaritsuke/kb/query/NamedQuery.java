package jp.kakaritsuke.kb.query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolutionMap;

/**
 * One query of the {@code queries/} folder: its header (titles, descriptions, parameters, result columns) and the
 * parsed query, ready to run with bindings.
 *
 * @param name the file name without {@code .rq}
 * @param titles title by language tag ({@code ja}, {@code en})
 * @param descriptions description by language tag; may be empty
 * @param params the declared parameters, in header order
 * @param resultColumns the declared result columns: the projected variables of a SELECT query, a description of
 *     the graph for a CONSTRUCT query
 * @param query the parsed query; never modify it (bind values through {@link #bindings})
 */
public record NamedQuery(
        String name,
        Map<String, String> titles,
        Map<String, String> descriptions,
        List<QueryParameter> params,
        List<String> resultColumns,
        Query query) {

    public NamedQuery {
        Objects.requireNonNull(name, "name");
        titles = Map.copyOf(titles);
        descriptions = Map.copyOf(descriptions);
        params = List.copyOf(params);
        resultColumns = List.copyOf(resultColumns);
        Objects.requireNonNull(query, "query");
    }

    /** The title in {@code lang}; the Japanese title for a language the header does not give. */
    public String title(String lang) {
        return titles.getOrDefault(lang, titles.get("ja"));
    }

    /** The description in {@code lang}, falling back to Japanese, then to the empty string. */
    public String description(String lang) {
        return descriptions.getOrDefault(lang, descriptions.getOrDefault("ja", ""));
    }

    /** True for a CONSTRUCT query (run with {@link NamedQueryRunner#construct}), false for SELECT. */
    public boolean isConstruct() {
        return query.isConstructType();
    }

    /** True for an ASK query (run with {@link NamedQueryRunner#ask}). */
    public boolean isAsk() {
        return query.isAskType();
    }

    /**
     * Turns string values into bindings for this query, by the kinds the header declares. IRIs may be relative to
     * {@code baseIri}. Blank values count as absent.
     *
     * @throws BadParameterException for an unknown parameter, a missing required one, an invalid IRI or a literal
     *     that is not valid for its datatype
     */
    public QuerySolutionMap bindings(Map<String, String> values, String baseIri) {
        return ParameterBinder.bind(this, values, baseIri);
    }
}
