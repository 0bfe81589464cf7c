package jp.kakaritsuke.kb.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Virtuoso 7 server (Debian's {@code virtuoso-opensource}: {@code virtuoso-t} and {@code isql-vt}) run as a
 * child process with its own database and configuration under a work directory, listening on loopback ports: the
 * configuration is {@code src/test/resources/virtuoso/virtuoso.ini} (Debian's defaults, the row cap as given), and
 * {@code src/test/resources/virtuoso/setup.sql} prepares the database (SPARQL Update for the endpoint, Virtuoso's own
 * graphs left out of the default graph).
 *
 * <p>From a shell ({@code src/test/scripts/virtuoso-start.sh WORK_DIR [HTTP_PORT SQL_PORT]}) it runs until stopped and
 * prints the settings that point the application at it.
 */
public final class VirtuosoServerProcess implements TestEngine {

    /** Where Debian installs the server; the property {@code virtuoso.binary} names another. */
    public static final String DEFAULT_BINARY = "/usr/bin/virtuoso-t";
    /** Virtuoso's own default row cap ({@code ResultSetMaxRows} in Debian's virtuoso.ini). */
    public static final int DEBIAN_RESULT_CAP = 10_000;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** How many starts on probed ports are tried before giving up when another process takes one of them. */
    private static final int BIND_ATTEMPTS = 5;
    /** What Virtuoso logs, then exiting, when the SQL or the HTTP port of its configuration is taken. */
    private static final List<String> BIND_FAILURES = List.of("Failed to start listening", "Failed HTTP listen");

    private final Path workDir;
    private final int httpPort;
    private final int sqlPort;
    private Process process;

    private VirtuosoServerProcess(Path workDir, int httpPort, int sqlPort) {
        this.workDir = workDir;
        this.httpPort = httpPort;
        this.sqlPort = sqlPort;
    }

    /** True when the Virtuoso server binary is installed. */
    public static boolean installed() {
        return Files.isExecutable(binary()) && Files.isExecutable(isql());
    }

    private static Path binary() {
        return Path.of(System.getProperty("virtuoso.binary", DEFAULT_BINARY));
    }

    private static Path isql() {
        return binary().resolveSibling("isql-vt");
    }

    /** Starts a server with Debian's row cap on free ports, its database under {@code workDir}. */
    public static VirtuosoServerProcess start(Path workDir) {
        return start(workDir, DEBIAN_RESULT_CAP);
    }

    /**
     * Starts a server that cuts every answer at {@code resultCap} rows, on free ports.
     *
     * <p>Unlike the other child processes of the tests, Virtuoso cannot take a port itself and name it: its
     * configuration names fixed ports, and with port 0 it exits ("Can listen but can't connect to self"). So the ports
     * are probed here and handed on, and a start that fails because another process took one of them in between is
     * tried again on newly probed ports.
     */
    public static VirtuosoServerProcess start(Path workDir, int resultCap) {
        boolean fresh = isFresh(workDir);
        for (int attempt = 1; ; attempt++) {
            try {
                return start(workDir, freePort(), freePort(), resultCap, fresh);
            } catch (PortTakenException e) {
                if (attempt == BIND_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Starts a server on the given ports and prepares its database; returns once it answers queries. */
    public static VirtuosoServerProcess start(Path workDir, int httpPort, int sqlPort, int resultCap) {
        return start(workDir, httpPort, sqlPort, resultCap, isFresh(workDir));
    }

    /** True when {@code workDir} holds no database yet (a failed start may leave one that still needs the setup). */
    private static boolean isFresh(Path workDir) {
        return !Files.exists(workDir.toAbsolutePath().resolve("db/virtuoso.db"));
    }

    private static VirtuosoServerProcess start(Path workDir, int httpPort, int sqlPort, int resultCap, boolean fresh) {
        if (!installed()) {
            throw new IllegalStateException("Virtuoso is not installed (" + binary() + "); on Debian: "
                    + "apt-get install virtuoso-opensource");
        }
        Path dir = workDir.toAbsolutePath();
        try {
            Files.createDirectories(dir.resolve("db"));
            Path vsp = Path.of("/var/lib/virtuoso-opensource-7/vsp");
            Files.createDirectories(dir.resolve("vsp"));
            String ini = resource("virtuoso.ini")
                    .replace("@SQL_PORT@", Integer.toString(sqlPort))
                    .replace("@HTTP_PORT@", Integer.toString(httpPort))
                    .replace("@RESULT_CAP@", Integer.toString(resultCap))
                    .replace("@VSP@", (Files.isDirectory(vsp) ? vsp : dir.resolve("vsp")).toString());
            Files.writeString(dir.resolve("virtuoso.ini"), ini, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("setup.sql"), resource("setup.sql"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Virtuoso's directory " + dir, e);
        }
        VirtuosoServerProcess server = new VirtuosoServerProcess(dir, httpPort, sqlPort);
        server.launch();
        try {
            if (fresh) {
                server.runSql(dir.resolve("setup.sql"));
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = VirtuosoServerProcess.class.getResourceAsStream("/virtuoso/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No /virtuoso/" + name + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(List.of(binary().toString(), "-f", "-c", "virtuoso.ini"))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("virtuoso.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binary(), e);
        }
        try {
            awaitQueries();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Stops the server and starts it again on the same ports and database (a store restart): the application under
     * test keeps pointing at them, so a port taken meanwhile is not tried again elsewhere.
     */
    @Override
    public void restart() {
        stop();
        launch();
    }

    /** Stops the server, keeping its database; {@link #restart()} or {@link #close()} later. */
    @Override
    public void stop() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        try {
            running.destroy();
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly();
                running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping Virtuoso (pid " + running.pid() + ")", e);
        }
        if (running.isAlive()) {
            throw new IllegalStateException("Virtuoso (pid " + running.pid() + ") did not stop");
        }
    }

    private void awaitQueries() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ask = HttpRequest.newBuilder(URI.create(queryUrl() + "?query=ASK%7B%7D"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = log();
                String message =
                        "Virtuoso exited with status " + process.exitValue() + " before answering; its log:\n" + log;
                throw BIND_FAILURES.stream().anyMatch(log::contains)
                        ? new PortTakenException(message)
                        : new IllegalStateException(message);
            }
            try {
                if (client.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Still starting (a new database is created on first start).
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Virtuoso to start", e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new IllegalStateException("Virtuoso did not answer within " + START_TIMEOUT + "; its log:\n" + log());
    }

    /** Runs a SQL script as the database administrator (isql-vt). */
    public void runSql(Path script) {
        try {
            Process isql = new ProcessBuilder(
                            List.of(isql().toString(), "127.0.0.1:" + sqlPort, "dba", "dba", script.toString()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(isql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!isql.waitFor(60, TimeUnit.SECONDS) || isql.exitValue() != 0 || output.contains("*** Error")) {
                throw new IllegalStateException("isql-vt " + script.getFileName() + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + isql(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + script, e);
        }
    }

    private String log() {
        try {
            Path log = workDir.resolve("db/virtuoso.log");
            return Files.isRegularFile(log) ? Files.readString(log) : Files.readString(workDir.resolve("virtuoso.out"));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
    }

    /** A start that failed because another process holds one of the ports handed to Virtuoso. */
    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    /** The dataset URL, the {@code kb.store.remote.destination} of the application. */
    @Override
    public String destination() {
        return "http://127.0.0.1:" + httpPort + "/";
    }

    @Override
    public String queryUrl() {
        return destination() + "sparql";
    }

    /** Remote-store settings for this server: the engine's defaults, found out by asking it. */
    public StoreProperties.Remote remoteSettings() {
        return new StoreProperties.Remote(destination(), "sparql", "update", "data", null, null, Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Runs a server until the JVM is stopped (Ctrl-C).
     *
     * @param args the work directory (database, logs) and, optionally, the HTTP and SQL ports (default 8890 1111)
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: VirtuosoServerProcess WORK_DIR [HTTP_PORT SQL_PORT]");
            System.exit(2);
        }
        int http = args.length == 3 ? Integer.parseInt(args[1]) : 8890;
        int sql = args.length == 3 ? Integer.parseInt(args[2]) : 1111;
        VirtuosoServerProcess server = start(Path.of(args[0]), http, sql, DEBIAN_RESULT_CAP);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("Virtuoso is running; start the application with:");
        System.out.println("  --kb.store.kind=remote --kb.store.remote.destination=" + server.destination());
        stopped.await();
    }
}
