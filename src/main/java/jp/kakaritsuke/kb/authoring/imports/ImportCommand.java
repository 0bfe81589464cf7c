package jp.kakaritsuke.kb.authoring.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.ValidationFailedException;
import jp.kakaritsuke.kb.authoring.WriteDeniedException;
import jp.kakaritsuke.kb.authoring.security.KbUser;
import jp.kakaritsuke.kb.command.CommandArguments;
import jp.kakaritsuke.kb.command.CommandEntry;
import jp.kakaritsuke.kb.command.CommandLauncher;
import jp.kakaritsuke.kb.command.JarCommand;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The {@code import} command of the application jar: {@code java -jar kakaritsuke-kb.jar import --file
 * worksheets.xlsx [--dry-run] [--user admin] [--comment text]} imports a file as {@code POST /api/import} does,
 * without starting the web server, drawing progress on standard error. As a bean it does nothing unless the first
 * argument is {@code import}.
 */
@Component
public class ImportCommand extends JarCommand {

    /** The first argument that selects the command. */
    public static final String NAME = "import";

    static final String USAGE = """
            Usage: java -jar kakaritsuke-kb.jar import --file FILE [--dry-run] [--user NAME] [--comment TEXT]
                   [--property=value ...]

            Imports the worksheets of FILE (.ttl, .trig, .jsonld, .nt, .nq, .rdf, .csv or .xlsx; see
            the README (Importing worksheets from files) for the tabular layout) in one transaction: all of them or none.
              --file     the file to import
              --dry-run  check the file and print what would change, writing nothing
              --user     the configured account (kb.security.users) whose rights apply and who is recorded as the
                         author in the history; default admin
              --comment  the comment recorded in the history
              --help     prints this text
            Spring properties (e.g. --kb.store.tdb2.location=var/tdb2) are passed through. The embedded store can
            be opened by one process at a time: stop the server first, or use kb.store.kind=remote.
            Exit status: 0 imported (or would import), 1 refused (problems are listed), 2 bad arguments.
            """;

    private static final Set<String> OPTIONS = Set.of("file", "user", "comment");
    private static final Set<String> FLAGS = Set.of("dry-run");

    /** How the jar's main method reaches the command. */
    public static final CommandEntry ENTRY = CommandEntry.of(USAGE, Request::parse, NAME);

    private final WorksheetImporter importer;
    private final ImportMessages messages;
    private final UserDetailsService users;

    ImportCommand(WorksheetImporter importer, ImportMessages messages, UserDetailsService users) {
        super(ENTRY);
        this.importer = importer;
        this.messages = messages;
        this.users = users;
    }

    @Override
    protected int runCommand(String[] args) {
        return execute(args, System.out, System.err);
    }

    /** Parses the arguments and imports; the summary goes to {@code out}, progress and problems to {@code err}. */
    int execute(String[] args, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            return CommandLauncher.refused(args, e, USAGE, err);
        }
        Author author;
        try {
            UserDetails user = users.loadUserByUsername(request.user());
            if (!(user instanceof KbUser kbUser)) {
                throw new UsernameNotFoundException(request.user());
            }
            author = kbUser.author();
        } catch (UsernameNotFoundException e) {
            err.println("import: --user " + request.user() + ": no such account in kb.security.users");
            return 2;
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(request.file())) {
            content = importer.readLimited(in, Files.size(request.file()));
        } catch (IOException e) {
            err.println("import: cannot read " + request.file() + ": " + e.getMessage());
            return 2;
        } catch (ImportRejectedException e) {
            return refused(e, err);
        }
        ImportProgress progress = ImportProgress.bar(err);
        try {
            ImportFormat format =
                    ImportFormat.detect(request.file().getFileName().toString(), null);
            List<ParsedWorksheet> worksheets =
                    importer.read(request.file().getFileName().toString(), format, content, progress);
            String name = request.file().getFileName().toString();
            ImportPreview preview = request.dryRun()
                    ? importer.preview(name, format, worksheets, author, "en", progress)
                    : importer.apply(name, format, worksheets, author, request.comment(), "en", progress);
            print(preview, request.dryRun(), out);
            return 0;
        } catch (ImportRejectedException e) {
            return refused(e, err);
        } catch (ValidationFailedException | WriteDeniedException e) {
            err.println("import: refused, nothing written: " + e.getMessage());
            return 1;
        }
    }

    private int refused(ImportRejectedException e, PrintStream err) {
        err.println("import: refused (" + e.reason().status().value() + " "
                + e.reason().name().toLowerCase(Locale.ROOT) + "), nothing written:");
        for (ImportProblem problem : e.problems()) {
            err.println("  " + messages.line(problem, Locale.ENGLISH));
        }
        return 1;
    }

    private static void print(ImportPreview preview, boolean dryRun, PrintStream out) {
        out.println((dryRun ? "Dry run, nothing written: " : "Imported in one transaction: ")
                + preview.worksheets().size() + " worksheet(s) from " + preview.filename());
        for (ImportPreview.Change change : preview.worksheets()) {
            String version = preview.saved().stream()
                    .filter(s -> s.slug().equals(change.slug()))
                    .findFirst()
                    .map(s -> ", version " + s.version())
                    .orElse("");
            out.println("  " + change.slug() + ": " + change.kind().id() + ", +"
                    + change.diff().added() + " -" + change.diff().removed() + " statements" + version);
        }
    }

    /** A checked command line. */
    private record Request(Path file, boolean dryRun, String user, String comment) {

        /**
         * Reads the command's own options ({@link CommandArguments}).
         *
         * @throws IllegalArgumentException naming the argument that is wrong
         */
        static Request parse(String[] args) {
            CommandArguments values = CommandArguments.parse(args, OPTIONS, FLAGS);
            Path file = Path.of(values.required("file", "give the file to import"));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--file " + file + ": no such file");
            }
            try {
                ImportFormat.detect(file.getFileName().toString(), null);
            } catch (ImportRejectedException e) {
                throw new IllegalArgumentException(
                        "--file " + file + ": not a file the import reads; give one of " + ImportFormat.known(), e);
            }
            return new Request(
                    file,
                    values.flag("dry-run"),
                    values.value("user", "admin"),
                    values.value("comment", "import of " + file.getFileName()));
        }
    }
}
