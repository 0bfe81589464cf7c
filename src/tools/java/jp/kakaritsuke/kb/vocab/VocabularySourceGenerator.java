package jp.kakaritsuke.kb.vocab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.SourceVersion;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Writes the vocabulary classes of jp.kakaritsuke.kb.vocab (one per namespace) from ontology/kakaritsuke.ttl and
 * ontology/concepts.ttl. Run it after changing the ontology:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.kakaritsuke.kb.vocab.VocabularySourceGenerator
 * </pre>
 *
 * or from an IDE, with the project directory as working directory (or as the only argument).
 * {@code VocabularyInSyncTest} fails while the classes and the ontology disagree.
 */
public final class VocabularySourceGenerator {

    static final List<Path> ONTOLOGY_FILES =
            List.of(Path.of("ontology/kakaritsuke.ttl"), Path.of("ontology/concepts.ttl"));
    static final Path SOURCE_DIR = Path.of("src/main/java/jp/kakaritsuke/kb/vocab");

    private static final int LINE_WIDTH = 120;
    private static final List<String> KINDS = List.of("class", "property", "concept scheme", "concept");
    private static final Set<Resource> PROPERTY_TYPES =
            Set.of(OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property);
    private static final Set<Resource> VOCABULARY_TYPES = Set.of(
            OWL.Class,
            OWL.ObjectProperty,
            OWL.DatatypeProperty,
            OWL.AnnotationProperty,
            RDF.Property,
            SKOS.ConceptScheme);

    /** One namespace and the Java class that names its terms. */
    record Namespace(String className, String prefix, String iri, String description, boolean concepts) {

        /** The Java constant name of a term: the local name for kk:, UPPER_SNAKE_CASE for concepts. */
        String constantName(String localName) {
            String name = concepts ? localName.replace('-', '_').toUpperCase(Locale.ROOT) : localName;
            if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
                throw new IllegalStateException(prefix + ":" + localName + " gives no Java identifier: " + name);
            }
            return name;
        }
    }

    /** One term of a namespace, in the order the ontology files declare it. */
    record Term(String iri, String localName, boolean property, String kind, String jaLabel, String enDefinition) {}

    static final List<Namespace> NAMESPACES = List.of(
            new Namespace(
                    "KK",
                    "kk",
                    "https://w3id.org/kakaritsuke/ontology#",
                    "Classes, properties and concept schemes of the kakaritsuke ontology (ontology/kakaritsuke.ttl; the"
                            + " schemes are in ontology/concepts.ttl).",
                    false),
            new Namespace(
                    "Functions",
                    "kkfn",
                    "https://w3id.org/kakaritsuke/function/",
                    "Concepts of the scheme kk:functions: the family-doctor functions (ontology/concepts.ttl).",
                    true),
            new Namespace(
                    "Resources",
                    "kkres",
                    "https://w3id.org/kakaritsuke/resource/",
                    "Concepts of the scheme kk:resources: the reused resources that measures draw on"
                            + " (ontology/concepts.ttl).",
                    true),
            new Namespace(
                    "ActorTypes",
                    "kkact",
                    "https://w3id.org/kakaritsuke/actor/",
                    "Concepts of the scheme kk:actorTypes: the types of actors (ontology/concepts.ttl).",
                    true),
            new Namespace(
                    "Statuses",
                    "kkst",
                    "https://w3id.org/kakaritsuke/status/",
                    "Concepts of the scheme kk:statuses: the states of a worksheet (ontology/concepts.ttl).",
                    true),
            new Namespace(
                    "Sections",
                    "kksec",
                    "https://w3id.org/kakaritsuke/section/",
                    "Concepts of the scheme kk:sections: the sections of a worksheet (ontology/concepts.ttl).",
                    true),
            new Namespace(
                    "FacilityFunctions",
                    "kkfac",
                    "https://w3id.org/kakaritsuke/facility-function/",
                    "Concepts of the scheme kk:facilityFunctions: the designated functions of medical institutions"
                            + " (ontology/concepts.ttl).",
                    true),
            new Namespace(
                    "Codes",
                    "kkcode",
                    "https://w3id.org/kakaritsuke/code/",
                    "Concepts of the code lists of the regional evidence: kk:ageBands, kk:demandCategories, kk:units"
                            + " and kk:municipalityKinds (ontology/concepts.ttl).",
                    true),
            new Namespace(
                    "CauseTypes",
                    "kkct",
                    "https://w3id.org/kakaritsuke/cause-type/",
                    "Concepts of the scheme kk:causeTypes: the types of causes, for comparing causes across areas"
                            + " (ontology/concepts.ttl).",
                    true),
            new Namespace(
                    "MeasureTypes",
                    "kkmt",
                    "https://w3id.org/kakaritsuke/measure-type/",
                    "Concepts of the scheme kk:measureTypes: the types of measures, for comparing measures across"
                            + " areas (ontology/concepts.ttl).",
                    true));

    private VocabularySourceGenerator() {}

    public static void main(String[] args) throws IOException {
        Path projectDir = Path.of(args.length > 0 ? args[0] : ".");
        Ontology ontology = Ontology.read(projectDir);
        for (Namespace namespace : NAMESPACES) {
            Path file = projectDir.resolve(SOURCE_DIR).resolve(namespace.className() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source(namespace, ontology.terms(namespace)), StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
    }

    /** The ontology files, read once, with the order in which they first mention each subject. */
    record Ontology(Model model, List<Node> subjectOrder) {

        static Ontology read(Path projectDir) {
            Model model = ModelFactory.createDefaultModel();
            Set<Node> order = new LinkedHashSet<>();
            for (Path file : ONTOLOGY_FILES) {
                RDFParser.source(projectDir.resolve(file)).parse(new StreamRDFBase() {
                    @Override
                    public void triple(Triple triple) {
                        order.add(triple.getSubject());
                        model.getGraph().add(triple);
                    }
                });
            }
            return new Ontology(model, List.copyOf(order));
        }

        /** The terms of {@code namespace} the ontology defines, in declaration order. */
        List<Term> terms(Namespace namespace) {
            List<Term> terms = new ArrayList<>();
            for (Node node : subjectOrder) {
                if (!node.isURI() || !node.getURI().startsWith(namespace.iri())) {
                    continue;
                }
                String localName = node.getURI().substring(namespace.iri().length());
                if (localName.isEmpty()) {
                    continue;
                }
                Resource subject = model.wrapAsResource(node);
                Set<Resource> types = new LinkedHashSet<>();
                subject.listProperties(RDF.type).forEach(s -> types.add(s.getResource()));
                boolean isTerm = namespace.concepts()
                        ? types.contains(SKOS.Concept)
                        : types.stream().anyMatch(VOCABULARY_TYPES::contains);
                if (!isTerm) {
                    continue;
                }
                boolean property = types.stream().anyMatch(PROPERTY_TYPES::contains);
                String kind = namespace.concepts()
                        ? "concept"
                        : property ? "property" : types.contains(OWL.Class) ? "class" : "concept scheme";
                String jaLabel = literal(subject, namespace.concepts() ? SKOS.prefLabel : RDFS.label, "ja");
                String enDefinition = literal(subject, SKOS.definition, "en");
                terms.add(new Term(node.getURI(), localName, property, kind, jaLabel, enDefinition));
            }
            terms.sort(Comparator.comparingInt(t -> KINDS.indexOf(t.kind())));
            return terms;
        }

        private static String literal(Resource subject, Property property, String language) {
            return subject.listProperties(property).toList().stream()
                    .map(Statement::getObject)
                    .filter(o ->
                            o.isLiteral() && o.as(Literal.class).getLanguage().equalsIgnoreCase(language))
                    .map(o -> o.asLiteral().getLexicalForm())
                    .sorted()
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException(subject + " has no " + property.getLocalName() + "@" + language));
        }
    }

    /** The Java source of the vocabulary class of {@code namespace}. */
    static String source(Namespace namespace, List<Term> terms) {
        StringBuilder out = new StringBuilder();
        out.append("package jp.kakaritsuke.kb.vocab;\n\n");
        boolean anyProperty = terms.stream().anyMatch(Term::property);
        if (anyProperty) {
            out.append("import org.apache.jena.rdf.model.Property;\n");
        }
        out.append("import org.apache.jena.rdf.model.Resource;\n");
        out.append("import org.apache.jena.rdf.model.ResourceFactory;\n\n");
        out.append("/**\n");
        wrap(out, "", namespace.description());
        out.append(" *\n");
        wrap(
                out,
                "",
                "<p>Generated from the ontology by VocabularySourceGenerator (src/test); do not edit by hand."
                        + " VocabularyInSyncTest fails while this class and the ontology disagree.");
        out.append(" */\n");
        out.append("public final class ").append(namespace.className()).append(" {\n\n");
        out.append("    /** The namespace IRI. */\n");
        out.append("    public static final String NS = \"")
                .append(namespace.iri())
                .append("\";\n\n");
        out.append("    /** The preferred prefix. */\n");
        out.append("    public static final String PREFIX = \"")
                .append(namespace.prefix())
                .append("\";\n");
        if (namespace.className().equals("KK")) {
            out.append("\n    /** The start of every vocabulary IRI; {@code {VOCABULARY}{rest}} is served at"
                    + " {@code /def/{rest}}. */\n");
            out.append("    public static final String VOCABULARY = \"https://w3id.org/kakaritsuke/\";\n");
            out.append("\n    /** The ontology IRI, also the name of the graph that holds the ontology. */\n");
            out.append("    public static final String ONTOLOGY = \"https://w3id.org/kakaritsuke/ontology\";\n");
        }
        String section = null;
        for (Term term : terms) {
            String termSection = sectionTitle(term);
            if (!namespace.concepts() && !termSection.equals(section)) {
                out.append("\n    // ").append(termSection).append("\n");
                section = termSection;
            }
            out.append("\n    /**\n");
            wrap(out, "    ", javadoc(term.enDefinition()));
            out.append("     *\n");
            wrap(
                    out,
                    "    ",
                    "<p>" + javadoc(term.jaLabel()) + " ({@code " + namespace.prefix() + ":" + term.localName() + "})");
            out.append("     */\n");
            String type = term.property() ? "Property" : "Resource";
            String factory = term.property() ? "property" : "resource";
            out.append("    public static final ")
                    .append(type)
                    .append(' ')
                    .append(namespace.constantName(term.localName()))
                    .append(" = ")
                    .append(factory)
                    .append("(\"")
                    .append(term.localName())
                    .append("\");\n");
        }
        out.append("\n    private ").append(namespace.className()).append("() {\n    }\n\n");
        out.append("    private static Resource resource(String localName) {\n");
        out.append("        return ResourceFactory.createResource(NS + localName);\n    }\n");
        if (anyProperty) {
            out.append("\n    private static Property property(String localName) {\n");
            out.append("        return ResourceFactory.createProperty(NS + localName);\n    }\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static String sectionTitle(Term term) {
        return switch (term.kind()) {
            case "class" -> "Classes";
            case "property" -> "Properties";
            default -> "Concept schemes";
        };
    }

    /** Escapes what Javadoc would read as markup. */
    private static String javadoc(String text) {
        Function<String, String> escape = s -> s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "&#64;")
                .replace("*/", "*&#47;");
        return escape.apply(text.strip());
    }

    /** Appends {@code text} as Javadoc lines of at most {@link #LINE_WIDTH} characters, broken at spaces. */
    private static void wrap(StringBuilder out, String indent, String text) {
        String lead = indent + " * ";
        StringBuilder line = new StringBuilder(lead);
        for (String word : text.split(" ")) {
            if (line.length() > lead.length() && line.length() + 1 + word.length() > LINE_WIDTH) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(lead);
            }
            if (line.length() > lead.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
