package jp.kakaritsuke.kb.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.junit.jupiter.api.Test;

/**
 * Every message of the SHACL shapes is written for a regional official: one in Japanese and one in English, and none
 * speaks RDF (prefixed names such as {@code xsd:} or {@code kk:}, language tags such as {@code @ja}, datatypes
 * {@code ^^}). The RDF detail stays in the validation report (focus node, path, shape) for API clients.
 */
class ShapeMessagesTest {

    private static final Pattern RDF_TERMS = Pattern.compile(
            "\\b(xsd|kk|rdf|rdfs|skos|org|dct|prov|sh|owl|schema)[A-Za-z]*:[A-Za-z]|@(ja|en)\\b|\\^\\^");

    @Test
    void everyShapeMessageIsPlainLanguageInJapaneseAndEnglish() {
        Model shapes = RDFDataMgr.loadModel("ontology/shapes.ttl");
        List<String> problems = new ArrayList<>();
        int shapesWithMessages = 0;
        Property messageProperty = shapes.createProperty(SHACL.NS + "message");
        for (Resource shape : shapes.listSubjectsWithProperty(messageProperty).toList()) {
            shapesWithMessages++;
            Set<String> languages = new TreeSet<>();
            for (RDFNode message :
                    shapes.listObjectsOfProperty(shape, messageProperty).toList()) {
                String text = message.asLiteral().getLexicalForm();
                languages.add(message.asLiteral().getLanguage());
                if (RDF_TERMS.matcher(text).find()) {
                    problems.add(shape + ": " + text);
                }
            }
            if (!languages.equals(Set.of("en", "ja"))) {
                problems.add(shape + ": messages in " + languages + ", not in ja and en");
            }
        }
        assertTrue(shapesWithMessages > 50, "the shapes carry their messages: " + shapesWithMessages);
        assertEquals(List.of(), problems, "messages a regional official cannot read");
    }

    @Test
    void theCheckCatchesRdfTerms() {
        for (String rdf :
                List.of("年度は西暦の年（xsd:gYear）", "記載の原文（@ja）", "例 \"2026\"^^xsd:gYear", "a concept of kk:functions")) {
            assertTrue(RDF_TERMS.matcher(rdf).find(), rdf);
        }
        for (String plain : List.of("年度は 2026 や 令和8年度 のように書いてください。", "Choose the area: Tokyo, …", "時間: 10:30")) {
            assertTrue(!RDF_TERMS.matcher(plain).find(), plain);
        }
    }
}
