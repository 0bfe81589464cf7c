package jp.kakaritsuke.kb.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jp.kakaritsuke.kb.testsupport.ChildPort;

/**
 * A real standalone Fuseki server ({@code jena-fuseki-server.jar}) run as a child process: one TDB2 dataset
 * {@code /kb} with the union of its named graphs as default graph, and the services {@code sparql} (query),
 * {@code update} and {@code data} (Graph Store Protocol, read-write). It listens on localhost only.
 * Started through {@link FusekiLauncher}, it takes a free port itself and names it in its log.
 *
 * <p>From a shell, after {@code mvn -q test-compile} (which also copies the server jar to
 * {@code target/fuseki/}):
 *
 * <pre>
 * mvn -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.kakaritsuke.kb.store.FusekiServerProcess -Dexec.args="var/fuseki 3030"
 * </pre>
 *
 * starts one on port 3030 with its database and logs under {@code var/fuseki}, and prints the settings that point
 * the application at it.
 */
public final class FusekiServerProcess implements TestEngine {

    /** The dataset's name in the server's URL space. */
    public static final String DATASET = "kb";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final String DEFAULT_JAR = "target/fuseki/jena-fuseki-server.jar";

    private final Path workDir;
    private final Path config;
    private final Path base;
    private final Path log;
    private Process process;
    private int port;

    private FusekiServerProcess(Path workDir, Path config, Path base, Path log) {
        this.workDir = workDir;
        this.config = config;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts a server with its database, base directory and log under {@code workDir}, on a port the server takes
     * itself and names in its log.
     */
    public static FusekiServerProcess start(Path workDir) {
        return start(workDir, 0);
    }

    /** Starts a server on {@code port} (0: one it chooses) and returns once it answers {@code /$/ping}. */
    public static FusekiServerProcess start(Path directory, int port) {
        return start(directory, port, null, null);
    }

    /** Starts a server on a port of its choice whose dataset requires HTTP basic authentication as {@code user}. */
    public static FusekiServerProcess startWithBasicAuth(Path directory, String user, String password) {
        return start(directory, 0, user, password);
    }

    private static FusekiServerProcess start(Path directory, int port, String user, String password) {
        Path workDir = directory.toAbsolutePath();
        try {
            Path database = Files.createDirectories(workDir.resolve("tdb2"));
            Path base = Files.createDirectories(workDir.resolve("base"));
            Path config = workDir.resolve("config.ttl");
            String auth = "";
            if (user != null) {
                Path passwd = workDir.resolve("passwd");
                Files.writeString(passwd, user + ": " + password + "\n", StandardCharsets.UTF_8);
                auth = " fuseki:passwd \"" + turtleString(passwd) + "\" ; fuseki:auth \"basic\" ;";
            }
            Files.writeString(config, config(database, auth, user), StandardCharsets.UTF_8);
            FusekiServerProcess server = new FusekiServerProcess(workDir, config, base, workDir.resolve("fuseki.log"));
            server.launch(port, ProcessBuilder.Redirect.to(server.log.toFile()));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Fuseki's directory " + workDir, e);
        }
    }

    /**
     * The program and arguments of a Java process that runs the server jar on {@code config}, listening on localhost
     * at {@code port} (0: a port the server takes itself), and prints the port ({@link ChildPort#FUSEKI}); the
     * server's base directory is the environment variable {@code FUSEKI_BASE}.
     */
    public static List<String> command(Path config, int port) {
        String classPath = serverJar() + File.pathSeparator + launcherLocation();
        return List.of(
                "-cp",
                classPath,
                FusekiLauncher.class.getName(),
                "--config=" + config.toAbsolutePath(),
                "--localhost",
                "--port=" + port);
    }

    /** Where {@link FusekiLauncher} is loaded from: the test classes, which hold no Jena classes of their own. */
    private static String launcherLocation() {
        try {
            return Path.of(FusekiLauncher.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + FusekiLauncher.class.getName(), e);
        }
    }

    /** Starts the child process and waits until it names its port and answers {@code /$/ping}. */
    private void launch(int requestedPort, ProcessBuilder.Redirect output) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(command(config, requestedPort));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output);
        builder.environment().put("FUSEKI_BASE", base.toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Fuseki from " + serverJar() + " in " + workDir, e);
        }
        try {
            // The log of a restart goes on after the previous run's port line: it names the same port.
            port = requestedPort != 0
                    ? requestedPort
                    : ChildPort.await(ChildPort.FUSEKI, process, this::logText, START_TIMEOUT);
            awaitPing();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The server jar that Maven copies from the jena-fuseki-server artifact ({@code fuseki.server.jar}). */
    public static Path serverJar() {
        Path jar = Path.of(System.getProperty("fuseki.server.jar", DEFAULT_JAR)).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No Fuseki server jar at " + jar + "; run 'mvn process-test-resources' to copy it there");
        }
        return jar;
    }

    private static String turtleString(Path path) {
        return path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * The configuration this class starts servers with, for a database in {@code database} without authentication:
     * for programs that run the server jar themselves (the benchmarks) and must serve the same dataset the same way.
     */
    public static String configuration(Path database) {
        return config(database.toAbsolutePath(), "", null);
    }

    /** The Fuseki configuration: one TDB2 dataset, union default graph, query/update/GSP services. */
    private static String config(Path database, String serverAuth, String allowedUser) {
        String allowed = allowedUser == null ? "" : "fuseki:allowedUsers \"" + allowedUser + "\" ;";
        return """
                PREFIX fuseki: <http://jena.apache.org/fuseki#>
                PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                PREFIX ja:     <http://jena.hpl.hp.com/2005/11/Assembler#>
                PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>

                [] rdf:type fuseki:Server ;%s
                    # An upper bound for every query; a request may ask for less with ?timeout=seconds.
                    ja:context [ ja:cxtName "arq:queryTimeout" ; ja:cxtValue "60000" ] .

                <#service> rdf:type fuseki:Service ;
                    fuseki:name "%s" ; %s
                    fuseki:endpoint [ fuseki:operation fuseki:query  ; fuseki:name "sparql" ] ;
                    fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name "update" ] ;
                    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name "data" ] ;
                    fuseki:dataset <#dataset> .

                <#dataset> rdf:type tdb2:DatasetTDB2 ;
                    tdb2:location "%s" ;
                    tdb2:unionDefaultGraph true .
                """.formatted(serverAuth, DATASET, allowed, turtleString(database));
    }

    private void awaitPing() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/$/ping"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Fuseki exited with status " + process.exitValue()
                        + " before answering; its log:\n" + logText());
            }
            try {
                if (client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The server is still starting; the next attempt follows shortly.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Fuseki to start", e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException(
                "Fuseki did not answer /$/ping within " + START_TIMEOUT + "; its log:\n" + logText());
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    public int port() {
        return port;
    }

    /** The dataset URL, the {@code kb.store.remote.destination} of the application. */
    @Override
    public String destination() {
        return "http://localhost:" + port + "/" + DATASET;
    }

    @Override
    public String queryUrl() {
        return destination() + "/sparql";
    }

    @Override
    public void stop() {
        close();
    }

    /**
     * Starts the server again on the same port and database; its log goes on in the same file. The port is the one
     * the server chose on its first start and has just released: the application under test keeps pointing at it.
     */
    @Override
    public void restart() {
        close();
        launch(port, ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    /** Remote-store settings for this server, without authentication. */
    public StoreProperties.Remote remoteSettings() {
        return remoteSettings(null, null);
    }

    /** Remote-store settings for this server with HTTP basic authentication. */
    public StoreProperties.Remote remoteSettings(String user, String password) {
        return new StoreProperties.Remote(
                destination(), "sparql", "update", "data", user, password, Duration.ofSeconds(5));
    }

    /** Stops the server: a polite termination first, a forced one if it does not exit in time. */
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
                    throw new IllegalStateException("Fuseki (pid " + process.pid() + ") did not stop");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping Fuseki (pid " + process.pid() + ")", e);
        }
    }

    /**
     * Runs a server until the JVM is stopped (Ctrl-C).
     *
     * @param args the work directory (database, logs) and, optionally, the port (default 3030)
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: FusekiServerProcess WORK_DIR [PORT]");
            System.exit(2);
        }
        int port = args.length == 2 ? Integer.parseInt(args[1]) : 3030;
        FusekiServerProcess server = start(Path.of(args[0]).toAbsolutePath(), port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("Fuseki is running; start the application with:");
        System.out.println("  --kb.store.kind=remote --kb.store.remote.destination=" + server.destination());
        stopped.await();
    }
}
