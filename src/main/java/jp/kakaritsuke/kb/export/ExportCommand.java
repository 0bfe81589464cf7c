package jp.kakaritsuke.kb.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import jp.kakaritsuke.kb.command.CommandArguments;
import jp.kakaritsuke.kb.command.CommandEntry;
import jp.kakaritsuke.kb.command.CommandLauncher;
import jp.kakaritsuke.kb.command.JarCommand;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.web.rdf.RdfSyntax;
import org.springframework.stereotype.Component;

/**
 * The {@code export} command of the application jar: {@code java -jar kakaritsuke-kb.jar export --format trig
 * --scope prefecture --id 13 --out file.trig} writes the same bytes as {@code /export/prefecture/13.trig}, without
 * starting the web server. As a bean it does nothing unless the first argument is {@code export}.
 */
@Component
public class ExportCommand extends JarCommand {

    /** The first argument that selects the command. */
    public static final String NAME = "export";

    static final String USAGE = """
            Usage: java -jar kakaritsuke-kb.jar export --out FILE [--format ttl|trig|nq|jsonld]
                   [--scope all|area|prefecture|function|worksheet|evidence] [--id ID] [--property=value ...]

            Writes the dataset, or a subset of its worksheet graphs, to FILE.
              --format  ttl (Turtle), trig (TriG, graph names kept; default), nq (N-Quads), jsonld (JSON-LD)
              --scope   all (default); area, with --id pref/13, niji/8/1301, kousou/R7/1301, muni/13101, ...
                        (areas within it included); prefecture, with --id 13; function, with --id f1, f2, f2-ha,
                        ... (narrower functions included); worksheet, with --id its slug
              --help    prints this text
            Spring properties (e.g. --kb.store.tdb2.location=var/tdb2) are passed through. The embedded store can
            be opened by one process at a time: stop the server first, or use kb.store.kind=remote.
            Exit status: 0 written, 1 unknown id or failure, 2 bad arguments.
            """;

    private static final Set<String> OPTIONS = Set.of("format", "scope", "id", "out");

    /** How the jar's main method reaches the command. */
    public static final CommandEntry ENTRY = CommandEntry.of(USAGE, Request::parse, NAME);

    private final DatasetExporter exporter;

    public ExportCommand(DatasetExporter exporter) {
        super(ENTRY);
        this.exporter = exporter;
    }

    @Override
    protected int runCommand(String[] args) {
        return execute(args, System.err);
    }

    /** Parses the arguments and writes the export; messages go to {@code log}. Returns the exit status. */
    int execute(String[] args, PrintStream log) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            return CommandLauncher.refused(args, e, USAGE, log);
        }
        try {
            exporter.graphs(request.selection());
            try (OutputStream stream = Files.newOutputStream(request.out())) {
                exporter.write(request.selection(), request.syntax(), stream);
            }
            log.println("export: wrote " + Files.size(request.out()) + " bytes to " + request.out());
            return 0;
        } catch (NotFoundException e) {
            log.println("export: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException("export: cannot write " + request.out(), e);
        }
    }

    /** A checked command line: what to export, in which syntax, to which file. */
    private record Request(ExportSelection selection, RdfSyntax syntax, Path out) {

        /**
         * Reads the command's own options ({@link CommandArguments}).
         *
         * @throws IllegalArgumentException naming the argument that is wrong
         */
        static Request parse(String[] args) {
            CommandArguments values = CommandArguments.parse(args, OPTIONS, Set.of());
            Path out = Path.of(values.required("out", "give the file to write"));
            try {
                return new Request(
                        ExportSelection.parse(values.value("scope", "all"), values.value("id", null)),
                        DatasetExporter.format(values.value("format", "trig")),
                        out);
            } catch (BadRequestException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
