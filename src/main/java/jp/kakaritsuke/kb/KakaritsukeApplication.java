package jp.kakaritsuke.kb;

import java.util.List;
import jp.kakaritsuke.kb.authoring.backup.BackupCommand;
import jp.kakaritsuke.kb.authoring.imports.ImportCommand;
import jp.kakaritsuke.kb.command.CommandEntry;
import jp.kakaritsuke.kb.export.ExportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The knowledge base of regional consultations on family-doctor functions: web front end and SPARQL service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KakaritsukeApplication {

    public static void main(String[] args) {
        for (CommandEntry command : List.of(ExportCommand.ENTRY, BackupCommand.ENTRY, ImportCommand.ENTRY)) {
            if (command.isRequested(args)) {
                System.exit(command.run(KakaritsukeApplication.class, args));
            }
        }
        SpringApplication.run(KakaritsukeApplication.class, args);
    }
}
