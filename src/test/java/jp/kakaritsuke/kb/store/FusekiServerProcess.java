package jp.kakaritsuke.kb.store;

import java.io.IOException;
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
 * A real standalone Fuseki server ({@code jena-fuseki-server.jar}) run as a child process: one TDB2 dataset
 * {@code /kb} with the union of its named graphs as default graph, and the services {@code sparql} (query),
 * {@code update} and {@code data} (Graph Store Protocol, read-write). It listens on localhost only.
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

    private Process process;
    private final int port;
    private final Path log;
    private final ProcessBuilder launcher;

    private FusekiServerProcess(ProcessBuilder launcher, int port, Path log) throws IOException {
        this.launcher = launcher;
        this.process = launcher.start();
        this.port = port;
        this.log = log;
    }

    /** Starts a server on a free port with its database, base directory and log under {@code workDir}. */
    public static FusekiServerProcess start(Path workDir) {
        return start(workDir, freePort());
    }

    /** Starts a server on {@code port} and returns once it answers {@code /$/ping}. */
    public static FusekiServerProcess start(Path directory, int port) {
        return start(directory, port, null, null);
    }

    /** Starts a server on a free port whose dataset requires HTTP basic authentication as {@code user}. */
    public static FusekiServerProcess startWithBasicAuth(Path directory, String user, String password) {
        return start(directory, freePort(), user, password);
    }

    private static FusekiServerProcess start(Path directory, int port, String user, String password) {
        Path workDir = directory.toAbsolutePath();
        Path jar = serverJar();
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
            Path log = workDir.resolve("fuseki.log");

            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            java,
                            "-Xmx512m",
                            "-jar",
                            jar.toString(),
                            "--config=" + config,
                            "--localhost",
                            "--port=" + port))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("FUSEKI_BASE", base.toString());
            FusekiServerProcess server = new FusekiServerProcess(builder, port, log);
            try {
                server.awaitPing();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Fuseki from " + jar + " in " + workDir, e);
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port", e);
        }
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

    /** Starts the server again on the same port and database; its log goes on in the same file. */
    @Override
    public void restart() {
        close();
        try {
            launcher.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = launcher.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Fuseki again", e);
        }
        awaitPing();
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
