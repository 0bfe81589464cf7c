package jp.kakaritsuke.kb.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import jp.kakaritsuke.kb.KakaritsukeApplication;
import org.junit.jupiter.api.Test;

class CommandLauncherTest {

    private static final String USAGE = "usage: demo --file FILE\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsTheUsageAndStartsNothing() {
        int status = launch(new String[] {"demo", "--help"}, args -> {
            throw new AssertionError("never asked");
        });
        assertEquals(0, status);
        assertEquals(USAGE, out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusedArgumentsPrintTheProblemAndTheUsageAndExitWithTwo() {
        int status = launch(
                new String[] {"demo"},
                args -> CommandArguments.parse(args, Set.of("file"), Set.of())
                        .required("file", "give the file with --file FILE"));
        assertEquals(2, status);
        assertEquals(
                "demo: --file: missing; give the file with --file FILE\n" + USAGE,
                err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    private int launch(String[] args, Consumer<String[]> problem) {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return CommandLauncher.launch(KakaritsukeApplication.class, USAGE, args, problem, o, e);
        }
    }

    @Test
    void optionsFlagsAndSpringPropertiesAreReadTheSameWayForEveryCommand() {
        CommandArguments args = CommandArguments.parse(
                new String[] {"demo", "--file", "a.ttl", "--dry-run", "--kb.base-iri=http://x/", "--user=ed"},
                Set.of("file", "user"),
                Set.of("dry-run"));
        assertEquals("demo", args.command());
        assertEquals("a.ttl", args.value("file", null));
        assertEquals("ed", args.value("user", "admin"));
        assertEquals("none", args.value("comment", "none"));
        assertEquals(true, args.flag("dry-run"));
        for (List<String> wrong :
                List.of(List.of("demo", "stray"), List.of("demo", "--nope"), List.of("demo", "--file"))) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class,
                    () -> CommandArguments.parse(wrong.toArray(String[]::new), Set.of("file"), Set.of()));
            assertEquals(true, e.getMessage().startsWith(wrong.get(1)), e.getMessage());
        }
    }
}
