package jp.kakaritsuke.kb.web.rdf;

import java.io.ByteArrayOutputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Serialises a small model (a description, the ontology, the dataset description) as the body of a response in a given syntax. */
public final class RdfBody {

    private RdfBody() {}

    public static ResponseEntity<byte[]> of(Model model, RdfSyntax syntax) {
        return of(model, syntax, HttpStatus.OK, HttpHeaders.EMPTY);
    }

    /** The same with another status and headers (an error answered to an RDF client). */
    public static ResponseEntity<byte[]> of(Model model, RdfSyntax syntax, HttpStatus status, HttpHeaders headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(model.getGraph()).format(syntax.format()).output(out);
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(syntax.contentType())
                .body(out.toByteArray());
    }
}
