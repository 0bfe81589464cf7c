package jp.kakaritsuke.kb.query;

import java.util.Map;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;

/** Builds the bindings of a named query from string values, by the kinds and types its header declares. */
final class ParameterBinder {

    private ParameterBinder() {}

    static QuerySolutionMap bind(NamedQuery query, Map<String, String> values, String baseIri) {
        for (String given : values.keySet()) {
            if (query.params().stream().noneMatch(p -> p.name().equals(given))) {
                throw new BadParameterException(query.name(), given, "the query has no such parameter");
            }
        }
        QuerySolutionMap bindings = new QuerySolutionMap();
        for (QueryParameter p : query.params()) {
            String value = values.get(p.name());
            if (value == null || value.isBlank()) {
                if (!p.optional()) {
                    throw new BadParameterException(query.name(), p.name(), "a value is required");
                }
                continue;
            }
            bindings.add(p.name(), node(query.name(), p, value.strip(), baseIri));
        }
        return bindings;
    }

    private static RDFNode node(String queryName, QueryParameter p, String value, String baseIri) {
        return switch (p.kind()) {
            case IRI -> ResourceFactory.createResource(iri(queryName, p, value, baseIri));
            case LITERAL -> literal(queryName, p, value);
        };
    }

    private static String iri(String queryName, QueryParameter p, String value, String baseIri) {
        try {
            IRIx iri = IRIx.create(value);
            if (iri.isRelative()) {
                iri = IRIx.create(baseIri).resolve(iri);
            }
            if (!iri.isReference() || iri.hasViolations()) {
                throw new BadParameterException(queryName, p.name(), "not a usable IRI: " + value);
            }
            return iri.str();
        } catch (IRIException e) {
            throw new BadParameterException(
                    queryName, p.name(), "not a valid IRI: " + value + " (" + e.getMessage() + ")");
        }
    }

    private static RDFNode literal(String queryName, QueryParameter p, String value) {
        if (p.type().equals(XSDDatatype.XSDstring.getURI())) {
            return ResourceFactory.createPlainLiteral(value);
        }
        RDFDatatype datatype = TypeMapper.getInstance().getSafeTypeByName(p.type());
        if (!datatype.isValid(value)) {
            throw new BadParameterException(queryName, p.name(), "not a valid " + p.type() + ": " + value);
        }
        return ResourceFactory.createTypedLiteral(value, datatype);
    }
}
