package jp.kakaritsuke.kb.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.AbstractLinkBuilder;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Links in pages only for safe schemes. Data may hold any IRI (an editor may save {@code rdfs:seeAlso
 * <javascript:…>}); every {@code th:href} and {@code th:src} of the templates goes through this link builder, which
 * gives no link for a scheme other than {@code http}, {@code https}, {@code mailto}, {@code urn} and {@code ftp}:
 * Thymeleaf then leaves the attribute out, so the IRI shows as text (the templates print it with {@code th:text}).
 * Relative links (the application's own pages) are untouched.
 */
@Component
class SafeLinks implements BeanPostProcessor {

    static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "urn", "ftp");
    private static final Pattern SCHEME = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*):");

    /** Whether {@code link} may be an href: relative, or with a safe scheme. */
    static boolean isSafe(String link) {
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
        String compact = link.replaceAll("[\\x00-\\x20\\x7f]", "");
        Matcher m = SCHEME.matcher(compact);
        return !m.find() || SAFE_SCHEMES.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof SpringTemplateEngine engine) {
            StandardLinkBuilder standard = new StandardLinkBuilder();
            engine.setLinkBuilder(new AbstractLinkBuilder() {
                @Override
                public String buildLink(IExpressionContext context, String base, Map<String, Object> parameters) {
                    return base == null || !isSafe(base) ? null : standard.buildLink(context, base, parameters);
                }
            });
        }
        return bean;
    }
}
