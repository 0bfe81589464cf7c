package jp.kakaritsuke.kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.testsupport.ChildPort;

/**
 * A Java program run as a child process of the benchmark, with its output in a log file: the application jar, the
 * Fuseki server jar, or one of the benchmark's own measuring programs. Knows when it first answers over HTTP and
 * how much memory the operating system gives it.
 */
final class ChildJvm implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final long startedNanos;
    private final Path log;

    private ChildJvm(String name, Process process, long startedNanos, Path log) {
        this.name = name;
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /**
     * Starts {@code java jvmOptions... programAndArgs...} in {@code workDir} with its output in {@code log}.
     *
     * @param programAndArgs e.g. {@code -jar app.jar --x=y} or {@code -cp CP main.Class arg}
     */
    static ChildJvm start(
            String name,
            List<String> jvmOptions,
            List<String> programAndArgs,
            Path workDir,
            Map<String, String> env,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(programAndArgs);
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            long started = System.nanoTime();
            Process process = builder.start();
            // A benchmark stopped half-way (Ctrl-C) must not leave servers running.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new ChildJvm(name, process, started, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    /** The operating system's id of the process. */
    long pid() {
        return process.pid();
    }

    /**
     * Waits until the program names the port it took itself (it was started on port 0) in a line of its output that
     * matches {@code line} (see {@link ChildPort}); fails with its log if it exits first or does not within
     * {@code timeout}.
     */
    int awaitPort(Pattern line, Duration timeout) {
        try {
            return ChildPort.await(line, process, this::output, timeout);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** Polls {@code uri} every 20 ms until it answers 200; returns the time since the process was launched. */
    Duration awaitFirst200(URI uri, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with status " + process.exitValue() + "; log:\n" + logTail());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYetListening) {
                // Still starting: try again shortly.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new IllegalStateException(
                name + " did not answer " + uri + " within " + timeout + "; log:\n" + logTail());
    }

    /** Waits for the program to end; fails with its log if it does not end in time or ends with an error. */
    void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; log:\n" + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    name + " failed with status " + process.exitValue() + "; log:\n" + logTail());
        }
    }

    /** Resident memory now (VmRSS), in KiB. */
    long residentKb() {
        return procStatus("VmRSS:");
    }

    /** The most resident memory the process has had (VmHWM), in KiB. */
    long peakResidentKb() {
        return procStatus("VmHWM:");
    }

    /**
     * The processor time the process has used so far (user and system, all threads), in seconds, from
     * {@code /proc/PID/stat} at the usual 100 ticks per second.
     */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // After the command name in parentheses: state (field 3), …, utime (14), stime (15).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the stat of " + name + " (pid " + process.pid() + ")", e);
        }
    }

    private long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(
                            line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the status of " + name + " (pid " + process.pid() + ")", e);
        }
        throw new IllegalStateException("No " + field + " for " + name);
    }

    /** The program's output so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
    }

    private String logTail() {
        String text = output();
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    /** Stops the program: a polite termination first, a forced one if it does not exit in time. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(name + " (pid " + process.pid() + ") did not stop");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping " + name, e);
        }
    }
}
