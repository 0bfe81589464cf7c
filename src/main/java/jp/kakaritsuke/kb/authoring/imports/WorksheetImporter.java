package jp.kakaritsuke.kb.authoring.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.InputLimits;
import jp.kakaritsuke.kb.authoring.ProtectedWorksheetException;
import jp.kakaritsuke.kb.authoring.SaveResult;
import jp.kakaritsuke.kb.authoring.ValidationFailedException;
import jp.kakaritsuke.kb.authoring.VersionConflictException;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.authoring.WriteDeniedException;
import jp.kakaritsuke.kb.authoring.history.Version;
import jp.kakaritsuke.kb.authoring.history.WorksheetDiff;
import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.OntologyModel;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.rdf.CappedBody;
import jp.kakaritsuke.kb.worksheet.WorksheetItem;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.springframework.stereotype.Service;

/**
 * Imports worksheets from a file: reads it ({@link ImportFormat}), checks every worksheet against the shapes and the
 * user's areas, shows what would change (a dry run), and saves them all through {@link WorksheetRepository#saveAll}
 * in one transaction — all of them or none. Every refusal is an {@link ImportRejectedException} listing all problems
 * with their places in the file; nothing is written on any refusal.
 */
@Service
public class WorksheetImporter {

    /** The properties of a worksheet that name it: a worked example's may not be copied onto another worksheet. */
    private static final List<Property> NAMING = List.of(DCTerms.title, RDFS.label, KK.translation);

    private final WorksheetRepository repository;
    private final OntologyModel ontology;
    private final NamedQueryRunner queries;
    private final String base;
    private final long maxUpload;
    private final InputLimits limits;

    WorksheetImporter(
            WorksheetRepository repository,
            OntologyModel ontology,
            NamedQueryRunner queries,
            StoreProperties storeProperties,
            ImportProperties properties,
            InputLimits limits) {
        this.limits = limits;
        this.repository = repository;
        this.ontology = ontology;
        this.queries = queries;
        this.base = storeProperties.baseIri();
        this.maxUpload = properties.maxUpload().toBytes();
    }

    /** The largest upload accepted, in bytes. */
    long maxUpload() {
        return maxUpload;
    }

    /**
     * Reads at most {@link #maxUpload()} bytes.
     *
     * @param declaredLength the length the client announced, or -1
     * @throws ImportRejectedException (413) if the content is larger
     */
    byte[] readLimited(InputStream in, long declaredLength) throws IOException {
        return CappedBody.read(in, declaredLength, maxUpload).orElseThrow(this::tooLarge);
    }

    ImportRejectedException tooLarge() {
        return new ImportRejectedException(
                ImportRejectedException.Reason.TOO_LARGE,
                List.of(ImportProblem.of(Where.file(), "import.problem.tooLarge", maxUpload)));
    }

    /**
     * Reads the worksheets of a file, checking its syntax and, for tabular files, the layout's rules.
     *
     * @param format the format, from {@link ImportFormat#detect}
     * @throws ImportRejectedException 415 (unknown format), 413 (too large) or 400 (malformed), with places
     */
    List<ParsedWorksheet> read(ImportFormat format, byte[] content, ImportProgress progress) {
        return read(null, format, content, progress);
    }

    /**
     * {@link #read(ImportFormat, byte[], ImportProgress)} of the file {@code filename} (or null), which messages
     * about the file as a whole (its text encoding) name.
     */
    List<ParsedWorksheet> read(String filename, ImportFormat format, byte[] content, ImportProgress progress) {
        if (content.length > maxUpload) {
            throw tooLarge();
        }
        if (format.isRdf()) {
            progress.start("worksheets read", 1);
            List<ParsedWorksheet> worksheets = RdfImportReader.read(content, format, base, limits);
            progress.finish();
            return worksheets;
        }
        Table table = format == ImportFormat.CSV
                ? CsvTableReader.read(filename, content, limits)
                : XlsxTableReader.read(content, limits);
        progress.start("rows parsed", table.rows().size());
        WorksheetTableParser parser = new WorksheetTableParser(base, vocabulary(), this::areaExists);
        try {
            return parser.parse(table, progress::step);
        } finally {
            progress.finish();
        }
    }

    /** The ids a tabular file may use, from the ontology graph of the store (the cached {@link OntologyModel}). */
    ImportVocabulary vocabulary() {
        return ImportVocabulary.from(ontology.graph());
    }

    private boolean areaExists(String area) {
        return queries.ask("authoring/area-known", Map.of("area", area));
    }

    /**
     * A dry run: checks every worksheet (shapes, areas the user may write) and shows what saving them would change,
     * writing nothing.
     *
     * @param lang the reader's language for labels in the diff, "ja" or "en"
     * @throws ImportRejectedException 422 (shapes), 403 (areas), listing every problem with its place in the file
     */
    ImportPreview preview(
            String filename,
            ImportFormat format,
            List<ParsedWorksheet> worksheets,
            Author author,
            String lang,
            ImportProgress progress) {
        check(worksheets, author, progress);
        return new ImportPreview(filename, format, changes(worksheets, lang), List.of());
    }

    /**
     * Checks every worksheet, then saves them all in one transaction, recording one version of each in its history
     * (unchanged worksheets get none).
     *
     * @throws ImportRejectedException 422 (shapes) or 403 (areas); nothing is written
     */
    ImportPreview apply(
            String filename,
            ImportFormat format,
            List<ParsedWorksheet> worksheets,
            Author author,
            String comment,
            String lang,
            ImportProgress progress) {
        return apply(filename, format, worksheets, author, comment, lang, progress, Map.of());
    }

    /**
     * {@link #apply(String, ImportFormat, List, Author, String, String, ImportProgress)} after a preview: refuses
     * (409, nothing written) if any worksheet is no longer at the version the preview showed ({@code previewed}, by
     * slug, as {@link ImportPreview#versions()} gave them).
     */
    ImportPreview apply(
            String filename,
            ImportFormat format,
            List<ParsedWorksheet> worksheets,
            Author author,
            String comment,
            String lang,
            ImportProgress progress,
            Map<String, Integer> previewed) {
        check(worksheets, author, progress);
        List<ImportPreview.Change> changes = changes(worksheets, lang);
        Map<String, Graph> bySlug = new LinkedHashMap<>();
        worksheets.forEach(w -> bySlug.put(w.slug(), w.content()));
        progress.start("worksheets written (one transaction)", 1);
        List<SaveResult> saved;
        try {
            saved = repository.saveAll(bySlug, author, comment, previewed, Version.Origin.IMPORT);
        } catch (VersionConflictException e) {
            throw stale(worksheets, e);
        } catch (ValidationFailedException | WriteDeniedException e) {
            // The store changed between the check and the write (another user saved): report as the check would.
            check(worksheets, author, ImportProgress.NONE);
            throw new ImportRejectedException(
                    e instanceof WriteDeniedException
                            ? ImportRejectedException.Reason.DENIED
                            : ImportRejectedException.Reason.INVALID,
                    List.of(ImportProblem.of(Where.file(), "import.problem.refused", e.getMessage())));
        } finally {
            progress.finish();
        }
        return new ImportPreview(filename, format, changes, saved);
    }

    private static ImportRejectedException stale(List<ParsedWorksheet> worksheets, VersionConflictException e) {
        Where where = worksheets.stream()
                .filter(w -> w.slug().equals(e.slug()))
                .findFirst()
                .map(ParsedWorksheet::where)
                .orElse(Where.file());
        return new ImportRejectedException(
                ImportRejectedException.Reason.STALE,
                List.of(ImportProblem.of(where, "import.problem.stale", e.slug(), e.expected(), e.current())));
    }

    private void check(List<ParsedWorksheet> worksheets, Author author, ImportProgress progress) {
        List<ImportProblem> invalid = new ArrayList<>();
        List<ImportProblem> denied = new ArrayList<>();
        List<ImportProblem> protectedSheets = new ArrayList<>();
        if (author == null) {
            throw new WriteDeniedException("Nobody is signed in");
        }
        List<ImportProblem> copied = copiedExampleLabels(worksheets);
        if (!copied.isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.COPIED_EXAMPLE, copied);
        }
        progress.start("worksheets validated", worksheets.size());
        try {
            for (ParsedWorksheet worksheet : worksheets) {
                try {
                    repository.check(worksheet.slug(), worksheet.content(), author);
                } catch (ValidationFailedException e) {
                    for (ValidationFailedException.Violation v : e.violations()) {
                        String worksheetIri = repository.names(worksheet.slug()).worksheet();
                        invalid.add(ImportProblem.of(
                                worksheet.locate(iri(v.focusNode()), iri(v.path())),
                                "import.problem.shacl",
                                v.messageJa(),
                                v.messageEn(),
                                worksheet.slug(),
                                v.focusNode(),
                                v.path(),
                                WorksheetItem.labelOf(worksheetIri, iri(v.focusNode()), "ja"),
                                WorksheetItem.labelOf(worksheetIri, iri(v.focusNode()), "en")));
                    }
                } catch (WriteDeniedException e) {
                    denied.add(ImportProblem.of(
                            worksheet.where(), "import.problem.denied", worksheet.slug(), e.getMessage()));
                } catch (ProtectedWorksheetException e) {
                    protectedSheets.add(
                            ImportProblem.of(worksheet.where(), "import.problem.workedExample", worksheet.slug()));
                }
                progress.step();
            }
        } finally {
            progress.finish();
        }
        if (!invalid.isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.INVALID, invalid);
        }
        if (!denied.isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.DENIED, denied);
        }
        if (!protectedSheets.isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.PROTECTED, protectedSheets);
        }
    }

    /**
     * A title or label of a worked example of the guideline on another worksheet of the file (a template filled in
     * from the example and imported under a new id would present itself as the example; named query
     * {@code authoring/example-labels}): one problem per such value, at its cell.
     */
    private List<ImportProblem> copiedExampleLabels(List<ParsedWorksheet> worksheets) {
        Map<String, String> examples = new LinkedHashMap<>();
        queries.select("authoring/example-labels", Map.of()).forEachRemaining(row -> {
            if (row.get("label").isLiteral() && row.get("example").isURIResource()) {
                examples.putIfAbsent(
                        row.getLiteral("label").getLexicalForm().strip(),
                        row.getResource("example").getURI());
            }
        });
        List<ImportProblem> problems = new ArrayList<>();
        for (ParsedWorksheet worksheet : worksheets) {
            String iri = repository.names(worksheet.slug()).worksheet();
            Node node = NodeFactory.createURI(iri);
            for (Property property : NAMING) {
                for (Triple t : worksheet
                        .content()
                        .find(node, property.asNode(), Node.ANY)
                        .toList()) {
                    String example = t.getObject().isLiteral()
                            ? examples.get(t.getObject().getLiteralLexicalForm().strip())
                            : null;
                    if (example != null && !example.equals(iri)) {
                        problems.add(ImportProblem.of(
                                worksheet.locate(iri, property.getURI()),
                                "import.problem.exampleLabel",
                                worksheet.slug(),
                                t.getObject().getLiteralLexicalForm(),
                                example.substring(example.lastIndexOf('/') + 1)));
                    }
                }
            }
        }
        return problems;
    }

    /** The IRI of an N-Triples IRI ({@code <…>}), or null for anything else (a blank node, a complex path). */
    private static String iri(String nt) {
        return nt != null && nt.startsWith("<") && nt.endsWith(">") && nt.indexOf('>') == nt.length() - 1
                ? nt.substring(1, nt.length() - 1)
                : null;
    }

    private List<ImportPreview.Change> changes(List<ParsedWorksheet> worksheets, String lang) {
        Graph ontology = this.ontology.graph();
        List<ImportPreview.Change> changes = new ArrayList<>();
        for (ParsedWorksheet worksheet : worksheets) {
            Graph current = repository.get(worksheet.slug()).orElseGet(GraphFactory::createDefaultGraph);
            WorksheetDiff diff = WorksheetDiff.between(
                    repository.names(worksheet.slug()).worksheet(), 0, current, 1, worksheet.content(), ontology, lang);
            ImportPreview.Kind kind = current.isEmpty()
                    ? ImportPreview.Kind.NEW
                    : current.isIsomorphicWith(worksheet.content())
                            ? ImportPreview.Kind.UNCHANGED
                            : ImportPreview.Kind.REPLACED;
            changes.add(new ImportPreview.Change(
                    worksheet.slug(),
                    repository.names(worksheet.slug()).worksheet(),
                    kind,
                    diff,
                    repository.currentVersion(worksheet.slug())));
        }
        return changes;
    }
}
