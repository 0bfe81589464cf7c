package jp.kakaritsuke.kb.testsupport;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The port a child process took itself and named in its output. Tests and benchmarks start their servers on port 0
 * and read the port back, instead of probing a free port, releasing it and handing it on (another process could take
 * it in between).
 */
public final class ChildPort {

    /** The line with which the application's embedded Tomcat names the port it listens on. */
    public static final Pattern APPLICATION = Pattern.compile("Tomcat started on port (\\d+)");

    /**
     * The logger of that line: a child application run with a quieter root level keeps it at {@code INFO}, e.g.
     * {@code --logging.level.org.springframework.boot.tomcat.TomcatWebServer=INFO}.
     */
    public static final String APPLICATION_LOGGER = "org.springframework.boot.tomcat.TomcatWebServer";

    /** What {@code FusekiLauncher} prints before the port its Fuseki server listens on. */
    public static final String FUSEKI_PREFIX = "Fuseki listening on port ";

    /** The line with which {@code FusekiLauncher} names the port of its Fuseki server. */
    public static final Pattern FUSEKI = Pattern.compile(Pattern.quote(FUSEKI_PREFIX) + "(\\d+)");

    private ChildPort() {}

    /** The port named by the first line of {@code output} that matches {@code line}, if one does already. */
    public static OptionalInt find(Pattern line, CharSequence output) {
        Matcher port = line.matcher(output);
        return port.find() ? OptionalInt.of(Integer.parseInt(port.group(1))) : OptionalInt.empty();
    }

    /**
     * Waits until the output of {@code process} names its port; fails with that output if the process exits first or
     * does not name it within {@code timeout}.
     *
     * @param output the process's output so far (e.g. its log file read again)
     */
    public static int await(Pattern line, Process process, Supplier<String> output, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = output.get();
            OptionalInt port = find(line, text);
            if (port.isPresent()) {
                return port.getAsInt();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The child process exited with status " + process.exitValue()
                        + " before naming its port; its output:\n" + tail(text));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The child process did not name its port within " + timeout + "; its output:\n" + tail(text));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static String tail(String text) {
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
