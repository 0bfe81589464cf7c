package jp.kakaritsuke.kb.store;

import jp.kakaritsuke.kb.testsupport.ChildPort;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.FusekiServerRunner;
import org.apache.jena.fuseki.system.FusekiLogging;

/**
 * The main class of a standalone Fuseki child process: starts the server of the {@code jena-fuseki-server} jar with
 * the given command-line arguments, as the jar's own main class does, then prints the port it listens on
 * ({@link ChildPort#FUSEKI}), which Fuseki does not log. With {@code --port=0} the server takes a free port itself.
 * Run it with the server jar and this class on the class path ({@link FusekiServerProcess#command}).
 */
public final class FusekiLauncher {

    private FusekiLauncher() {}

    public static void main(String... args) {
        FusekiLogging.setLogging();
        FusekiServer server = FusekiServerRunner.runAsync(args);
        System.out.println(ChildPort.FUSEKI_PREFIX + server.getHttpPort());
        System.out.flush();
        server.join();
    }
}
