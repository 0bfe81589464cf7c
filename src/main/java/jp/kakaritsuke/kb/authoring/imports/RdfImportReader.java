package jp.kakaritsuke.kb.authoring.imports;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.authoring.InputLimits;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads worksheets from an RDF file (Turtle, TriG, JSON-LD, N-Triples, N-Quads, RDF/XML), relative IRIs resolved
 * against the base IRI. A file may hold many worksheets: in a dataset syntax each in its own graph
 * {@code graph/worksheet/{slug}}, and in the default graph (of any syntax) each by its IRIs — the worksheet
 * {@code id/worksheet/{slug}} typed {@code kk:Worksheet}, its items under {@code id/worksheet/{slug}/…}, and blank
 * nodes they refer to. A statement that belongs to no worksheet, and a graph of another name, are refused.
 */
final class RdfImportReader {

    private RdfImportReader() {}

    /**
     * @throws ImportRejectedException (400) naming the line and column of a syntax error, of a nesting deeper than
     *     the {@link InputLimits} or of an RDF/XML external entity, or what belongs nowhere
     */
    static List<ParsedWorksheet> read(byte[] bytes, ImportFormat format, String base, InputLimits limits) {
        limits.check(bytes, format.lang()).ifPresent(refusal -> {
            throw ImportRejectedException.malformed(ImportProblem.of(
                    Where.position(refusal.line(), refusal.column()),
                    refusal.kind() == InputLimits.Refusal.Kind.DEPTH
                            ? "import.problem.depth"
                            : "import.problem.externalEntity",
                    refusal.limit()));
        });
        DatasetGraph parsed = DatasetGraphFactory.createGeneral();
        try {
            RDFParser.source(new ByteArrayInputStream(bytes))
                    .lang(format.lang())
                    .base(base)
                    .errorHandler(new FailFast())
                    .parse(parsed);
        } catch (ImportRejectedException e) {
            throw e;
        } catch (RiotException e) {
            throw ImportRejectedException.malformed(
                    ImportProblem.of(Where.file(), "import.problem.syntax", String.valueOf(e.getMessage())));
        } catch (StackOverflowError e) {
            // A nesting the text scan does not count went too deep for the parser.
            throw ImportRejectedException.malformed(
                    ImportProblem.of(Where.file(), "import.problem.depth", limits.maxDepth()));
        }
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Graph> worksheets = new LinkedHashMap<>();
        String graphPrefix = WorksheetNames.graphPrefix(base);
        for (var it = parsed.listGraphNodes(); it.hasNext(); ) {
            Node name = it.next();
            String slug = name.isURI() && name.getURI().startsWith(graphPrefix)
                    ? name.getURI().substring(graphPrefix.length())
                    : null;
            if (slug == null || !WorksheetNames.isSlug(slug)) {
                problems.add(ImportProblem.of(
                        Where.file(), "import.problem.graph", name.toString(), graphPrefix + "{slug}"));
                continue;
            }
            Graph graph = worksheets.computeIfAbsent(slug, s -> GraphFactory.createDefaultGraph());
            parsed.getGraph(name).find().forEachRemaining(graph::add);
        }
        splitDefaultGraph(parsed.getDefaultGraph(), base, worksheets, problems);
        if (worksheets.isEmpty() && problems.isEmpty()) {
            problems.add(ImportProblem.of(Where.file(), "import.problem.noWorksheet"));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.MALFORMED, problems);
        }
        List<ParsedWorksheet> result = new ArrayList<>();
        worksheets.forEach((slug, graph) ->
                result.add(new ParsedWorksheet(slug, graph, Where.worksheet(slug), Map.of(), Map.of())));
        return result;
    }

    /** Assigns the default graph's statements to the worksheets whose IRIs (or blank nodes) they are about. */
    private static void splitDefaultGraph(
            Graph graph, String base, Map<String, Graph> worksheets, List<ImportProblem> problems) {
        if (graph.isEmpty()) {
            return;
        }
        String prefix = WorksheetNames.worksheetPrefix(base);
        List<String> slugs = new ArrayList<>();
        for (Triple t :
                graph.find(Node.ANY, RDF.type.asNode(), KK.Worksheet.asNode()).toList()) {
            Node s = t.getSubject();
            String slug =
                    s.isURI() && s.getURI().startsWith(prefix) ? s.getURI().substring(prefix.length()) : null;
            if (slug == null || !WorksheetNames.isSlug(slug)) {
                problems.add(
                        ImportProblem.of(Where.file(), "import.problem.worksheetIri", s.toString(), prefix + "{slug}"));
            } else {
                slugs.add(slug);
            }
        }
        Map<Node, String> owner = new HashMap<>();
        List<Triple> triples = graph.find().toList();
        for (Triple t : triples) {
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(prefix)) {
                for (String slug : slugs) {
                    String iri = prefix + slug;
                    if (s.getURI().equals(iri) || s.getURI().startsWith(iri + "/")) {
                        owner.put(s, slug);
                    }
                }
            }
        }
        // Blank nodes belong to the worksheet whose statements refer to them, however deep.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Triple t : triples) {
                String slug = owner.get(t.getSubject());
                if (slug != null && t.getObject().isBlank() && !owner.containsKey(t.getObject())) {
                    owner.put(t.getObject(), slug);
                    grew = true;
                }
            }
        }
        for (Triple t : triples) {
            String slug = owner.get(t.getSubject());
            if (slug == null) {
                problems.add(ImportProblem.of(
                        Where.file(), "import.problem.orphan", t.getSubject().toString()));
                continue;
            }
            worksheets
                    .computeIfAbsent(slug, s -> GraphFactory.createDefaultGraph())
                    .add(t);
        }
        // One message per subject is enough.
        List<ImportProblem> distinct = problems.stream().distinct().toList();
        problems.clear();
        problems.addAll(distinct);
    }

    /** Stops at the first error, reporting its line and column. */
    private static final class FailFast implements ErrorHandler {

        @Override
        public void warning(String message, long line, long col) {
            // Warnings (an unusual IRI, say) do not make the file unreadable; SHACL judges the content.
        }

        @Override
        public void error(String message, long line, long col) {
            throw ImportRejectedException.malformed(
                    ImportProblem.of(Where.position(line, col), "import.problem.syntax", message));
        }

        @Override
        public void fatal(String message, long line, long col) {
            error(message, line, col);
        }
    }
}
