package jp.kakaritsuke.kb.sparql;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jp.kakaritsuke.kb.query.BadParameterException;
import jp.kakaritsuke.kb.query.NamedQuery;
import jp.kakaritsuke.kb.query.NamedQueryCatalog;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.LocalizedText;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The query page {@code /query}: a SPARQL editor, the named queries of {@code queries/} as examples, and the
 * results of a query rendered on the server, so the page works without JavaScript and every state has a link:
 * {@code /query?query=…} for a query text, {@code /query?name=…&param=…} for a named query with its parameters.
 * Downloads go to the public endpoint {@code /sparql} with a {@code format} parameter.
 */
@Controller
class QueryPageController {

    /** Request parameters of the page itself; every other parameter is a named query's parameter. */
    private static final Set<String> PAGE_PARAMETERS = Set.of("query", "name", "lang");

    private final NamedQueryCatalog catalog;
    private final PageQueryRunner runner;
    private final String baseIri;

    QueryPageController(NamedQueryCatalog catalog, PageQueryRunner runner, StoreProperties properties) {
        this.catalog = catalog;
        this.runner = runner;
        this.baseIri = properties.baseIri();
    }

    @GetMapping(value = "/query", produces = MediaType.TEXT_HTML_VALUE)
    String page(
            @RequestParam(required = false) String query,
            @RequestParam(required = false) String name,
            @RequestParam Map<String, String> parameters,
            Model model,
            HttpServletResponse response) {
        String lang = LocalizedText.currentLanguage();
        model.addAttribute(
                "examples",
                catalog.published().stream()
                        .map(q -> new Example(q.name(), q.title(lang), q.description(lang)))
                        .toList());
        model.addAttribute("maxRows", runner.maxRows());
        if (name != null && !name.isBlank()) {
            namedQuery(name, parameters, lang, model, response);
        } else if (query != null && !query.isBlank()) {
            adHocQuery(query, model, response);
        } else {
            model.addAttribute("queryText", "");
        }
        return "sparql/query";
    }

    private void namedQuery(
            String name, Map<String, String> parameters, String lang, Model model, HttpServletResponse response) {
        // An unknown name is a NamedQueryNotFoundException: the error advice answers 404.
        NamedQuery named = catalog.get(name);
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((key, value) -> {
            if (!PAGE_PARAMETERS.contains(key)) {
                values.put(key, value);
            }
        });
        model.addAttribute("named", named);
        model.addAttribute("namedTitle", named.title(lang));
        model.addAttribute("namedDescription", named.description(lang));
        model.addAttribute(
                "params",
                named.params().stream()
                        .map(p -> new ParamField(
                                p.name(), p.label(lang), values.getOrDefault(p.name(), ""), p.optional()))
                        .toList());
        model.addAttribute("queryText", named.query().serialize());
        boolean ready = named.params().stream()
                .allMatch(
                        p -> p.optional() || !values.getOrDefault(p.name(), "").isBlank());
        if (!ready) {
            return;
        }
        QuerySolutionMap bindings;
        try {
            bindings = named.bindings(values, baseIri);
        } catch (BadParameterException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.getMessage());
            return;
        }
        // The downloadable text is the query with the values put in place of the variables by Jena's syntax
        // transform (never by editing text), so any SPARQL client gets the same rows as the page.
        Map<Var, Node> substitution = new LinkedHashMap<>();
        bindings.varNames()
                .forEachRemaining(
                        v -> substitution.put(Var.alloc(v), bindings.get(v).asNode()));
        Query bound = QueryTransformOps.replaceVars(named.query(), substitution);
        showResults(bound, () -> runner.run(named.query(), bindings), model, response);
        UriComponentsBuilder share = UriComponentsBuilder.fromPath("/query").queryParam("name", "{name}");
        List<Object> shareValues = new ArrayList<>(List.of(name));
        for (Map.Entry<String, String> e : values.entrySet()) {
            share.queryParam(e.getKey(), "{v" + shareValues.size() + "}");
            shareValues.add(e.getValue());
        }
        model.addAttribute(
                "shareLink",
                share.encode().buildAndExpand(shareValues.toArray()).toUriString());
    }

    private void adHocQuery(String text, Model model, HttpServletResponse response) {
        model.addAttribute("queryText", text);
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.getMessage());
            return;
        }
        showResults(query, () -> runner.run(query, new QuerySolutionMap()), model, response);
        model.addAttribute(
                "shareLink",
                UriComponentsBuilder.fromPath("/query")
                        .queryParam("query", "{q}")
                        .encode()
                        .buildAndExpand(text)
                        .toUriString());
    }

    /**
     * Runs the query and puts its table on the page. A result larger than the byte cap is a 413 with a notice and
     * no table; a result the row cap may have cut says so (a notice, and the {@link RowCap#HEADER} header).
     */
    private void showResults(Query text, Supplier<QueryOutcome> run, Model model, HttpServletResponse response) {
        QueryOutcome outcome;
        try {
            outcome = run.get();
        } catch (ResultTooLargeException e) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            model.addAttribute("tooLarge", e.limit());
            return;
        }
        if (outcome.capped()) {
            response.setHeader(RowCap.HEADER, Long.toString(runner.maxRows()));
        }
        model.addAttribute("outcome", outcome);
        model.addAttribute("downloads", Download.forQuery(text));
    }

    /** A named query offered as an example. */
    record Example(String name, String title, String description) {}

    /** An input of a named query's parameter. */
    record ParamField(String name, String label, String value, boolean optional) {}
}
