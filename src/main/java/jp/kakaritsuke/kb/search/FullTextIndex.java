package jp.kakaritsuke.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import jp.kakaritsuke.kb.store.DatasetDecorator;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.worksheet.WorksheetItem;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.analyzer.Util;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jena-text Lucene index over the worksheet text of the embedded store: {@code kk:text}, {@code kk:translation},
 * {@code dct:title}, {@code rdfs:label} and the SKOS labels, one Lucene document per distinct text
 * ({@link TextDocuments}); {@code text:query} answers with the statements that hold the texts it finds.
 *
 * <p>Every literal goes into the field {@value #FIELD} (analysed by kuromoji, Lucene's Japanese morphological
 * analyser, whatever its language) and, by jena-text's multilingual support, into a field for its language:
 * {@code text_ja} (kuromoji) or {@code text_en} (Lucene's English analyser, with stemming). The store works through
 * the text dataset this class wraps around TDB2, so jena-text updates the index inside the store's own transactions.
 * When the store opens, the number of indexed texts is compared with the number of distinct texts the store holds,
 * and the index is rebuilt from the store, streaming, if they differ (an index deleted, or restored from another
 * time); the check keeps eight bytes per statement. A first load into the empty store fills the index in the same pass as TDB2's bulk loader
 * ({@link #bulkSink}), on threads of its own.
 */
public final class FullTextIndex implements DatasetDecorator {

    /** The Lucene field holding every indexed literal; {@code text:query} without a language searches it. */
    public static final String FIELD = "text";
    /** The field of the Japanese literals. */
    public static final String FIELD_JA = FIELD + "_ja";
    /** The field of the English literals. */
    public static final String FIELD_EN = FIELD + "_en";

    public static final String ENTITY_FIELD = "uri";
    static final String GRAPH_FIELD = "graph";
    static final String LANG_FIELD = "lang";
    static final String UID_FIELD = "uid";

    /** The predicates whose literals are indexed. */
    public static final List<Node> PREDICATES = List.of(
            KK.text.asNode(),
            KK.translation.asNode(),
            DCTerms.title.asNode(),
            RDFS.label.asNode(),
            SKOS.prefLabel.asNode(),
            SKOS.altLabel.asNode(),
            SKOS.hiddenLabel.asNode());

    /** A phrase and the tokens kuromoji gives for it, checked at start-up (a standard analyser splits it apart). */
    private static final String PROBE = "輪番体制";

    private static final List<String> PROBE_TOKENS = List.of("輪番", "体制");

    private static final Logger log = LoggerFactory.getLogger(FullTextIndex.class);

    private static final Analyzer JAPANESE = new JapaneseAnalyzer();
    private static final Analyzer ENGLISH = new EnglishAnalyzer();

    static {
        // jena-text's multilingual support looks analysers up by language tag in a process-wide table; its own
        // entry for "ja" is the CJK bigram analyser. Registering the instances here makes the table hold ours.
        Util.addAnalyzer("ja", JAPANESE);
        Util.addAnalyzer("en", ENGLISH);
    }

    private final Path indexLocation;
    private final IndexedLiterals literals;

    /**
     * @param indexLocation directory of the index; when null, {@code {tdb2 location}-text} for a store in a
     *     directory and an index in memory for a store in memory
     * @param baseIri the base of the store's instance IRIs ({@code kb.base-iri}), where its worksheets' items are
     */
    public FullTextIndex(Path indexLocation, String baseIri) {
        this.indexLocation = indexLocation;
        this.literals = new IndexedLiterals(baseIri);
    }

    /**
     * Which literals the index holds: those of the {@link #PREDICATES}, but the labels the form prints for a
     * worksheet's items ({@code 原因①}, {@code Measure 1, role 2}: made from the item's place, they are on every
     * worksheet and would answer a search for 原因 or 方策 with every cause or measure of every sheet). One rule for
     * every way into the index: a write, the bulk load, the count at open and a rebuild.
     */
    record IndexedLiterals(String baseIri) {

        private static final Set<Node> INDEXED = Set.copyOf(PREDICATES);

        boolean holds(Node subject, Node predicate, Node object) {
            return INDEXED.contains(predicate)
                    && object.isLiteral()
                    && !(predicate.equals(RDFS.label.asNode())
                            && subject.isURI()
                            && WorksheetItem.isPrintedLabel(
                                    baseIri,
                                    subject.getURI(),
                                    object.getLiteralLexicalForm(),
                                    object.getLiteralLanguage()));
        }

        boolean holds(Quad quad) {
            return holds(quad.getSubject(), quad.getPredicate(), quad.getObject());
        }
    }

    /**
     * What the index holds, named: a close record written under another definition (an index built by an earlier
     * version that held other literals) does not count as in step, so the next start checks the index and rebuilds it.
     */
    @Override
    public String definition() {
        return "text-index/3 (one document per distinct text, no printed item labels)";
    }

    /** The analyser of Japanese literals and of the field {@value #FIELD}. */
    public static Analyzer japaneseAnalyzer() {
        return JAPANESE;
    }

    /**
     * Analyses a probe text with both analysers, so that their dictionaries are loaded before the index is opened
     * ({@link jp.kakaritsuke.kb.StartUpPreparation} calls it while Spring starts).
     */
    public static void prepareAnalysers() {
        Tokens.of(JAPANESE, FIELD, PROBE);
        Tokens.of(ENGLISH, FIELD, PROBE);
    }

    /** The analyser of English literals. */
    public static Analyzer englishAnalyzer() {
        return ENGLISH;
    }

    /** The analyser for literals in {@code lang}: English for {@code en}, Japanese for anything else. */
    static Analyzer analyzerFor(String lang) {
        return lang != null && lang.toLowerCase().startsWith("en") ? ENGLISH : JAPANESE;
    }

    /** The directory the index of a store at {@code tdb2Location} lives in, unless configured otherwise. */
    public static Path defaultLocation(Path tdb2Location) {
        Path absolute = tdb2Location.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-text");
    }

    /**
     * Wraps the dataset in the index. Unless the store says the two are as the application left them in step when it
     * last closed them cleanly, the index is first checked against the store ({@link #reconcile}, a pass over the
     * indexed predicates) and rebuilt if they disagree.
     */
    @Override
    public DatasetGraph decorate(DatasetGraph tdb2, Path location, boolean inStep) {
        TextDocuments index = new TextDocuments(directory(location), config());
        try {
            checkAnalyzer(index);
            Holders holders = Holders.in(tdb2, literals);
            index.holders(holders);
            IndexedDataset text = new IndexedDataset(tdb2, index, literals, holders);
            text.getContext().set(TextQuery.textIndex, index);
            if (inStep) {
                log.info("Text index in step with the store since it was last closed: {} texts", indexedCount(index));
            } else {
                reconcile(tdb2, index, literals);
            }
            text.inStep = true;
            return text;
        } catch (RuntimeException e) {
            close(index);
            throw e;
        }
    }

    @Override
    public List<Path> directories(Path location) {
        Path dir = indexLocation != null ? indexLocation : location != null ? defaultLocation(location) : null;
        return dir == null ? List.of() : List.of(dir);
    }

    /** In step unless a commit or abort of a write failed since the check at open, or a bulk load was abandoned. */
    @Override
    public boolean inStep(DatasetGraph decorated) {
        return decorated instanceof IndexedDataset indexed && indexed.inStep;
    }

    @Override
    public void release(DatasetGraph decorated) {
        if (decorated instanceof DatasetGraphText text && text.getTextIndex() instanceof TextIndexLucene index) {
            close(index);
        }
    }

    /**
     * Fills the index from the quads of a bulk load on threads of its own (one per processor), so that analysing the
     * texts overlaps with the loader's work, each distinct text once; the index is emptied first (the store under a
     * bulk load is empty).
     */
    @Override
    public BulkSink bulkSink(DatasetGraph decorated) {
        IndexedDataset indexed = (IndexedDataset) decorated;
        return new BulkIndexer((TextDocuments) indexed.getTextIndex(), indexed.literals, ok -> indexed.inStep = ok);
    }

    /**
     * Indexes the texts of the indexed predicates among the quads it is given, each distinct one once, on threads of
     * its own.
     */
    private static final class BulkIndexer implements BulkSink {

        private static final Quad END = Quad.create(Node.ANY, Node.ANY, Node.ANY, Node.ANY);

        private final TextDocuments index;
        private final IndexedLiterals literals;
        private final java.util.concurrent.BlockingQueue<Quad> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(8192);
        /** One per processor: Lucene's writer takes documents from several threads at once. */
        private final List<Thread> workers;

        private static final double BULK_BUFFER_MB = 256;

        private final double previousBuffer;
        private final boolean previousCompound;
        private final Consumer<Boolean> inStep;
        private volatile RuntimeException failure;
        private volatile boolean aborted;
        private final java.util.concurrent.atomic.LongAdder added = new java.util.concurrent.atomic.LongAdder();
        /** The texts given to the workers (one thread, the loader's, adds to it). */
        private final Set<TextId> seen = new HashSet<>();

        BulkIndexer(TextDocuments index, IndexedLiterals literals, Consumer<Boolean> inStep) {
            this.index = index;
            this.literals = literals;
            this.inStep = inStep;
            // Until the load has committed both, the index and the store may differ.
            inStep.accept(false);
            try {
                index.getIndexWriter().deleteAll();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot clear the text index", e);
            }
            index.startFilling();
            // Fewer, larger segments while filling: Lucene flushes and merges far less often.
            previousBuffer = index.getIndexWriter().getConfig().getRAMBufferSizeMB();
            index.getIndexWriter().getConfig().setRAMBufferSizeMB(BULK_BUFFER_MB);
            // The few large segments of a bulk load stay as Lucene writes them: packing each into a compound file
            // would copy it once more (about 230 MB at 構想区域 × 10 years) while the store builds its indexes.
            previousCompound = index.getIndexWriter().getConfig().getUseCompoundFile();
            index.getIndexWriter().getConfig().setUseCompoundFile(false);
            int count = Math.max(1, Runtime.getRuntime().availableProcessors());
            List<Thread> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Thread worker = new Thread(this::run, "text-index-bulk-" + (i + 1));
                worker.setDaemon(true);
                worker.start();
                started.add(worker);
            }
            workers = List.copyOf(started);
        }

        private void run() {
            try {
                for (Quad q = queue.take(); q != END; q = queue.take()) {
                    if (!aborted) {
                        index.addEntity(TextQueryFuncs.entityFromQuad(index.getDocDef(), q));
                        added.increment();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
                aborted = true;
                queue.clear();
            }
        }

        @Override
        public void quad(Quad quad) {
            if (failure != null) {
                throw failure;
            }
            // Each distinct text once: the loader's thread drops the texts the index already has (by words, language
            // and datatype as the literal holds them, which costs it no digest; the workers make each one's key).
            if (literals.holds(quad) && seen.add(TextId.of(quad.getObject()))) {
                put(quad);
            }
        }

        private void put(Quad quad) {
            try {
                while (!queue.offer(quad, 1, java.util.concurrent.TimeUnit.SECONDS)) {
                    if (workers.stream().noneMatch(Thread::isAlive)) {
                        throw failure != null ? failure : new IllegalStateException("text indexing stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while indexing texts", e);
            }
        }

        @Override
        public void finish() {
            // One end for each worker.
            workers.forEach(worker -> put(END));
            join();
            if (failure != null) {
                throw failure;
            }
            index.commit();
            index.stopFilling();
            seen.clear();
            index.getIndexWriter().getConfig().setRAMBufferSizeMB(previousBuffer);
            index.getIndexWriter().getConfig().setUseCompoundFile(previousCompound);
            inStep.accept(true);
            log.info("Text index built in the load: {} distinct texts", added.sum());
        }

        @Override
        public void abort() {
            aborted = true;
            inStep.accept(false);
            queue.clear();
            workers.forEach(worker -> queue.offer(END));
            join();
            index.stopFilling();
            seen.clear();
            index.rollback();
            try {
                // After a finish that committed, the rollback keeps that commit: empty the index as the store is.
                index.getIndexWriter().deleteAll();
                index.commit();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot clear the text index", e);
            }
        }

        private void join() {
            try {
                for (Thread worker : workers) {
                    worker.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while indexing texts", e);
            }
        }
    }

    /**
     * jena-text's Lucene index with one document per distinct text — its words, its language or datatype — however many
     * statements hold it, where jena-text writes one per statement. Worksheets repeat much of their wording (the worked
     * examples' sentences that areas copy, the same area's sheet from year to year, statuses, resource names): at
     * 構想区域 × 10 fiscal years of synthetic data, 570,020 statements hold 6,666 distinct texts. A hit is a text;
     * {@code text:query} answers with the statements that hold it, read from the store inside the query's transaction
     * ({@link Holders}), so a query sees subjects, literals, graphs and scores as with jena-text's own layout.
     *
     * <p>A document's key ({@value #UID_FIELD}) is a digest of its text ({@link #key}); its entity field holds the key
     * as an IRI, so that jena-text's own query path, asked for one key, filters to that text. Adding a text already in
     * the index replaces its document; a statement removed marks its text, and at the write's commit the texts no
     * statement holds any more leave the index ({@link #deleteUnheld}). A text is analysed once for the fields that
     * index it alike ({@value #FIELD} and {@value #FIELD_JA}, both kuromoji), where jena-text analyses it per field.
     */
    static final class TextDocuments extends TextIndexLucene {

        /** The entity field of a text's document: this prefix and the text's key. */
        static final String KEY_IRI = "urn:x-kk-text:";

        /** At most this many hits for a query without a limit (jena-text's own bound, counted in statements). */
        static final int MAX_HITS = 10_000;

        private final AnalysedTexts japanese = new AnalysedTexts(JAPANESE, FIELD);
        private final AnalysedTexts english = new AnalysedTexts(ENGLISH, FIELD_EN);

        /** The texts whose statements a write removed, checked at its commit. Only the writer touches it. */
        private final Set<Node> removed = new java.util.LinkedHashSet<>();

        /** While a bulk load or a rebuild fills an emptied index with distinct texts: add, do not replace. */
        private volatile boolean filling;

        private volatile Holders holders;

        TextDocuments(Directory directory, TextIndexConfig config) {
            super(directory, config);
        }

        /** Where hits are expanded to the statements holding them: the store this index is kept beside. */
        void holders(Holders holders) {
            this.holders = holders;
        }

        @Override
        protected Document doc(Entity entity) {
            Document doc = super.doc(entity);
            IndexableField all = doc.getField(FIELD);
            String value = all == null ? null : all.stringValue();
            if (value == null) {
                return doc;
            }
            boolean inJapanese = doc.getField(FIELD_JA) != null;
            boolean inEnglish = doc.getField(FIELD_EN) != null;
            String key = key(literalOf(entity));
            for (String field : List.of(ENTITY_FIELD, GRAPH_FIELD, UID_FIELD, FIELD, FIELD_JA, FIELD_EN)) {
                doc.removeFields(field);
            }
            doc.add(new Field(ENTITY_FIELD, KEY_IRI + key, TextIndexLucene.ftIRI));
            doc.add(new StringField(UID_FIELD, key, Field.Store.YES));
            AnalysedTexts.Analysis analysis = japanese.analysis(value);
            doc.add(new StoredField(FIELD, value));
            doc.add(new Field(FIELD, AnalysedTexts.tokenStream(analysis), TextField.TYPE_NOT_STORED));
            if (inJapanese) {
                doc.add(new Field(FIELD_JA, AnalysedTexts.tokenStream(analysis), TextField.TYPE_NOT_STORED));
            }
            if (inEnglish) {
                doc.add(new Field(
                        FIELD_EN, AnalysedTexts.tokenStream(english.analysis(value)), TextField.TYPE_NOT_STORED));
            }
            return doc;
        }

        /** A text already in the index replaces its document, except while filling an emptied index. */
        @Override
        protected void addDocument(Entity entity) throws IOException {
            Document doc = doc(entity);
            if (filling) {
                getIndexWriter().addDocument(doc);
            } else {
                getIndexWriter().updateDocument(new Term(UID_FIELD, doc.get(UID_FIELD)), doc);
            }
        }

        @Override
        protected void updateDocument(Entity entity) throws IOException {
            Document doc = doc(entity);
            getIndexWriter().updateDocument(new Term(UID_FIELD, doc.get(UID_FIELD)), doc);
        }

        /** A statement removed: its text leaves the index at the commit, if no statement holds it then. */
        @Override
        public void deleteEntity(Entity entity) {
            synchronized (removed) {
                removed.add(literalOf(entity));
            }
        }

        /** Removes from the index the texts removed in this write that {@code held} says no statement holds. */
        void deleteUnheld(java.util.function.Predicate<Node> held) {
            synchronized (removed) {
                try {
                    for (Node text : removed) {
                        if (!held.test(text)) {
                            getIndexWriter().deleteDocuments(new Term(UID_FIELD, key(text)));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot remove a text from the index", e);
                } finally {
                    removed.clear();
                }
            }
        }

        /** Forgets the texts removed in a write that was abandoned. */
        void forgetRemoved() {
            synchronized (removed) {
                removed.clear();
            }
        }

        /** The index is emptied and refilled with distinct texts (a bulk load, a rebuild). */
        void startFilling() {
            filling = true;
        }

        void stopFilling() {
            filling = false;
        }

        /**
         * The hits of a text query as statements: the texts that match, best first, each expanded to the statements
         * that hold it (in the graph asked for, of the subject asked for), up to {@code limit} statements or
         * {@value #MAX_HITS}. Every other query method of jena-text's index comes here.
         */
        @Override
        public List<TextHit> query(
                String subjectUri,
                List<Resource> props,
                String qs,
                String graphURI,
                String lang,
                int limit,
                String highlight) {
            Holders store = holders;
            if (store == null) {
                throw new IllegalStateException("The text index is not attached to its store");
            }
            Node graph = graphURI == null ? Node.ANY : TextQueryFuncs.stringToNode(graphURI);
            int max = limit > 0 ? limit : MAX_HITS;
            List<TextHit> hits = new ArrayList<>();
            if (subjectUri != null) {
                Node subject = NodeFactory.createURI(subjectUri);
                java.util.Map<Node, List<Quad>> texts = new java.util.LinkedHashMap<>();
                store.of(graph, subject, Node.ANY)
                        .forEach(q -> texts.computeIfAbsent(q.getObject(), t -> new ArrayList<>())
                                .add(q));
                for (var text : texts.entrySet()) {
                    for (TextHit hit :
                            super.query(KEY_IRI + key(text.getKey()), props, qs, null, lang, -1, highlight)) {
                        text.getValue().forEach(q -> hits.add(statementHit(hit, q)));
                    }
                }
                hits.sort(
                        java.util.Comparator.comparingDouble(TextHit::getScore).reversed());
                return hits.size() > max ? List.copyOf(hits.subList(0, max)) : hits;
            }
            // Each text has a statement in the store, so without a graph to keep to, `max` texts make `max` hits.
            int texts = graph == Node.ANY ? max : MAX_HITS;
            List<TextHit> found = super.query((String) null, props, qs, null, lang, texts, highlight);
            // A highlighted hit carries fragments of its text: the text itself is read from its document.
            try (DirectoryReader reader = highlight == null ? null : DirectoryReader.open(getDirectory())) {
                IndexSearcher searcher = reader == null ? null : new IndexSearcher(reader);
                for (TextHit hit : found) {
                    Node text = searcher == null ? hit.getLiteral() : storedText(searcher, hit.getNode());
                    if (text == null) {
                        continue;
                    }
                    for (Quad q : store.of(graph, Node.ANY, text)) {
                        hits.add(statementHit(hit, q));
                        if (hits.size() == max) {
                            return hits;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the text index", e);
            }
            return hits;
        }

        private static TextHit statementHit(TextHit text, Quad statement) {
            return new TextHit(
                    statement.getSubject(),
                    text.getScore(),
                    text.getLiteral(),
                    statement.getGraph(),
                    statement.getPredicate());
        }

        /** The text of the document whose entity is {@code keyIri}, or null if it has gone. */
        private static Node storedText(IndexSearcher searcher, Node keyIri) throws IOException {
            String key = keyIri.getURI().substring(KEY_IRI.length());
            TopDocs top = searcher.search(new TermQuery(new Term(UID_FIELD, key)), 1);
            return top.scoreDocs.length == 0
                    ? null
                    : literalOf(searcher.storedFields().document(top.scoreDocs[0].doc));
        }
    }

    /** The statements that hold an indexed text, read from the store in the caller's transaction. */
    @FunctionalInterface
    interface Holders {
        /** The statements of the indexed predicates in {@code graph}, of {@code subject}, holding {@code text}. */
        List<Quad> of(Node graph, Node subject, Node text);

        static Holders in(DatasetGraph store, IndexedLiterals literals) {
            return (graph, subject, text) -> {
                List<Quad> quads = new ArrayList<>();
                for (Node p : PREDICATES) {
                    store.find(graph, subject, p, text).forEachRemaining(q -> {
                        if (literals.holds(q)) {
                            quads.add(q);
                        }
                    });
                }
                return quads;
            };
        }
    }

    /**
     * The key of a text in the index: a digest (SHA-256, in hexadecimal) of its words and its language, or its
     * datatype when it has no language.
     */
    static String key(Node text) {
        return java.util.HexFormat.of().formatHex(digest(text));
    }

    /** A text as its key is made of: words, language, datatype (the strings the literal holds, not copied). */
    record TextId(String words, String lang, String datatype) {
        static TextId of(Node text) {
            return new TextId(text.getLiteralLexicalForm(), text.getLiteralLanguage(), text.getLiteralDatatypeURI());
        }
    }

    private static byte[] digest(Node text) {
        String lang = text.getLiteralLanguage();
        String tag = lang == null || lang.isEmpty() ? "^^" + text.getLiteralDatatypeURI() : "@" + lang;
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(tag.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(text.getLiteralLexicalForm().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The literal an entity of jena-text's was made from. */
    private static Node literalOf(Entity entity) {
        String value = (String) entity.get(FIELD);
        String lang = entity.getLanguage();
        if (lang != null && !lang.isEmpty()) {
            return NodeFactory.createLiteralLang(value, lang);
        }
        return entity.getDatatype() == null
                ? NodeFactory.createLiteralString(value)
                : NodeFactory.createLiteralDT(value, entity.getDatatype());
    }

    /** The literal a text's document stands for, from its stored words and language (as jena-text stores them). */
    static Node literalOf(Document doc) {
        String value = doc.get(FIELD);
        String lang = doc.get(LANG_FIELD);
        if (lang == null) {
            return NodeFactory.createLiteralString(value);
        }
        if (lang.startsWith(DATATYPE_PREFIX)) {
            return NodeFactory.createLiteralDT(
                    value, TypeMapper.getInstance().getSafeTypeByName(lang.substring(DATATYPE_PREFIX.length())));
        }
        return NodeFactory.createLiteralLang(value, lang);
    }

    /** How jena-text marks a datatype in the language field. */
    private static final String DATATYPE_PREFIX = "^^";

    private static void close(TextIndexLucene index) {
        index.close();
        try {
            index.getDirectory().close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the text index directory", e);
        }
    }

    private Directory directory(Path tdb2Location) {
        List<Path> dirs = directories(tdb2Location);
        if (dirs.isEmpty()) {
            return new ByteBuffersDirectory();
        }
        Path dir = dirs.get(0);
        try {
            Files.createDirectories(dir);
            return FSDirectory.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the text index directory " + dir, e);
        }
    }

    /** The index definition: one field for all predicates, with graph, language and a per-literal id. */
    static TextIndexConfig config() {
        EntityDefinition definition = new EntityDefinition(ENTITY_FIELD, FIELD);
        PREDICATES.forEach(p -> definition.set(FIELD, p));
        definition.setPrimaryPredicate(PREDICATES.get(0));
        definition.setGraphField(GRAPH_FIELD);
        definition.setLangField(LANG_FIELD);
        // Without a uid field jena-text cannot delete a literal's document: edits would leave the old text behind.
        definition.setUidField(UID_FIELD);
        TextIndexConfig config = new TextIndexConfig(definition);
        config.setAnalyzer(JAPANESE);
        config.setMultilingualSupport(true);
        config.setValueStored(true);
        return config;
    }

    /**
     * Fails if the index would not analyse Japanese with kuromoji: jena-text replaces an analyser it cannot find by
     * the standard one and only logs it.
     */
    static void checkAnalyzer(TextIndexLucene index) {
        for (String field : List.of(FIELD, FIELD_JA)) {
            List<String> tokens = Tokens.of(index.getAnalyzer(), field, PROBE);
            if (!tokens.equals(PROBE_TOKENS)) {
                throw new IllegalStateException("The text index analyses " + PROBE + " in field " + field + " as "
                        + tokens + ", not as " + PROBE_TOKENS + ": the Japanese analyser (kuromoji) is not in use");
            }
        }
    }

    /**
     * Rebuilds the index from the store if the two disagree on how many literals are indexed. The check counts, it
     * does not compare texts, so that opening a large store costs one pass over the indexed predicates and holds
     * nothing in memory; a rebuild streams the store's texts into the index.
     */
    static void reconcile(DatasetGraph tdb2, TextDocuments index, IndexedLiterals literals) {
        long expected = Txn.calculateRead(tdb2, () -> countIndexable(tdb2, literals));
        long indexed = indexedCount(index);
        if (expected == indexed) {
            log.info("Text index agrees with the store: {} texts", indexed);
            return;
        }
        log.warn("Text index holds {} texts, the store {}; rebuilding the index", indexed, expected);
        rebuild(tdb2, index, literals);
    }

    /**
     * How many distinct texts the store's statements of the indexed predicates hold: one pass, keeping eight bytes
     * of each statement's key (a count, so two texts whose keys share their first eight bytes — about one chance in
     * 10^8 at a million distinct texts — would count once).
     */
    private static long countIndexable(DatasetGraph dsg, IndexedLiterals literals) {
        long[] digests = new long[1 << 12];
        int n = 0;
        for (Node p : PREDICATES) {
            for (var it = dsg.find(Node.ANY, Node.ANY, p, Node.ANY); it.hasNext(); ) {
                Quad q = it.next();
                if (literals.holds(q)) {
                    if (n == digests.length) {
                        digests = java.util.Arrays.copyOf(digests, n * 2);
                    }
                    digests[n++] =
                            java.nio.ByteBuffer.wrap(digest(q.getObject())).getLong();
                }
            }
        }
        java.util.Arrays.sort(digests, 0, n);
        long distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || digests[i] != digests[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    private static long indexedCount(TextIndexLucene index) {
        try {
            if (!DirectoryReader.indexExists(index.getDirectory())) {
                return 0;
            }
            try (DirectoryReader reader = DirectoryReader.open(index.getDirectory())) {
                return reader.numDocs();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the text index", e);
        }
    }

    /** How many texts the index holds and how many texts of indexed properties the store holds. */
    public record Counts(long indexed, long stored) {
        /** Whether the two agree (the check the index makes when the store opens). */
        public boolean agree() {
            return indexed == stored;
        }
    }

    /** How many texts the index of a dataset this class decorated holds (a cheap count), or -1 for any other. */
    public static long size(DatasetGraph dataset) {
        return dataset instanceof DatasetGraphText text && text.getTextIndex() instanceof TextIndexLucene index
                ? indexedCount(index)
                : -1;
    }

    /**
     * The counts of a dataset this class decorated, or empty for any other dataset. Costs one pass over the indexed
     * properties of the store, in a read transaction of its own.
     */
    public static Optional<Counts> counts(DatasetGraph dataset) {
        if (!(dataset instanceof IndexedDataset text) || !(text.getTextIndex() instanceof TextIndexLucene index)) {
            return Optional.empty();
        }
        DatasetGraph tdb2 = text.getWrapped();
        long stored = Txn.calculateRead(tdb2, () -> countIndexable(tdb2, text.literals));
        return Optional.of(new Counts(indexedCount(index), stored));
    }

    /**
     * The subjects of the statements holding the text of {@code doc}, a document of the index of {@code dataset} (a
     * dataset this class decorated), in the store's order; read in the caller's transaction or one of their own.
     */
    public static List<Node> subjectsHolding(DatasetGraph dataset, Document doc) {
        IndexedDataset text = (IndexedDataset) dataset;
        Node literal = literalOf(doc);
        return Txn.calculateRead(
                text,
                () -> text.holders.of(Node.ANY, Node.ANY, literal).stream()
                        .map(Quad::getSubject)
                        .toList());
    }

    /** Whether the index of a dataset this class decorated holds exactly the texts its store holds. */
    static boolean inSync(DatasetGraph decorated) {
        IndexedDataset text = (IndexedDataset) decorated;
        TextIndexLucene index = (TextIndexLucene) text.getTextIndex();
        DatasetGraph tdb2 = text.getWrapped();
        Set<String> expected = Txn.calculateRead(tdb2, () -> indexableKeys(tdb2, text.literals));
        return expected.equals(indexedUids(index));
    }

    private static Set<String> indexableKeys(DatasetGraph dsg, IndexedLiterals literals) {
        Set<String> keys = new HashSet<>();
        for (Node p : PREDICATES) {
            dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
                if (literals.holds(q)) {
                    keys.add(key(q.getObject()));
                }
            });
        }
        return keys;
    }

    /** The keys of the texts in the index (the field {@value #UID_FIELD}, one per document). */
    static Set<String> indexedUids(TextIndexLucene index) {
        Set<String> uids = new HashSet<>();
        try (DirectoryReader reader = DirectoryReader.open(index.getDirectory())) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields fields = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live == null || live.get(i)) {
                        String uid = fields.document(i, Set.of(UID_FIELD)).get(UID_FIELD);
                        // A document without an id cannot have been written by this index: count it as stale.
                        uids.add(uid == null ? "doc-" + leaf.docBase + i : uid);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the text index", e);
        }
        return uids;
    }

    private static void rebuild(DatasetGraph tdb2, TextDocuments index, IndexedLiterals literals) {
        try {
            index.getIndexWriter().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the text index", e);
        }
        index.startFilling();
        long added;
        try {
            added = Txn.calculateRead(tdb2, () -> {
                Set<TextId> seen = new HashSet<>();
                long n = 0;
                for (Node p : PREDICATES) {
                    for (var it = tdb2.find(Node.ANY, Node.ANY, p, Node.ANY); it.hasNext(); ) {
                        Quad q = it.next();
                        if (literals.holds(q) && seen.add(TextId.of(q.getObject()))) {
                            index.addEntity(TextQueryFuncs.entityFromQuad(index.getDocDef(), q));
                            n++;
                        }
                    }
                }
                return n;
            });
        } finally {
            index.stopFilling();
        }
        index.commit();
        log.info("Text index rebuilt: {} distinct texts", added);
    }

    /** jena-text's producer of index changes from a write's quads, for the literals the index holds only. */
    private static final class OnlyIndexedLiterals extends TextDocProducerTriples {

        private final IndexedLiterals literals;

        OnlyIndexedLiterals(TextIndex index, IndexedLiterals literals) {
            super(index);
            this.literals = literals;
        }

        @Override
        public void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
            if (literals.holds(s, p, o)) {
                super.change(action, g, s, p, o);
            }
        }
    }

    /**
     * A text dataset whose {@code clear()} removes the quads one by one, as its other writes do, so that the index
     * hears of it; the inherited {@code clear()} would empty TDB2 behind the index's back.
     */
    private static final class IndexedDataset extends DatasetGraphText {

        /** False once a write's end failed or a bulk load was abandoned: the index may then differ from the store. */
        volatile boolean inStep;

        final IndexedLiterals literals;

        /** The statements of the store under the index holding a text. */
        final Holders holders;

        IndexedDataset(DatasetGraph tdb2, TextIndexLucene index, IndexedLiterals literals, Holders holders) {
            super(tdb2, index, new OnlyIndexedLiterals(index, literals), false);
            this.literals = literals;
            this.holders = holders;
        }

        /** The texts this write removed that no statement holds any more leave the index, then both commit. */
        @Override
        public void commit() {
            outOfStepIfItFails(() -> {
                if (isInTransaction() && transactionMode() == org.apache.jena.query.ReadWrite.WRITE) {
                    ((TextDocuments) getTextIndex()).deleteUnheld(text -> holds(text));
                }
                super.commit();
            });
        }

        @Override
        public void abort() {
            outOfStepIfItFails(() -> {
                ((TextDocuments) getTextIndex()).forgetRemoved();
                super.abort();
            });
        }

        /** Whether a statement of the store, in this write, still holds {@code text} where the index holds it. */
        private boolean holds(Node text) {
            return !holders.of(Node.ANY, Node.ANY, text).isEmpty();
        }

        private void outOfStepIfItFails(Runnable end) {
            try {
                end.run();
            } catch (RuntimeException | Error e) {
                inStep = false;
                throw e;
            }
        }
    }
}
