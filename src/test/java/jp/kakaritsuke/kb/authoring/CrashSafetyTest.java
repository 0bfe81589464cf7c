package jp.kakaritsuke.kb.authoring;

import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.BASE;
import static jp.kakaritsuke.kb.authoring.AuthoringFixtures.TOKYO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jp.kakaritsuke.kb.KakaritsukeApplication;
import jp.kakaritsuke.kb.testsupport.ChildPort;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save killed in flight is all or nothing. The application runs as a separate JVM on a TDB2 directory; a large
 * worksheet is sent; the process is killed (as by a power cut) as soon as it logs that the write transaction has
 * begun; a new process on the same directory then holds either the whole save (worksheet, version snapshot,
 * history) or none of it, and accepts the same save again.
 */
class CrashSafetyTest {

    private static final String SLUG = "crash-large";
    private static final String ADMIN = "admin:dev-admin-2026";
    private static final Duration START = Duration.ofMinutes(4);

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSaveKilledInFlightIsWholeOrAbsentAfterRestart() throws Exception {
        Path tdb2 = temp.resolve("tdb2");
        Graph large = largeWorksheet(SLUG, 6000);
        String body = RDFWriter.source(large).lang(Lang.NTRIPLES).asString();

        Process first = start(tdb2);
        ProcessLog firstLog = new ProcessLog(first);
        try {
            int port = awaitUp(first, firstLog);
            CompletableFuture<HttpResponse<String>> save =
                    http.sendAsync(put(port, body), HttpResponse.BodyHandlers.ofString());
            // Kill as soon as the write transaction begins (or, if the machine is fast, once the save is done).
            await(
                    CompletableFuture.anyOf(firstLog.line("Writing worksheet " + SLUG), save),
                    Duration.ofMinutes(5),
                    "the save reaches its write transaction",
                    firstLog);
        } finally {
            first.destroyForcibly();
            assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the first process is gone");
        }
        boolean committedBeforeKill = firstLog.text().contains("Wrote worksheet " + SLUG);

        Process second = start(tdb2);
        ProcessLog secondLog = new ProcessLog(second);
        try {
            int port = awaitUp(second, secondLog);
            HttpResponse<String> content = http.send(
                    HttpRequest.newBuilder(api(port, ""))
                            .header("Accept", "application/n-triples")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> history = http.send(
                    HttpRequest.newBuilder(api(port, "/history")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, history.statusCode());
            System.out.println("crash test: killed " + (committedBeforeKill ? "after the commit" : "during the save")
                    + "; after restart the worksheet is " + (content.statusCode() == 200 ? "whole" : "absent"));
            if (content.statusCode() == 200) {
                Graph stored = GraphFactory.createDefaultGraph();
                RDFParser.fromString(content.body(), Lang.NTRIPLES).parse(stored);
                assertTrue(large.isIsomorphicWith(stored), "the whole worksheet is there");
                assertTrue(
                        history.body().contains("\"version\":1")
                                && !history.body().contains("\"version\":2"),
                        "with exactly its one version: " + history.body());
            } else {
                assertEquals(404, content.statusCode());
                assertEquals("[]", history.body().strip(), "no trace of the killed save in the history");
                assertTrue(!committedBeforeKill, "a save logged as written cannot be missing");
            }
            HttpResponse<String> again = http.send(put(port, body), HttpResponse.BodyHandlers.ofString());
            assertTrue(again.statusCode() == 201 || again.statusCode() == 200, again.statusCode() + again.body());
            HttpResponse<String> after = http.send(
                    HttpRequest.newBuilder(api(port, ""))
                            .header("Accept", "application/n-triples")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Graph stored = GraphFactory.createDefaultGraph();
            RDFParser.fromString(after.body(), Lang.NTRIPLES).parse(stored);
            assertTrue(large.isIsomorphicWith(stored), "the restarted store accepts the save whole");
        } finally {
            second.destroyForcibly();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void anImportKilledInFlightLeavesAllItsWorksheetsOrNoneAfterRestart() throws Exception {
        Path tdb2 = temp.resolve("tdb2-import");
        List<String> slugs = List.of("crash-import-a", "crash-import-b");
        DatasetGraph file = DatasetGraphFactory.createTxnMem();
        for (String slug : slugs) {
            file.addGraph(NodeFactory.createURI(BASE + "graph/worksheet/" + slug), largeWorksheet(slug, 3000));
        }
        String body = RDFWriter.source(file).lang(Lang.NQUADS).asString();

        Process first = start(tdb2);
        ProcessLog firstLog = new ProcessLog(first);
        try {
            int port = awaitUp(first, firstLog);
            CompletableFuture<HttpResponse<String>> imported = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + port + "/api/import?dryRun=false&filename=crash.nq"))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                            .header("Content-Type", "application/n-quads")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            // Kill as soon as the import's one write transaction begins (or once it is done, on a fast machine).
            await(
                    CompletableFuture.anyOf(firstLog.line("Writing worksheets "), imported),
                    Duration.ofMinutes(5),
                    "the import reaches its write transaction",
                    firstLog);
        } finally {
            first.destroyForcibly();
            assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the first process is gone");
        }

        Process second = start(tdb2);
        ProcessLog secondLog = new ProcessLog(second);
        try {
            int port = awaitUp(second, secondLog);
            List<Integer> statuses = new ArrayList<>();
            for (String slug : slugs) {
                HttpResponse<String> content = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/worksheets/" + slug))
                                .header("Accept", "application/n-triples")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.add(content.statusCode());
                if (content.statusCode() == 200) {
                    Graph stored = GraphFactory.createDefaultGraph();
                    RDFParser.fromString(content.body(), Lang.NTRIPLES).parse(stored);
                    assertTrue(
                            file.getGraph(NodeFactory.createURI(BASE + "graph/worksheet/" + slug))
                                    .isIsomorphicWith(stored),
                            "worksheet " + slug + " is whole");
                }
            }
            System.out.println("crash test: after restart the imported worksheets answer " + statuses);
            assertTrue(
                    statuses.equals(List.of(200, 200)) || statuses.equals(List.of(404, 404)),
                    "all of the import or none of it: " + statuses);
        } finally {
            second.destroyForcibly();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The seed example moved to Tokyo as {@code slug}, with {@code notes} extra notes to make the write large. */
    private static Graph largeWorksheet(String slug, int notes) {
        Graph graph = AuthoringFixtures.worksheet(AuthoringFixtures.seedFromFile(), slug, TOKYO);
        Node worksheet = NodeFactory.createURI(BASE + "id/worksheet/" + slug);
        for (int i = 2; i < notes + 2; i++) {
            Node note = NodeFactory.createURI(BASE + "id/worksheet/" + slug + "/note/" + i);
            graph.add(worksheet, KK.hasNote.asNode(), note);
            graph.add(note, RDF.type.asNode(), KK.Note.asNode());
            graph.add(
                    note,
                    KK.ordinal.asNode(),
                    NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDpositiveInteger));
            graph.add(note, KK.text.asNode(), NodeFactory.createLiteralLang("試験用の注記その" + i + "。", "ja"));
        }
        return graph;
    }

    private static Process start(Path tdb2) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-cp",
                classPath(),
                KakaritsukeApplication.class.getName(),
                // The child takes a free port itself and names it in its log: no port is chosen here and handed on.
                "--server.port=0",
                // The fixtures' IRIs: without it the base IRI follows the port the child was given.
                "--kb.base-iri=" + BASE,
                "--kb.store.tdb2.location=" + tdb2,
                "--kb.data.include-demo=false",
                "--kb.authoring.max-upload=64MB",
                "--spring.main.banner-mode=off",
                "--spring.profiles.active=dev"));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** This test's own class path, without empty entries (which would put the working directory on it). */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Waits until Spring Boot reports the application started, failing early if the process dies; returns the port
     * the child's web server took.
     */
    private static int awaitUp(Process process, ProcessLog log) {
        CompletableFuture<Object> startedOrExited = CompletableFuture.anyOf(
                log.line("Started " + KakaritsukeApplication.class.getSimpleName()), process.onExit());
        await(startedOrExited, START, "the application starts", log);
        if (!process.isAlive()) {
            fail("the application exited with " + process.exitValue() + ":\n" + log.text());
        }
        OptionalInt port = ChildPort.find(ChildPort.APPLICATION, log.text());
        if (port.isEmpty()) {
            fail("the application did not name its port:\n" + log.text());
        }
        return port.getAsInt();
    }

    private static void await(CompletableFuture<?> event, Duration within, String what, ProcessLog log) {
        try {
            event.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fail("timed out waiting until " + what + ":\n" + log.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted waiting until " + what);
        } catch (ExecutionException e) {
            fail(what + " failed: " + e.getCause());
        }
    }

    /** The output of a child process, kept for failure messages, with futures completed by the lines awaited. */
    private static final class ProcessLog {

        private final StringBuffer text = new StringBuffer();
        private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

        ProcessLog(Process process) {
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader lines = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line; (line = lines.readLine()) != null; ) {
                                text.append(line).append('\n');
                                String current = line;
                                awaited.forEach((wanted, future) -> {
                                    if (current.contains(wanted)) {
                                        future.complete(null);
                                    }
                                });
                            }
                        } catch (IOException e) {
                            text.append("(output closed: ")
                                    .append(e.getMessage())
                                    .append(")\n");
                        }
                    },
                    "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Completes when a line containing {@code wanted} is printed (or has been already). */
        CompletableFuture<Void> line(String wanted) {
            CompletableFuture<Void> future = awaited.computeIfAbsent(wanted, w -> new CompletableFuture<>());
            if (text.indexOf(wanted) >= 0) {
                future.complete(null);
            }
            return future;
        }

        String text() {
            return text.toString();
        }
    }

    private static URI api(int port, String rest) {
        return URI.create("http://localhost:" + port + "/api/worksheets/" + SLUG + rest);
    }

    private static HttpRequest put(int port, String body) {
        return HttpRequest.newBuilder(api(port, ""))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/n-triples")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
