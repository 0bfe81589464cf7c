package jp.kakaritsuke.kb.cross;

import java.util.regex.Pattern;
import jp.kakaritsuke.kb.store.StoreProperties;
import jp.kakaritsuke.kb.web.rdf.IriLinks;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.springframework.stereotype.Component;

/** Links of the cross pages: IRIs to the app's own paths ({@link IriLinks}), the IRIs of a worksheet's items. */
@Component
class Links {

    /** Local identifiers of vocabulary terms as the README's IRI conventions mint them. */
    private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String base;
    private final IriLinks links;

    Links(StoreProperties properties) {
        this.base = properties.baseIri();
        this.links = new IriLinks(base);
    }

    /** The path of the page that describes {@code iri}, or the IRI itself when it is not the app's. */
    String href(String iri) {
        return links.href(iri);
    }

    /** The IRI of cause {@code n} of worksheet {@code slug}. */
    String causeIri(String slug, int n) {
        return new WorksheetNames(base, slug).item(ItemKind.CAUSE, 0, n);
    }

    /** True if {@code value} can be a local identifier of a vocabulary term. */
    static boolean isLocalId(String value) {
        return value != null && LOCAL_ID.matcher(value).matches();
    }

    /** The local part of a vocabulary term, e.g. {@code f2-i} of {@code …/function/f2-i}. */
    static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
        return iri.substring(cut + 1);
    }
}
