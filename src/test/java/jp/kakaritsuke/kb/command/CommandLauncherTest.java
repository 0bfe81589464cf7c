package jp.kakaritsuke.kb.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import jp.kakaritsuke.kb.KakaritsukeApplication;
import org.junit.jupiter.api.Test;

class CommandLauncherTest {

    private static final String USAGE = "usage: demo --file FILE\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsTheUsageAndStartsNothing() {
        int status = launch(new String[] {"demo", "--help"}, args -> "never asked");
        assertEquals(0, status);
        assertEquals(USAGE, out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusedArgumentsPrintTheProblemAndTheUsageAndExitWithTwo() {
        int status = launch(new String[] {"demo"}, args -> "demo: give the file with --file FILE");
        assertEquals(2, status);
        assertEquals("demo: give the file with --file FILE\n" + USAGE, err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    private int launch(String[] args, java.util.function.Function<String[], String> problem) {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return CommandLauncher.launch(KakaritsukeApplication.class, USAGE, args, problem, o, e);
        }
    }
}
