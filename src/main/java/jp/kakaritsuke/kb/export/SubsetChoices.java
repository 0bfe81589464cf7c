package jp.kakaritsuke.kb.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Literal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jp.kakaritsuke.kb.linkeddata.QueryFiles;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;

/** The functions, prefectures and worksheets the catalogue's export forms offer (named query
 * {@code export/subset-choices.rq}), each with its export id and its label in the reader's language. */
@Component
class SubsetChoices {

    /** One option of a form: the id to send and the label to show. */
    record Choice(String id, String label) {
    }

    /** The options per form. */
    record Choices(List<Choice> functions, List<Choice> prefectures, List<Choice> worksheets) {
    }

    private static final Query CHOICES = QueryFiles.load("export/subset-choices.rq");

    private final KnowledgeStore store;
    private final String baseIri;
    private final Duration timeout;

    SubsetChoices(KnowledgeStore store, @Value("${kb.base-iri}") String baseIri,
            @Value("${kb.query.timeout:PT10S}") Duration timeout) {
        this.store = store;
        this.baseIri = baseIri;
        this.timeout = timeout;
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
                list(labels.get("prefecture"), baseIri + "id/area/pref/", lang),
                list(labels.get("worksheet"), WorksheetNames.worksheetPrefix(baseIri), lang));
    }

    /** The label in {@code lang}, else in Japanese, else the first one found. */
    private static List<Choice> list(Map<String, Map<String, String>> labels, String namespace, String lang) {
        List<Choice> choices = new ArrayList<>();
        if (labels != null) {
            labels.forEach((iri, byLang) -> {
                if (iri.startsWith(namespace)) {
                    String label = byLang.getOrDefault(lang, byLang.getOrDefault("ja",
                            byLang.values().iterator().next()));
                    choices.add(new Choice(iri.substring(namespace.length()), label));
                }
            });
        }
        return choices;
    }
}
