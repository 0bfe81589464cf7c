package jp.kakaritsuke.kb.authoring.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import jp.kakaritsuke.kb.command.CommandArguments;
import jp.kakaritsuke.kb.command.CommandEntry;
import jp.kakaritsuke.kb.command.CommandLauncher;
import jp.kakaritsuke.kb.command.JarCommand;
import org.springframework.stereotype.Component;

/**
 * The {@code backup} and {@code restore} commands of the application jar:
 * {@code java -jar kakaritsuke-kb.jar backup --out FILE.nq.gz} and {@code … restore --in FILE.nq.gz}, run without a
 * web server. As a bean it does nothing unless the first argument names one of them.
 */
@Component
public class BackupCommand extends JarCommand {

    static final String BACKUP = "backup";
    static final String RESTORE = "restore";

    static final String USAGE = """
            Usage: java -jar kakaritsuke-kb.jar backup --out FILE.nq.gz [--property=value ...]
                   java -jar kakaritsuke-kb.jar restore --in FILE.nq.gz [--property=value ...]

            backup writes every named graph of the store, as one consistent snapshot, to FILE as gzipped N-Quads.
            restore replaces the whole store with FILE, in one transaction (a broken file changes nothing).
            Spring properties (e.g. --kb.store.tdb2.location=var/tdb2) are passed through. The embedded store can be
            opened by one process at a time: while the server runs, use the page /admin/backup instead.
            Exit status: 0 done, 1 failure, 2 bad arguments.
            """;

    /** How the jar's main method reaches the commands. */
    public static final CommandEntry ENTRY = CommandEntry.of(USAGE, BackupCommand::file, BACKUP, RESTORE);

    private final BackupService backups;

    public BackupCommand(BackupService backups) {
        super(ENTRY);
        this.backups = backups;
    }

    /**
     * The file of {@code backup --out FILE} / {@code restore --in FILE} ({@link CommandArguments}).
     *
     * @throws IllegalArgumentException when it is missing or another argument is wrong
     */
    static Path file(String[] args) {
        String option = BACKUP.equals(args[0]) ? "out" : "in";
        return Path.of(CommandArguments.parse(args, Set.of(option), Set.of())
                .required(option, "give the file with --" + option + " FILE"));
    }

    @Override
    protected int runCommand(String[] args) {
        return execute(args, System.err);
    }

    int execute(String[] args, PrintStream log) {
        Path file;
        try {
            file = file(args);
        } catch (IllegalArgumentException e) {
            return CommandLauncher.refused(args, e, USAGE, log);
        }
        try {
            if (BACKUP.equals(args[0])) {
                BackupService.Summary summary = backups.backup(file);
                log.println("backup: wrote " + summary.quads() + " quads (" + Files.size(file) + " bytes) to " + file);
            } else {
                if (!Files.isRegularFile(file)) {
                    log.println("restore: no such file " + file);
                    return 1;
                }
                BackupService.Summary summary = backups.restore(file);
                log.println("restore: replaced the store with " + summary.quads() + " quads from " + file);
            }
            return 0;
        } catch (RuntimeException | IOException e) {
            log.println(args[0] + ": " + e.getMessage());
            return 1;
        }
    }
}
