package jp.kakaritsuke.kb.authoring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import jp.kakaritsuke.kb.authoring.history.HistoryRecords;
import jp.kakaritsuke.kb.authoring.history.Version;
import jp.kakaritsuke.kb.authoring.history.WorksheetDiff;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.OntologyModel;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.PROV;
import jp.kakaritsuke.kb.vocab.Statuses;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.worksheet.TranslationFreshness;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way worksheets are written: validated against the SHACL shapes, allowed only to users who may write the
 * worksheet's area, and versioned, so that nothing written is ever lost.
 *
 * <p>A write replaces the worksheet graph {@code graph/worksheet/{slug}}, adds a version graph holding a snapshot of
 * the new content and adds the PROV-O record of the write to {@code graph/history/{slug}} — all in one store
 * transaction ({@link KnowledgeStore#replaceGraphs}), so either all of it happens or none. Version {@code n} holds
 * the content right after write {@code n}: every version, the current one included, can be shown, compared and
 * restored. Content that was in the store before the first recorded write (the shipped data) becomes version 1.
 * Writes are serialised within the application, so two writes never take the same version number.
 *
 * <p>Refusals write nothing: {@link ValidationFailedException} (not one worksheet, or not conforming to the shapes),
 * {@link WriteDeniedException} (area not allowed), {@link NotFoundException} (no such worksheet or version),
 * {@link VersionConflictException} (the writer read a version that is no longer current: no lost updates),
 * {@link ProtectedWorksheetException} (a worked example of the guideline is never replaced or deleted).
 */
@Service
public class WorksheetRepository {

    private static final Logger log = LoggerFactory.getLogger(WorksheetRepository.class);

    private final KnowledgeStore store;
    private final OntologyModel ontology;
    private final WorksheetValidator validator;
    private final AreaAccess access;
    private final String base;
    private final ReentrantLock writeLock = new ReentrantLock();

    WorksheetRepository(
            KnowledgeStore store,
            OntologyModel ontology,
            WorksheetValidator validator,
            AreaAccess access,
            StoreProperties properties) {
        this.store = store;
        this.ontology = ontology;
        this.validator = validator;
        this.access = access;
        this.base = properties.baseIri();
    }

    /** The IRIs of worksheet {@code slug} and its history; rejects a malformed slug. */
    public WorksheetNames names(String slug) {
        return new WorksheetNames(base, slug);
    }

    /**
     * Validates {@code worksheet} and, if {@code author} may write its area (and the area of the worksheet it
     * replaces), makes it the content of worksheet {@code slug}, recording a new version. No version check: for
     * programs that own the worksheet; every user-facing door uses {@link #save(String, Graph, Author, String,
     * Version.Origin, Integer)}.
     *
     * @param worksheet the whole worksheet: the node {@code {base}id/worksheet/{slug}} and its items
     * @param comment what the change is, for the history; may be empty
     */
    public SaveResult save(String slug, Graph worksheet, Author author, String comment) {
        return save(slug, worksheet, author, comment, Version.Origin.API, null);
    }

    /**
     * As {@link #save(String, Graph, Author, String)}, recording the door the write came through, and refusing it
     * with a {@link VersionConflictException} if {@code basedOn} (the version the writer read; 0 for "no worksheet
     * yet") is not the current version (see {@link #currentVersion}). A null {@code basedOn} checks nothing.
     */
    public SaveResult save(
            String slug, Graph worksheet, Author author, String comment, Version.Origin origin, Integer basedOn) {
        WorksheetNames names = names(slug);
        validator.validate(names, worksheet);
        return write(names, worksheet, author, comment, Version.Kind.SAVE, 0, origin, basedOn);
    }

    /** Deletes worksheet {@code slug}; the deletion is a new, empty version, so earlier versions stay restorable. */
    public SaveResult delete(String slug, Author author, String comment) {
        return delete(slug, author, comment, Version.Origin.API, null);
    }

    /** {@link #delete(String, Author, String)} with the door and the version check of {@link #save}. */
    public SaveResult delete(String slug, Author author, String comment, Version.Origin origin, Integer basedOn) {
        WorksheetNames names = names(slug);
        return write(
                names, GraphFactory.createDefaultGraph(), author, comment, Version.Kind.DELETE, 0, origin, basedOn);
    }

    /**
     * Makes version {@code n}'s content current again, as a new version: the restore is itself in the history. The
     * content is validated again, since the shapes may have changed since it was written.
     */
    public SaveResult restore(String slug, int n, Author author, String comment) {
        return restore(slug, n, author, comment, Version.Origin.API, null);
    }

    /** {@link #restore(String, int, Author, String)} with the door and the version check of {@link #save}. */
    public SaveResult restore(
            String slug, int n, Author author, String comment, Version.Origin origin, Integer basedOn) {
        WorksheetNames names = names(slug);
        Graph content = version(slug, n);
        if (content.isEmpty()) {
            return write(names, content, author, comment, Version.Kind.DELETE, 0, origin, basedOn);
        }
        validator.validate(names, content);
        return write(names, content, author, comment, Version.Kind.RESTORE, n, origin, basedOn);
    }

    /** {@link #restore(String, int, Author, String)} without a comment. */
    public SaveResult restore(String slug, int n, Author author) {
        return restore(slug, n, author, "");
    }

    /**
     * The version a writer must name to replace worksheet {@code slug} now: the number of its newest version; 1 for
     * content that predates the history (it becomes version 1 at the first write); 0 if there never was one.
     */
    public int currentVersion(String slug) {
        WorksheetNames names = names(slug);
        List<Version> versions = HistoryRecords.versions(names, store.graph(names.history()));
        int last = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).number();
        return last == 0 && !store.graph(names.graph()).isEmpty() ? 1 : last;
    }

    /**
     * True if worksheet {@code slug} is a worked example of the guideline (status {@code kkst:example}): it is not
     * replaced or deleted by anyone ({@link ProtectedWorksheetException}).
     */
    public boolean isWorkedExample(String slug) {
        WorksheetNames names = names(slug);
        return isWorkedExample(store.graph(names.graph()), names);
    }

    private static boolean isWorkedExample(Graph content, WorksheetNames names) {
        return content.contains(
                NodeFactory.createURI(names.worksheet()), KK.status.asNode(), Statuses.EXAMPLE.asNode());
    }

    /**
     * Checks, writing nothing, that {@code worksheet} could be saved now as {@code slug} by {@code author}: throws what
     * {@link #save} would throw ({@link ValidationFailedException}, {@link WriteDeniedException}). For previews.
     */
    public void check(String slug, Graph worksheet, Author author) {
        WorksheetNames names = names(slug);
        validator.validate(names, worksheet);
        Node worksheetNode = NodeFactory.createURI(names.worksheet());
        access.requireMayWrite(author, AreaAccess.areaOf(worksheet, worksheetNode), names.slug());
        Graph current = store.graph(names.graph());
        if (!current.isEmpty()) {
            access.requireMayWrite(author, AreaAccess.areaOf(current, worksheetNode), names.slug());
        }
        if (isWorkedExample(current, names) && !current.isIsomorphicWith(worksheet)) {
            throw new ProtectedWorksheetException(names.slug());
        }
    }

    /**
     * Throws {@link WriteDeniedException} if {@code author} may not write the current content of worksheet
     * {@code slug} (nothing to check if there is none); for doors that check preconditions before reading a body.
     */
    public void requireMayWrite(String slug, Author author) {
        WorksheetNames names = names(slug);
        Graph current = store.graph(names.graph());
        if (!current.isEmpty()) {
            access.requireMayWrite(
                    author, AreaAccess.areaOf(current, NodeFactory.createURI(names.worksheet())), names.slug());
        }
    }

    /**
     * Saves several worksheets in one store transaction: all of them or none. Every worksheet is validated and
     * access-checked before anything is written; the first refusal is thrown and nothing is written.
     *
     * @param worksheets the worksheets by slug, each as for {@link #save}
     * @return what happened to each, in the order given
     */
    public List<SaveResult> saveAll(Map<String, Graph> worksheets, Author author, String comment) {
        return saveAll(worksheets, author, comment, Map.of(), Version.Origin.IMPORT);
    }

    /**
     * {@link #saveAll(Map, Author, String)}, refusing all with a {@link VersionConflictException} if any worksheet
     * named in {@code basedOn} is no longer at the version given there (see {@link #save(String, Graph, Author,
     * String, Version.Origin, Integer)}).
     */
    public List<SaveResult> saveAll(
            Map<String, Graph> worksheets,
            Author author,
            String comment,
            Map<String, Integer> basedOn,
            Version.Origin origin) {
        Map<WorksheetNames, Graph> validated = new LinkedHashMap<>();
        worksheets.forEach((slug, worksheet) -> {
            WorksheetNames names = names(slug);
            validator.validate(names, worksheet);
            validated.put(names, worksheet);
        });
        writeLock.lock();
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            DatasetGraph changes = DatasetGraphFactory.createGeneral();
            List<SaveResult> results = new ArrayList<>();
            validated.forEach((names, worksheet) -> results.add(plan(
                    names,
                    worksheet,
                    author,
                    comment,
                    Version.Kind.SAVE,
                    0,
                    origin,
                    basedOn.get(names.slug()),
                    now,
                    changes)));
            if (results.stream().anyMatch(SaveResult::changed)) {
                List<String> slugs = results.stream()
                        .filter(SaveResult::changed)
                        .map(SaveResult::slug)
                        .toList();
                log.info("Writing worksheets {} in one transaction", slugs);
                store.replaceGraphs(changes);
                log.info("Wrote worksheets {}", slugs);
            }
            return List.copyOf(results);
        } finally {
            writeLock.unlock();
        }
    }

    private SaveResult write(
            WorksheetNames names,
            Graph content,
            Author author,
            String comment,
            Version.Kind kind,
            int restoredFrom,
            Version.Origin origin,
            Integer basedOn) {
        writeLock.lock();
        try {
            DatasetGraph changes = DatasetGraphFactory.createGeneral();
            SaveResult result = plan(
                    names,
                    content,
                    author,
                    comment,
                    kind,
                    restoredFrom,
                    origin,
                    basedOn,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    changes);
            if (result.changed()) {
                log.info(
                        "Writing worksheet {} version {} ({} triples) in one transaction",
                        names.slug(),
                        result.version(),
                        content.size());
                store.replaceGraphs(changes);
                log.info("Wrote worksheet {} version {}", names.slug(), result.version());
            }
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Checks access and adds to {@code changes} the graphs that one write replaces (content, version snapshots,
     * history); writes nothing itself. Called with the write lock held, so that the version check and the write see
     * the same current version.
     */
    private SaveResult plan(
            WorksheetNames names,
            Graph content,
            Author author,
            String comment,
            Version.Kind kind,
            int restoredFrom,
            Version.Origin origin,
            Integer basedOn,
            Instant now,
            DatasetGraph changes) {
        Node worksheetNode = NodeFactory.createURI(names.worksheet());
        Graph current = store.graph(names.graph());
        if (kind == Version.Kind.SAVE && !content.isEmpty()) {
            content = markOutdatedTranslations(names, content, current);
        }
        if (kind == Version.Kind.DELETE && current.isEmpty()) {
            throw new NotFoundException("worksheet " + names.slug());
        }
        if (!content.isEmpty()) {
            access.requireMayWrite(author, AreaAccess.areaOf(content, worksheetNode), names.slug());
        }
        if (!current.isEmpty()) {
            access.requireMayWrite(author, AreaAccess.areaOf(current, worksheetNode), names.slug());
        }
        Graph history = store.graph(names.history());
        List<Version> versions = HistoryRecords.versions(names, history);
        int last = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).number();
        int currentNumber = last == 0 && !current.isEmpty() ? 1 : last;
        boolean example = isWorkedExample(current, names);
        if (current.isIsomorphicWith(content) && kind != Version.Kind.RESTORE) {
            // Nothing changed: no version, also for content that predates the history (version 1).
            return new SaveResult(names.slug(), names.worksheet(), currentNumber, false, false);
        }
        if (basedOn != null && basedOn != currentNumber) {
            throw new VersionConflictException(names.slug(), basedOn, currentNumber);
        }
        if (example && !(kind == Version.Kind.RESTORE && author.isAdmin())) {
            throw new ProtectedWorksheetException(names.slug());
        }
        if (last == 0 && !current.isEmpty()) {
            last = 1;
            HistoryRecords.recordInitial(names, history, last, now);
            changes.addGraph(NodeFactory.createURI(names.version(last)), HistoryRecords.snapshot(names, last, current));
        }
        int number = last + 1;
        HistoryRecords.recordWrite(
                names,
                history,
                new HistoryRecords.Write(number, kind, author.name(), now, comment, restoredFrom, origin));
        changes.addGraph(NodeFactory.createURI(names.version(number)), HistoryRecords.snapshot(names, number, content));
        changes.addGraph(NodeFactory.createURI(names.history()), history);
        changes.addGraph(NodeFactory.createURI(names.graph()), copy(content));
        return new SaveResult(names.slug(), names.worksheet(), number, current.isEmpty(), true);
    }

    /**
     * {@code content} with its translations marked outdated where its wording changed and they did not
     * ({@link TranslationFreshness}), compared with the current content or, for a new worksheet, with the worksheet of
     * this store it was derived from.
     */
    private Graph markOutdatedTranslations(WorksheetNames names, Graph content, Graph current) {
        if (!current.isEmpty()) {
            return TranslationFreshness.mark(content, names.worksheet(), current, names.worksheet());
        }
        Node from = content.find(NodeFactory.createURI(names.worksheet()), PROV.wasDerivedFrom.asNode(), Node.ANY)
                .mapWith(t -> t.getObject())
                .filterKeep(Node::isURI)
                .nextOptional()
                .orElse(null);
        String start = from == null ? null : WorksheetNames.slugOf(base, from.getURI());
        Graph baseline = start == null
                ? GraphFactory.createDefaultGraph()
                : store.graph(names(start).graph());
        return TranslationFreshness.mark(content, names.worksheet(), baseline, from == null ? "" : from.getURI());
    }

    private static Graph copy(Graph graph) {
        Graph copy = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(copy::add);
        return copy;
    }

    /**
     * True if {@code author} may write worksheets of {@code area} (an area IRI; null for none), by the same rule as
     * every write; for pages that offer editing only to those who may save.
     */
    public boolean mayWrite(Author author, String area) {
        if (author == null) {
            return false;
        }
        try {
            access.requireMayWrite(author, area == null ? null : NodeFactory.createURI(area), "(any)");
            return true;
        } catch (WriteDeniedException e) {
            return false;
        }
    }

    /** The current content of worksheet {@code slug}, if it exists. */
    public Optional<Graph> get(String slug) {
        Graph graph = store.graph(names(slug).graph());
        return graph.isEmpty() ? Optional.empty() : Optional.of(graph);
    }

    /** True if worksheet {@code slug} exists (has content). */
    public boolean exists(String slug) {
        return get(slug).isPresent();
    }

    /** The versions of worksheet {@code slug}, oldest first; empty if it was never written through this service. */
    public List<Version> history(String slug) {
        WorksheetNames names = names(slug);
        return HistoryRecords.versions(names, store.graph(names.history()));
    }

    /** The content of version {@code n} (empty for a deletion); {@link NotFoundException} if there is none. */
    public Graph version(String slug, int n) {
        WorksheetNames names = names(slug);
        if (history(slug).stream().noneMatch(v -> v.number() == n)) {
            throw new NotFoundException("version " + n + " of worksheet " + slug);
        }
        return HistoryRecords.content(names, n, store.graph(names.version(n)));
    }

    /**
     * What changed from version {@code a} to version {@code b}, grouped by item, labelled in {@code lang}
     * ("ja" or "en").
     */
    public WorksheetDiff diff(String slug, int a, int b, String lang) {
        Graph older = version(slug, a);
        Graph newer = version(slug, b);
        return WorksheetDiff.between(names(slug).worksheet(), a, older, b, newer, ontology.graph(), lang);
    }

    /**
     * A slug for a new worksheet of {@code area} on {@code function} in {@code fiscalYear}, following the seed's
     * pattern {@code {area}-{year}-{function}} (e.g. {@code pref-13-2026-f2-i}); a number is appended when the slug is
     * taken.
     *
     * @param area the area IRI (e.g. {@code {base}id/area/pref/13})
     * @param function the function concept IRI (e.g. {@code https://w3id.org/kakaritsuke/function/f2-i})
     */
    public String newSlug(String area, String function, int fiscalYear) {
        String areaPart =
                area.startsWith(base + "id/area/") ? area.substring((base + "id/area/").length()) : lastSegment(area);
        String stem = clean(areaPart) + "-" + fiscalYear + "-" + clean(lastSegment(function));
        String slug = stem;
        for (int n = 2; exists(slug) || !history(slug).isEmpty(); n++) {
            slug = stem + "-" + n;
        }
        return slug;
    }

    private static String lastSegment(String iri) {
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
        return iri.substring(cut + 1);
    }

    private static String clean(String part) {
        String cleaned =
                part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "x" : cleaned;
    }
}
