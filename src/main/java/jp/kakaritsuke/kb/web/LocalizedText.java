package jp.kakaritsuke.kb.web;

import java.util.Locale;
import jp.kakaritsuke.kb.worksheet.Literals;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Picks the literal of a property in the reader's language, falling back to Japanese, then to any. */
public final class LocalizedText {

    private LocalizedText() {}

    /** The current request's language: "ja" or "en". */
    public static String currentLanguage() {
        Locale locale = LocaleContextHolder.getLocale();
        return "en".equals(locale.getLanguage()) ? "en" : "ja";
    }

    /** The value of {@code property} on {@code subject} in the current language, or null. */
    public static String of(Resource subject, Property property) {
        return of(subject, property, currentLanguage());
    }

    /**
     * The value of {@code property} on {@code subject} in {@code lang}, falling back to ja, then to any value
     * ({@link Literals#localized}).
     */
    public static String of(Resource subject, Property property, String lang) {
        return Literals.of(subject.getModel().getGraph(), subject.asNode(), property.asNode())
                .localized(lang);
    }
}
