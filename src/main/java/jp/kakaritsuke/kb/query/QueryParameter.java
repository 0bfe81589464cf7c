package jp.kakaritsuke.kb.query;

import java.util.Objects;

/**
 * One parameter of a named query, as declared by a {@code # param:} (or {@code # param?:}) header line.
 *
 * <p>A parameter is a variable of the query left unbound in the file; callers bind it by name.
 *
 * @param name the variable name, without {@code ?}
 * @param kind whether the value is an IRI or a literal
 * @param type the full IRI of the expected class (for an IRI) or datatype (for a literal)
 * @param labelJa the Japanese label, for forms
 * @param labelEn the English label, for forms
 * @param optional true when the query also runs with the variable unbound
 */
public record QueryParameter(String name, Kind kind, String type, String labelJa, String labelEn, boolean optional) {

    /** How a parameter value is turned into an RDF term. */
    public enum Kind {
        /** An IRI, absolute or relative to the instance base. */
        IRI,
        /** A literal of the declared datatype. */
        LITERAL
    }

    public QueryParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(labelJa, "labelJa");
        Objects.requireNonNull(labelEn, "labelEn");
    }

    /** The label in {@code lang} ("ja" or "en"); Japanese for any other language. */
    public String label(String lang) {
        return "en".equals(lang) ? labelEn : labelJa;
    }
}
