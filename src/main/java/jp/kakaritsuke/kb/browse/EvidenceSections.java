package jp.kakaritsuke.kb.browse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jp.kakaritsuke.kb.store.KeptUntilWrite;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The evidence parts of an area page (population, demand chart, facilities and their map; areas like this one),
 * rendered from {@code browse/area-evidence.html} and kept until the next write: they are the largest part of the page
 * and depend only on the store, the area, the reader's filters and the language, so a reader after the first is
 * served the kept HTML instead of the queries and rendering again. The values are escaped by the template as
 * everywhere else; the page includes the result unescaped.
 */
@Component
class EvidenceSections {

    /** Kept parts at most: about the default views of every 構想区域 and prefecture in one language, ~20 MB. */
    private static final int KEPT = 400;

    private static final String TEMPLATE = "browse/area-evidence";

    private final ITemplateEngine templates;
    private final KeptUntilWrite<String> rendered;

    EvidenceSections(ITemplateEngine templates, KnowledgeStore store) {
        this.templates = templates;
        this.rendered = new KeptUntilWrite<>(store, KEPT);
    }

    /**
     * The HTML of {@code fragment} ({@code evidence} or {@code like}) for {@code key} (everything the part depends on
     * besides the language), or null when {@code value} gives null (no evidence for the area).
     *
     * @param variable the name the template reads the value under
     */
    String render(String fragment, List<?> key, String variable, Supplier<?> value) {
        Locale locale = LocaleContextHolder.getLocale();
        return rendered.get(List.of(fragment, key, locale), k -> {
            Object model = value.get();
            return model == null
                    ? ""
                    : templates.process(TEMPLATE, Set.of(fragment), new Context(locale, Map.of(variable, model)));
        });
    }
}
