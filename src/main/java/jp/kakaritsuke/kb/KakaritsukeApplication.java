package jp.kakaritsuke.kb;

import jp.kakaritsuke.kb.authoring.backup.BackupCommand;
import jp.kakaritsuke.kb.authoring.imports.ImportCommand;
import jp.kakaritsuke.kb.export.ExportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The knowledge base of regional consultations on family-doctor functions: web front end and SPARQL service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KakaritsukeApplication {

    public static void main(String[] args) {
        if (ExportCommand.isRequested(args)) {
            System.exit(ExportCommand.run(KakaritsukeApplication.class, args));
        }
        if (BackupCommand.isRequested(args)) {
            System.exit(BackupCommand.run(KakaritsukeApplication.class, args));
        }
        if (ImportCommand.isRequested(args)) {
            System.exit(ImportCommand.run(KakaritsukeApplication.class, args));
        }
        SpringApplication.run(KakaritsukeApplication.class, args);
    }
}
