package jp.kakaritsuke.kb.authoring.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.ValidationFailedException;
import jp.kakaritsuke.kb.authoring.WriteDeniedException;
import jp.kakaritsuke.kb.authoring.security.KbUser;
import jp.kakaritsuke.kb.command.CommandLauncher;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
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
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

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

    private final WorksheetImporter importer;
    private final ImportMessages messages;
    private final UserDetailsService users;
    private int exitCode;

    ImportCommand(WorksheetImporter importer, ImportMessages messages, UserDetailsService users) {
        this.importer = importer;
        this.messages = messages;
        this.users = users;
    }

    /** True when the arguments ask for this command. */
    public static boolean isRequested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /**
     * Runs the command in an application context of its own, without a web server.
     *
     * @return the process exit status
     */
    public static int run(Class<?> applicationClass, String[] args) {
        return CommandLauncher.launch(applicationClass, USAGE, args, a -> {
            try {
                Request.parse(a);
                return null;
            } catch (IllegalArgumentException e) {
                return NAME + ": " + e.getMessage();
            }
        });
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String[] args = arguments.getSourceArgs();
        if (isRequested(args)) {
            exitCode = execute(args, System.out, System.err);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Parses the arguments and imports; the summary goes to {@code out}, progress and problems to {@code err}. */
    int execute(String[] args, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("import: " + e.getMessage());
            err.print(USAGE);
            return 2;
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
         * Reads the command's own options; {@code --a.b=c} arguments that are not options are Spring properties and
         * are left alone.
         *
         * @throws IllegalArgumentException naming the argument that is wrong
         */
        static Request parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean dryRun = false;
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException(arg + ": unexpected argument");
                }
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (FLAGS.contains(name)) {
                    dryRun = value == null || Boolean.parseBoolean(value);
                    continue;
                }
                if (!OPTIONS.contains(name)) {
                    if (eq >= 0) {
                        continue;
                    }
                    throw new IllegalArgumentException("--" + name + ": unknown option");
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + ": needs a value");
                    }
                    value = args[++i];
                }
                values.put(name, value);
            }
            if (!values.containsKey("file")) {
                throw new IllegalArgumentException("--file: missing; give the file to import");
            }
            Path file = Path.of(values.get("file"));
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
                    dryRun,
                    values.getOrDefault("user", "admin"),
                    values.getOrDefault("comment", "import of " + file.getFileName()));
        }
    }
}
