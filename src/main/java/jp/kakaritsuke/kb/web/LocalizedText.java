package jp.kakaritsuke.kb.web;

import java.util.Locale;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
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

    /** The value of {@code property} on {@code subject} in {@code lang}, falling back to ja, then to any value. */
    public static String of(Resource subject, Property property, String lang) {
        String ja = null;
        String any = null;
        for (var it = subject.listProperties(property); it.hasNext(); ) {
            Statement s = it.next();
            RDFNode o = s.getObject();
            if (!o.isLiteral()) {
                continue;
            }
            Literal l = o.asLiteral();
            if (lang.equalsIgnoreCase(l.getLanguage())) {
                return l.getLexicalForm();
            }
            if ("ja".equalsIgnoreCase(l.getLanguage())) {
                ja = l.getLexicalForm();
            }
            if (any == null) {
                any = l.getLexicalForm();
            }
        }
        return ja != null ? ja : any;
    }
}
