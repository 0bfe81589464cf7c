package jp.kakaritsuke.kb.cross;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.LocalizedText;

/**
 * {@code /causes}: for one function, every cause written on any area's worksheet and the measures that address it,
 * so that regional staff see what other areas chose for the same causes. Runs {@code functions-to-compare.rq} and
 * {@code cause-measure-matrix.rq}.
 */
@Controller
class CauseMatrixController {

    /** The function shown when the reader has not chosen one: 1号機能. */
    static final String DEFAULT_FUNCTION = "f1";

    private final CrossQueries queries;
    private final Links links;

    CauseMatrixController(CrossQueries queries, Links links) {
        this.queries = queries;
        this.links = links;
    }

    @GetMapping(path = "/causes", produces = MediaType.TEXT_HTML_VALUE)
    String causes(@RequestParam(name = "function", required = false) String function, Model model) {
        String lang = LocalizedText.currentLanguage();
        List<FunctionChoice> functions = FunctionChoice.from(queries.select(CrossQueries.FUNCTIONS), lang);
        FunctionChoice selected = choose(functions, function);
        model.addAttribute("lang", lang);
        model.addAttribute("functions", functions);
        model.addAttribute("selected", selected);
        model.addAttribute("matrix", CauseMatrix.build(
                queries.select(CrossQueries.MATRIX, "function", selected.iri()), links, lang));
        return "cross/causes";
    }

    private static FunctionChoice choose(List<FunctionChoice> functions, String requested) {
        if (requested != null && !requested.isBlank()) {
            return functions.stream().filter(f -> f.id().equals(requested.strip())).findFirst()
                    .orElseThrow(() -> new BadRequestException("function",
                            "no function '" + requested.strip() + "' in kk:functions"));
        }
        return functions.stream().filter(f -> f.id().equals(DEFAULT_FUNCTION) && f.worksheetCount() > 0)
                .findFirst()
                .or(() -> functions.stream().filter(f -> f.worksheetCount() > 0).findFirst())
                .or(() -> functions.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException("kk:functions has no concept; is the ontology loaded?"));
    }
}
