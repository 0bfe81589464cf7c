package jp.kakaritsuke.kb.authoring.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts import problems and template texts into words, from the {@code import.} messages of the authoring bundle: in
 * the reader's language on pages, in English for the REST API and the command line.
 */
@Component
class ImportMessages implements LayoutFiles.Texts {

    private final MessageSource messages;

    ImportMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Where the problem is. */
    String where(ImportProblem problem, Locale locale) {
        Where where = problem.where();
        return messages.getMessage(where.messageKey(), where.messageArgs(), where.toString(), locale);
    }

    /** What the problem is. */
    String message(ImportProblem problem, Locale locale) {
        Object[] args = problem.args().stream()
                .map(a -> a instanceof Where w
                        ? messages.getMessage(w.messageKey(), w.messageArgs(), w.toString(), locale)
                        : a)
                .toArray();
        return messages.getMessage(problem.key(), args, problem.toString(), locale);
    }

    /** The problem as one line: place, then message. */
    String line(ImportProblem problem, Locale locale) {
        return where(problem, locale) + ": " + message(problem, locale);
    }

    /**
     * The problems as JSON-ready maps: {@code where}, {@code message}, {@code rule}; for a shape's result also the
     * {@code item} (原因①), both messages and the RDF detail ({@code focusNode}, {@code resultPath}).
     */
    List<Map<String, Object>> json(List<ImportProblem> problems, Locale locale) {
        return problems.stream()
                .map(p -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    map.put("where", where(p, locale));
                    map.put("message", message(p, locale));
                    map.put("rule", p.key().substring("import.problem.".length()));
                    if ("import.problem.shacl".equals(p.key()) && p.args().size() >= 7) {
                        // The plain-language message names the item; the RDF detail stays for programs.
                        map.put("item", p.args().get(locale.getLanguage().equals("ja") ? 5 : 6));
                        map.put("messageJa", p.args().get(0));
                        map.put("messageEn", p.args().get(1));
                        map.put("focusNode", p.args().get(3));
                        map.put("resultPath", p.args().get(4));
                    }
                    return map;
                })
                .toList();
    }

    @Override
    public String ja(String key) {
        return messages.getMessage(key, null, key, Locale.JAPANESE);
    }

    @Override
    public String en(String key) {
        return messages.getMessage(key, null, key, Locale.ENGLISH);
    }
}
