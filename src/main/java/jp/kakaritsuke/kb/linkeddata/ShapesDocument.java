package jp.kakaritsuke.kb.linkeddata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The SHACL shapes file, served as written (comments included) at {@code /def/shapes}. */
@Component
class ShapesDocument {

    private final Resource file;

    ShapesDocument(@Value("${kb.linkeddata.shapes:classpath:ontology/shapes.ttl}") Resource file) {
        this.file = file;
    }

    ResponseEntity<byte[]> response() {
        if (!file.exists()) {
            throw new NotFoundException("no shapes file");
        }
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.ok()
                    .contentType(RdfSyntax.TURTLE.contentType())
                    .body(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getDescription(), e);
        }
    }
}
