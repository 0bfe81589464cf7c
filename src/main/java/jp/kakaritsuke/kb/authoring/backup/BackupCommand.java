package jp.kakaritsuke.kb.authoring.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import jp.kakaritsuke.kb.command.CommandLauncher;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The {@code backup} and {@code restore} commands of the application jar:
 * {@code java -jar kakaritsuke-kb.jar backup --out FILE.nq.gz} and {@code … restore --in FILE.nq.gz}, run without a
 * web server. As a bean it does nothing unless the first argument names one of them.
 */
@Component
public class BackupCommand implements ApplicationRunner, ExitCodeGenerator {

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

    private final BackupService backups;
    private int exitCode;

    public BackupCommand(BackupService backups) {
        this.backups = backups;
    }

    /** True when the arguments ask for one of these commands. */
    public static boolean isRequested(String[] args) {
        return args.length > 0 && Set.of(BACKUP, RESTORE).contains(args[0]);
    }

    /**
     * Runs the command in an application context of its own, without a web server.
     *
     * @return the process exit status
     */
    public static int run(Class<?> applicationClass, String[] args) {
        return CommandLauncher.launch(
                applicationClass,
                USAGE,
                args,
                a -> file(a) == null ? a[0] + ": give the file with " + option(a[0]) + " FILE" : null);
    }

    private static String option(String command) {
        return BACKUP.equals(command) ? "--out" : "--in";
    }

    /** The file of {@code --out FILE} / {@code --in FILE} (or {@code --out=FILE}), or null. */
    static Path file(String[] args) {
        String option = option(args[0]);
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(option) && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith(option + "=")) {
                return Path.of(args[i].substring(option.length() + 1));
            }
        }
        return null;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String[] args = arguments.getSourceArgs();
        if (isRequested(args)) {
            exitCode = execute(args, System.err);
        }
    }

    int execute(String[] args, PrintStream log) {
        Path file = file(args);
        if (file == null) {
            log.println(args[0] + ": give the file with " + option(args[0]) + " FILE");
            return 2;
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

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
