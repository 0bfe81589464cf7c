package jp.kakaritsuke.kb.sparql;

import java.util.Collection;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;

/**
 * The SPARQL 1.1 Service Description of the public endpoint: what {@code GET /sparql} without a query answers.
 * It names the endpoint, the language (SPARQL 1.1 Query only: the public service takes no updates), the result
 * formats the endpoint negotiates, the union-default-graph feature and the default dataset with one
 * {@code sd:namedGraph} per named graph of the store.
 */
final class ServiceDescription {

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    static final String FORMATS = "http://www.w3.org/ns/formats/";

    /** The result formats the endpoint gives, by their W3C format IRIs. */
    static final List<String> RESULT_FORMATS = List.of(
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "JSON-LD",
            "RDF_XML",
            "N-Triples");

    private ServiceDescription() {}

    static Model describe(String endpointIri, Collection<String> graphNames) {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("sd", SD);
        model.setNsPrefix("formats", FORMATS);
        Resource service = model.createResource()
                .addProperty(RDF.type, model.createResource(SD + "Service"))
                .addProperty(sd(model, "endpoint"), model.createResource(endpointIri))
                .addProperty(sd(model, "supportedLanguage"), model.createResource(SD + "SPARQL11Query"))
                .addProperty(sd(model, "feature"), model.createResource(SD + "UnionDefaultGraph"));
        for (String format : RESULT_FORMATS) {
            service.addProperty(sd(model, "resultFormat"), model.createResource(FORMATS + format));
        }
        Resource dataset = model.createResource()
                .addProperty(RDF.type, model.createResource(SD + "Dataset"))
                .addProperty(
                        sd(model, "defaultGraph"),
                        model.createResource().addProperty(RDF.type, model.createResource(SD + "Graph")));
        for (String name : graphNames.stream().sorted().toList()) {
            dataset.addProperty(
                    sd(model, "namedGraph"),
                    model.createResource()
                            .addProperty(RDF.type, model.createResource(SD + "NamedGraph"))
                            .addProperty(sd(model, "name"), model.createResource(name)));
        }
        service.addProperty(sd(model, "defaultDataset"), dataset);
        return model;
    }

    private static Property sd(Model model, String localName) {
        return model.createProperty(SD, localName);
    }
}
