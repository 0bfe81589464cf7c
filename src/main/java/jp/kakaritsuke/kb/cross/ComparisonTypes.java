package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;

/**
 * The cause types (kk:causeTypes) and measure types (kk:measureTypes) as rows of {@code comparison-types.rq}, each
 * scheme arranged as a tree: a broader type, then its narrower ones (indented by {@code depth}), siblings by IRI.
 */
public record ComparisonTypes(List<Type> causeTypes, List<Type> measureTypes) {

    /** One type: its IRI, local id, label and definition in the reader's language, and its depth in the tree. */
    public record Type(String iri, String id, String label, String definition, String broader, int depth) {}

    /** The types in {@code results} (rows of {@code comparison-types.rq}), labelled in {@code lang}. */
    public static ComparisonTypes from(ResultSet results, String lang) {
        Map<String, List<Type>> byKind = new LinkedHashMap<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            String iri = Rows.text(row, "type");
            byKind.computeIfAbsent(Rows.text(row, "kind"), k -> new ArrayList<>())
                    .add(new Type(
                            iri,
                            Links.localName(iri),
                            Rows.label(lang, Rows.text(row, "typeLabel"), Rows.text(row, "typeLabelEn"), iri),
                            Rows.pick(lang, Rows.text(row, "definition"), Rows.text(row, "definitionEn"), null),
                            Rows.text(row, "broader"),
                            0));
        }
        return new ComparisonTypes(
                tree(byKind.getOrDefault("cause", List.of())), tree(byKind.getOrDefault("measure", List.of())));
    }

    /** The type with IRI {@code iri} of either scheme, or null. */
    Type find(String iri) {
        for (List<Type> types : List.of(causeTypes, measureTypes)) {
            for (Type t : types) {
                if (t.iri().equals(iri)) {
                    return t;
                }
            }
        }
        return null;
    }

    /** The cause type whose local id is {@code id}, or null. */
    Type causeType(String id) {
        return causeTypes.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    /** The measure type whose local id is {@code id}, or null. */
    Type measureType(String id) {
        return measureTypes.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
    }

    private static List<Type> tree(List<Type> types) {
        Map<String, Type> byIri = new LinkedHashMap<>();
        types.forEach(t -> byIri.putIfAbsent(t.iri(), t));
        List<Type> ordered = new ArrayList<>();
        List<Type> roots = byIri.values().stream()
                .filter(t -> t.broader() == null || !byIri.containsKey(t.broader()))
                .sorted(Comparator.comparing(Type::iri))
                .toList();
        for (Type root : roots) {
            add(root, 0, byIri, ordered);
        }
        return List.copyOf(ordered);
    }

    private static void add(Type type, int depth, Map<String, Type> byIri, List<Type> ordered) {
        if (ordered.stream().anyMatch(t -> t.iri().equals(type.iri()))) {
            return;
        }
        ordered.add(new Type(type.iri(), type.id(), type.label(), type.definition(), type.broader(), depth));
        byIri.values().stream()
                .filter(t -> type.iri().equals(t.broader()))
                .sorted(Comparator.comparing(Type::iri))
                .forEach(t -> add(t, depth + 1, byIri, ordered));
    }
}
