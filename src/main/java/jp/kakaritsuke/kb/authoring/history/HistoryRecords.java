package jp.kakaritsuke.kb.authoring.history;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Reads and writes the PROV-O history of a worksheet.
 *
 * <p>The history graph {@code graph/history/{slug}} holds, for every version {@code n}, the version entity
 * ({@code prov:Entity}, {@code prov:specializationOf} the worksheet, {@code prov:wasRevisionOf} version
 * {@code n-1}, {@code prov:generatedAtTime}, {@code dct:identifier n}) and the activity that made it
 * ({@code prov:Activity}, {@code prov:wasAssociatedWith} the user, {@code prov:startedAtTime}, {@code prov:used}
 * version {@code n-1}, {@code prov:generated} version {@code n}, {@code rdfs:comment}, {@code dct:type} the door it
 * came through: {@link Version.Origin}). A restore adds
 * {@code prov:wasDerivedFrom} the version it brought back; a deletion adds {@code prov:invalidated} the worksheet.
 *
 * <p>Each version's content is kept in its own graph {@code graph/worksheet/{slug}/version/{n}} as one N-Triples
 * literal ({@code rdf:value}, {@code dct:format "application/n-triples"}), not as triples: every query reads the union
 * of all named graphs, so copies of old content kept as triples would show up as if they were current.
 */
public final class HistoryRecords {

    private static final String PROV = "http://www.w3.org/ns/prov#";
    static final Node ENTITY = uri(PROV + "Entity");
    static final Node ACTIVITY = uri(PROV + "Activity");
    static final Node SPECIALIZATION_OF = uri(PROV + "specializationOf");
    static final Node WAS_REVISION_OF = uri(PROV + "wasRevisionOf");
    static final Node WAS_DERIVED_FROM = uri(PROV + "wasDerivedFrom");
    static final Node GENERATED_AT_TIME = uri(PROV + "generatedAtTime");
    static final Node WAS_GENERATED_BY = uri(PROV + "wasGeneratedBy");
    static final Node WAS_ASSOCIATED_WITH = uri(PROV + "wasAssociatedWith");
    static final Node WAS_ATTRIBUTED_TO = uri(PROV + "wasAttributedTo");
    static final Node STARTED_AT_TIME = uri(PROV + "startedAtTime");
    static final Node USED = uri(PROV + "used");
    static final Node GENERATED = uri(PROV + "generated");
    static final Node INVALIDATED = uri(PROV + "invalidated");
    static final Node AGENT = uri(PROV + "Agent");
    private static final String NTRIPLES = "application/n-triples";

    private HistoryRecords() {}

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** What a write was, for {@link #recordWrite}. */
    public record Write(
            int number,
            Version.Kind kind,
            String user,
            Instant time,
            String comment,
            int restoredFrom,
            Version.Origin origin) {}

    /** The versions recorded in {@code history}, oldest first. */
    public static List<Version> versions(WorksheetNames names, Graph history) {
        List<Version> versions = new ArrayList<>();
        Node worksheet = uri(names.worksheet());
        history.find(Node.ANY, SPECIALIZATION_OF, worksheet).forEachRemaining(t -> {
            Node entity = t.getSubject();
            Optional<Node> number = object(history, entity, DCTerms.identifier.asNode());
            if (number.isEmpty() || !entity.isURI()) {
                return;
            }
            int n = Integer.parseInt(number.get().getLiteralLexicalForm());
            Instant time = object(history, entity, GENERATED_AT_TIME)
                    .map(l -> Instant.parse(l.getLiteralLexicalForm()))
                    .orElse(Instant.EPOCH);
            Optional<Node> activity = object(history, entity, WAS_GENERATED_BY);
            if (activity.isEmpty()) {
                versions.add(
                        new Version(n, entity.getURI(), Version.Kind.INITIAL, "", time, "", 0, Version.Origin.SHIPPED));
                return;
            }
            Node act = activity.get();
            String user = object(history, act, WAS_ASSOCIATED_WITH)
                    .map(u -> names.userName(u.getURI()))
                    .orElse("");
            String comment = object(history, act, RDFS.comment.asNode())
                    .map(Node::getLiteralLexicalForm)
                    .orElse("");
            Version.Kind kind = Version.Kind.SAVE;
            int restoredFrom = 0;
            Optional<Node> source = object(history, entity, WAS_DERIVED_FROM);
            if (history.contains(act, INVALIDATED, worksheet)) {
                kind = Version.Kind.DELETE;
            } else if (source.isPresent()) {
                kind = Version.Kind.RESTORE;
                restoredFrom = number(history, source.get());
            }
            Version.Origin origin = object(history, act, DCTerms.type.asNode())
                    .filter(Node::isURI)
                    .map(o -> Version.Origin.ofIri(o.getURI(), Version.Origin.API))
                    .orElse(Version.Origin.API);
            versions.add(new Version(n, entity.getURI(), kind, user, time, comment, restoredFrom, origin));
        });
        versions.sort(Comparator.comparingInt(Version::number));
        return versions;
    }

    private static int number(Graph history, Node entity) {
        return object(history, entity, DCTerms.identifier.asNode())
                .map(l -> Integer.parseInt(l.getLiteralLexicalForm()))
                .orElse(0);
    }

    private static Optional<Node> object(Graph graph, Node subject, Node predicate) {
        var it = graph.find(subject, predicate, Node.ANY);
        try {
            return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
        } finally {
            it.close();
        }
    }

    /** Records content that predates the history as version {@code number}, made by no recorded activity. */
    public static void recordInitial(WorksheetNames names, Graph history, int number, Instant time) {
        Node entity = uri(names.version(number));
        addEntity(history, names, entity, number, time);
    }

    /** Records one write: its version entity and the activity that made it. */
    public static void recordWrite(WorksheetNames names, Graph history, Write write) {
        Node entity = uri(names.version(write.number()));
        Node activity = uri(names.activity(write.number()));
        Node user = uri(names.user(write.user()));
        addEntity(history, names, entity, write.number(), write.time());
        history.add(entity, WAS_GENERATED_BY, activity);
        history.add(entity, WAS_ATTRIBUTED_TO, user);
        history.add(activity, RDF.type.asNode(), ACTIVITY);
        history.add(activity, WAS_ASSOCIATED_WITH, user);
        history.add(activity, STARTED_AT_TIME, time(write.time()));
        history.add(activity, GENERATED, entity);
        history.add(user, RDF.type.asNode(), AGENT);
        if (write.origin() != null) {
            history.add(activity, DCTerms.type.asNode(), uri(write.origin().iri()));
        }
        if (write.comment() != null && !write.comment().isBlank()) {
            history.add(
                    activity,
                    RDFS.comment.asNode(),
                    NodeFactory.createLiteralString(write.comment().strip()));
        }
        if (write.number() > 1) {
            Node previous = uri(names.version(write.number() - 1));
            history.add(entity, WAS_REVISION_OF, previous);
            history.add(activity, USED, previous);
        }
        if (write.kind() == Version.Kind.RESTORE) {
            Node source = uri(names.version(write.restoredFrom()));
            history.add(entity, WAS_DERIVED_FROM, source);
            history.add(activity, USED, source);
        }
        if (write.kind() == Version.Kind.DELETE) {
            history.add(activity, INVALIDATED, uri(names.worksheet()));
        }
    }

    private static void addEntity(Graph history, WorksheetNames names, Node entity, int number, Instant time) {
        history.add(entity, RDF.type.asNode(), ENTITY);
        history.add(entity, SPECIALIZATION_OF, uri(names.worksheet()));
        history.add(
                entity,
                DCTerms.identifier.asNode(),
                NodeFactory.createLiteralDT(Integer.toString(number), XSDDatatype.XSDinteger));
        history.add(entity, GENERATED_AT_TIME, time(time));
    }

    private static Node time(Instant time) {
        return NodeFactory.createLiteralDT(time.toString(), XSDDatatype.XSDdateTime);
    }

    /** The graph {@code graph/worksheet/{slug}/version/{n}}: the content as one N-Triples literal. */
    public static Graph snapshot(WorksheetNames names, int number, Graph content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, content, Lang.NTRIPLES);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        Arrays.sort(lines);
        String text =
                String.join("\n", Arrays.stream(lines).filter(l -> !l.isBlank()).toList());
        Graph graph = GraphFactory.createDefaultGraph();
        Node entity = uri(names.version(number));
        graph.add(entity, RDF.value.asNode(), NodeFactory.createLiteralString(text));
        graph.add(entity, DCTerms.format.asNode(), NodeFactory.createLiteralString(NTRIPLES));
        return graph;
    }

    /** The content kept in a snapshot graph made by {@link #snapshot}; empty if there is none. */
    public static Graph content(WorksheetNames names, int number, Graph snapshot) {
        Graph content = GraphFactory.createDefaultGraph();
        object(snapshot, uri(names.version(number)), RDF.value.asNode())
                .ifPresent(text -> RDFParser.fromString(text.getLiteralLexicalForm(), Lang.NTRIPLES)
                        .parse(content));
        return content;
    }
}
