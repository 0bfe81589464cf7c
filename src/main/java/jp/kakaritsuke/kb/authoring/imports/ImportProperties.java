package jp.kakaritsuke.kb.authoring.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code kb.import.*} settings.
 *
 * @param maxUpload the largest file (or request body) the import accepts; larger ones answer 413 and are not read
 */
@ConfigurationProperties("kb.import")
public record ImportProperties(@DefaultValue("20MB") DataSize maxUpload) {}
