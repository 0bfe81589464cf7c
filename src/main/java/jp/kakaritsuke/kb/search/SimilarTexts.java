package jp.kakaritsuke.kb.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.store.TdbKnowledgeStore;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import jp.kakaritsuke.kb.worksheet.WorksheetItem;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.springframework.stereotype.Component;

/**
 * Worksheet items whose wording is most like a given text, by Lucene's {@link MoreLikeThis} over the full-text index
 * the store already keeps: the text is analysed with the same Japanese analyser (kuromoji), its most distinctive
 * terms (by tf-idf over the whole index) make a query on the Japanese field, and the items of the wanted kind
 * holding the best-scoring texts come back in order. No similarity of our own is computed. With a remote
 * store there is no local index and the answer is empty.
 */
@Component
public class SimilarTexts {

    /** One similar item: its IRI, its worksheet's IRI and the Lucene score of its wording. */
    public record Match(String item, String worksheet, float score) {}

    /** How many index hits are read to find {@code max} items of one kind. */
    private static final int HITS_PER_MATCH = 8;

    private final KnowledgeStore store;
    private final String base;

    public SimilarTexts(KnowledgeStore store, StoreProperties properties) {
        this.store = store;
        this.base = properties.baseIri();
    }

    /** True when a local index answers (the embedded store). */
    public boolean available() {
        return dataset() != null;
    }

    /**
     * Up to {@code max} items of {@code kind} (causes, measures) whose wording is most like {@code text}, best
     * first, one per item, leaving out the items of worksheet {@code excludeWorksheet} (may be null).
     */
    public List<Match> like(String text, ItemKind kind, int max, String excludeWorksheet) {
        DatasetGraph dataset = dataset();
        if (dataset == null || text == null || text.isBlank()) {
            return List.of();
        }
        TextIndexLucene index = (TextIndexLucene) ((DatasetGraphText) dataset).getTextIndex();
        try (DirectoryReader reader = DirectoryReader.open(index.getDirectory())) {
            IndexSearcher searcher = new IndexSearcher(reader);
            MoreLikeThis mlt = new MoreLikeThis(reader);
            mlt.setAnalyzer(FullTextIndex.japaneseAnalyzer());
            mlt.setFieldNames(new String[] {FullTextIndex.FIELD_JA});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(1);
            mlt.setMaxQueryTerms(25);
            Query query = mlt.like(FullTextIndex.FIELD_JA, new StringReader(text));
            TopDocs top = searcher.search(query, Math.max(max, 1) * HITS_PER_MATCH);
            Map<String, Match> matches = new LinkedHashMap<>();
            hits:
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                // A hit is a text; the items are the subjects of the statements holding it.
                for (Node holder : FullTextIndex.subjectsHolding(dataset, doc)) {
                    String subject = holder.isURI() ? holder.getURI() : null;
                    String worksheet = worksheetOf(subject, kind);
                    if (worksheet == null || worksheet.equals(excludeWorksheet) || matches.containsKey(subject)) {
                        continue;
                    }
                    matches.put(subject, new Match(subject, worksheet, hit.score));
                    if (matches.size() == max) {
                        break hits;
                    }
                }
            }
            return List.copyOf(new ArrayList<>(matches.values()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the text index", e);
        }
    }

    /** The worksheet IRI of {@code iri} when it names an item of {@code kind}, else null. */
    private String worksheetOf(String iri, ItemKind kind) {
        String prefix = WorksheetNames.worksheetPrefix(base);
        if (iri == null || !iri.startsWith(prefix)) {
            return null;
        }
        int slash = iri.indexOf('/', prefix.length());
        if (slash < 0) {
            return null;
        }
        WorksheetNames names = new WorksheetNames(base, iri.substring(prefix.length(), slash));
        WorksheetItem item = WorksheetItem.at(names, iri);
        return item != null && item.kind() == kind ? names.worksheet() : null;
    }

    /** The embedded store's dataset with its text index, or null for a store without one. */
    private DatasetGraph dataset() {
        if (CachingKnowledgeStore.unwrap(store) instanceof TdbKnowledgeStore tdb
                && tdb.datasetGraph() instanceof DatasetGraphText text
                && text.getTextIndex() instanceof TextIndexLucene) {
            return text;
        }
        return null;
    }
}
