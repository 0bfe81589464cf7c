package jp.kakaritsuke.kb.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Literal;
import org.springframework.stereotype.Component;

/** The functions and prefectures the catalogue's export forms offer (named query
 * {@code export/subset-choices.rq}), each with its export id and its label in the reader's language. Worksheets are
 * asked for by id: a list of every worksheet would grow the page with the data. */
@Component
class SubsetChoices {

    /** One option of a form: the id to send and the label to show. */
    record Choice(String id, String label) {}

    /** The options per form. */
    record Choices(List<Choice> functions, List<Choice> prefectures) {}

    private static final Query CHOICES = NamedQueryCatalog.query("export/subset-choices");

    private final KnowledgeStore store;
    private final String baseIri;
    private final Duration timeout;

    SubsetChoices(KnowledgeStore store, StoreProperties properties) {
        this.store = store;
        this.baseIri = properties.baseIri();
        this.timeout = properties.query().timeout();
    }

    Choices choices(String lang) {
        // kind → item → language → label
        Map<String, Map<String, Map<String, String>>> labels = new LinkedHashMap<>();
        store.select(CHOICES, null, timeout).forEachRemaining(row -> {
            Literal label = row.getLiteral("label");
            labels.computeIfAbsent(row.getLiteral("kind").getString(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.getResource("item").getURI(), i -> new LinkedHashMap<>())
                    .putIfAbsent(label.getLanguage(), label.getLexicalForm());
        });
        return new Choices(
                list(labels.get("function"), KK.VOCABULARY + "function/", lang),
                list(labels.get("prefecture"), baseIri + "id/area/pref/", lang));
    }

    /** The label in {@code lang}, else in Japanese, else the first one found. */
    private static List<Choice> list(Map<String, Map<String, String>> labels, String namespace, String lang) {
        List<Choice> choices = new ArrayList<>();
        if (labels != null) {
            labels.forEach((iri, byLang) -> {
                if (iri.startsWith(namespace)) {
                    String label = byLang.getOrDefault(
                            lang,
                            byLang.getOrDefault("ja", byLang.values().iterator().next()));
                    choices.add(new Choice(iri.substring(namespace.length()), label));
                }
            });
        }
        return choices;
    }
}
