package jp.kakaritsuke.kb.authoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code kb.authoring.*} settings.
 *
 * @param shapes where the SHACL shapes that every saved worksheet must conform to are read from
 * @param maxUpload the largest request body (worksheet upload, backup upload) accepted; larger ones answer 413
 */
@ConfigurationProperties("kb.authoring")
public record AuthoringProperties(
        @DefaultValue("classpath:ontology/shapes.ttl") String shapes,
        @DefaultValue("5MB") DataSize maxUpload) {}
