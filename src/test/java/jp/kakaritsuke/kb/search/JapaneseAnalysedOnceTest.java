package jp.kakaritsuke.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The index that analyses a Japanese literal once for both of its fields, and replays the analysis of a text it has
 * met before, holds what jena-text's own index holds for the same literals: the same terms at the same positions in
 * every field, and the same stored values.
 */
class JapaneseAnalysedOnceTest {

    @Test
    void indexesTheSeedWorksheetsAsJenaTextDoes() throws IOException {
        List<Quad> texts = new ArrayList<>();
        for (String seed : List.of("mhlw-2025-f1.trig", "mhlw-2025-f2-i.trig")) {
            DatasetGraph dsg =
                    RDFDataMgr.loadDatasetGraph(Path.of("data", "seed", seed).toString());
            dsg.find().forEachRemaining(q -> {
                if (FullTextIndex.PREDICATES.contains(q.getPredicate())
                        && q.getObject().isLiteral()) {
                    texts.add(q);
                }
            });
        }
        assertTrue(texts.stream().anyMatch(q -> "ja".equals(q.getObject().getLiteralLanguage())));
        assertTrue(texts.stream().anyMatch(q -> "en".equals(q.getObject().getLiteralLanguage())));
        // The same texts again, as a second fiscal year's worksheets would hold them.
        texts.addAll(List.copyOf(texts));

        ByteBuffersDirectory jenas = new ByteBuffersDirectory();
        ByteBuffersDirectory ours = new ByteBuffersDirectory();
        fill(new TextIndexLucene(jenas, FullTextIndex.config()), texts);
        FullTextIndex.JapaneseAnalysedOnce analysedOnce =
                new FullTextIndex.JapaneseAnalysedOnce(ours, FullTextIndex.config());
        // As in a bulk load: the analyses of the texts met again are replayed.
        analysedOnce.keepAnalyses();
        fill(analysedOnce, texts);

        for (String field : List.of(FullTextIndex.FIELD, FullTextIndex.FIELD_JA, FullTextIndex.FIELD_EN)) {
            Map<String, List<String>> expected = postings(jenas, field);
            assertTrue(expected.size() > 50, field + " holds terms");
            assertEquals(expected, postings(ours, field), "terms and positions of " + field);
        }
        assertEquals(stored(jenas), stored(ours));
    }

    private static void fill(TextIndexLucene index, List<Quad> texts) {
        for (Quad q : texts) {
            index.addEntity(TextQueryFuncs.entityFromQuad(index.getDocDef(), q));
        }
        index.commit();
        index.close();
    }

    /** Each term of the field with the documents and positions it occurs at. */
    private static Map<String, List<String>> postings(ByteBuffersDirectory dir, String field) throws IOException {
        Map<String, List<String>> postings = new TreeMap<>();
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            assertEquals(1, reader.leaves().size());
            LeafReader leaf = reader.leaves().get(0).reader();
            Terms terms = leaf.terms(field);
            if (terms == null) {
                return postings;
            }
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                List<String> at = new ArrayList<>();
                PostingsEnum docs = each.postings(null, PostingsEnum.POSITIONS);
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    StringBuilder positions = new StringBuilder(doc + ":");
                    for (int i = 0; i < docs.freq(); i++) {
                        positions.append(' ').append(docs.nextPosition());
                    }
                    at.add(positions.toString());
                }
                postings.put(term.utf8ToString(), at);
            }
        }
        return postings;
    }

    /** The stored fields of every document, in order: name and value. */
    private static List<Set<String>> stored(ByteBuffersDirectory dir) throws IOException {
        List<Set<String>> docs = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            LeafReader leaf = reader.leaves().get(0).reader();
            StoredFields fields = leaf.storedFields();
            for (int i = 0; i < leaf.maxDoc(); i++) {
                Document doc = fields.document(i);
                Set<String> values = new java.util.TreeSet<>();
                for (IndexableField f : doc.getFields()) {
                    values.add(f.name() + "=" + f.stringValue());
                }
                docs.add(values);
            }
        }
        return docs;
    }
}
