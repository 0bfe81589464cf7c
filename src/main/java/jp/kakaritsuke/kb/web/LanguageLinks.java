package jp.kakaritsuke.kb.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Puts the header's language links into every page's model: the page's own address, its query kept (the search,
 * its filters and page, the worksheets compared), with {@code lang} set to {@code ja} or {@code en}.
 */
@ControllerAdvice
public class LanguageLinks {

    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        return Map.of("ja", link(request, "ja"), "en", link(request, "en"));
    }

    private static String link(HttpServletRequest request, String lang) {
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("lang", lang)
                .build()
                .toUriString();
    }
}
