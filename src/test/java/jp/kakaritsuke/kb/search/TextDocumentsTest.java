package jp.kakaritsuke.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * The index with one document per distinct text holds, for each text, what jena-text's own index holds for it: the
 * same terms at the same positions in every field, and the same stored words and language; a text that several
 * statements hold, or that is added again, is one document, under its key.
 */
class TextDocumentsTest {

    @Test
    void indexesEachDistinctTextOfTheSeedWorksheetsAsJenaTextDoes() throws IOException {
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
        // One statement per distinct text, for jena-text's index: its documents are then one per text too.
        Map<Node, Quad> distinct = new LinkedHashMap<>();
        texts.forEach(q -> distinct.putIfAbsent(q.getObject(), q));
        assertTrue(distinct.size() < texts.size(), "the seed repeats some texts");
        // The same texts again, as a second fiscal year's worksheets would hold them.
        texts.addAll(List.copyOf(texts));

        ByteBuffersDirectory jenas = new ByteBuffersDirectory();
        ByteBuffersDirectory ours = new ByteBuffersDirectory();
        fill(new TextIndexLucene(jenas, FullTextIndex.config()), List.copyOf(distinct.values()));
        fill(new FullTextIndex.TextDocuments(ours, FullTextIndex.config()), texts);

        for (String field : List.of(FullTextIndex.FIELD, FullTextIndex.FIELD_JA, FullTextIndex.FIELD_EN)) {
            Map<String, Set<String>> expected = postings(jenas, field);
            assertTrue(expected.size() > 50, field + " holds terms");
            assertEquals(expected, postings(ours, field), "terms and positions of " + field);
        }
        Map<String, String> keys = new TreeMap<>();
        distinct.keySet().forEach(text -> keys.put(identity(text), FullTextIndex.key(text)));
        assertEquals(keys, keysInIndex(ours), "one document per distinct text, under its key");
    }

    private static void fill(TextIndexLucene index, List<Quad> texts) {
        for (Quad q : texts) {
            index.addEntity(TextQueryFuncs.entityFromQuad(index.getDocDef(), q));
        }
        index.commit();
        index.close();
    }

    private static String identity(Node text) {
        return text.getLiteralLexicalForm() + "@" + text.getLiteralLanguage();
    }

    private static String identity(Document doc) {
        return identity(FullTextIndex.literalOf(doc));
    }

    /** Each term of the field with the texts (words and language) and positions it occurs at, live documents only. */
    private static Map<String, Set<String>> postings(ByteBuffersDirectory dir, String field) throws IOException {
        Map<String, Set<String>> postings = new TreeMap<>();
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext context : reader.leaves()) {
                LeafReader leaf = context.reader();
                Bits live = leaf.getLiveDocs();
                StoredFields stored = leaf.storedFields();
                Terms terms = leaf.terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum each = terms.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    Set<String> at = postings.computeIfAbsent(term.utf8ToString(), t -> new TreeSet<>());
                    PostingsEnum docs = each.postings(null, PostingsEnum.POSITIONS);
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        StringBuilder positions = new StringBuilder(identity(stored.document(doc)) + ":");
                        for (int i = 0; i < docs.freq(); i++) {
                            positions.append(' ').append(docs.nextPosition());
                        }
                        assertTrue(at.add(positions.toString()), "one document per text: " + positions);
                    }
                }
            }
        }
        return postings;
    }

    /** The key of every live document, by its text. */
    private static Map<String, String> keysInIndex(ByteBuffersDirectory dir) throws IOException {
        Map<String, String> keys = new TreeMap<>();
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext context : reader.leaves()) {
                Bits live = context.reader().getLiveDocs();
                StoredFields stored = context.reader().storedFields();
                for (int i = 0; i < context.reader().maxDoc(); i++) {
                    if (live == null || live.get(i)) {
                        Document doc = stored.document(i);
                        assertEquals(null, keys.put(identity(doc), doc.get("uid")), "one document per text");
                    }
                }
            }
        }
        return keys;
    }
}
