package jp.kakaritsuke.kb.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.kakaritsuke.kb.vocab.VocabularySourceGenerator.Namespace;
import jp.kakaritsuke.kb.vocab.VocabularySourceGenerator.Ontology;
import jp.kakaritsuke.kb.vocab.VocabularySourceGenerator.Term;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fails when the vocabulary classes and the ontology disagree: every term the ontology defines has a constant of the
 * right type (Property for properties), every constant names a defined term, and the source files are what
 * {@link VocabularySourceGenerator} writes today (so the Javadoc follows the definitions too).
 */
class VocabularyInSyncTest {

    private static final String FIX = " (run VocabularySourceGenerator to regenerate)";

    private final Ontology ontology = Ontology.read(Path.of("."));

    @TestFactory
    Stream<DynamicTest> everyTermHasAConstantAndEveryConstantNamesATerm() {
        return VocabularySourceGenerator.NAMESPACES.stream()
                .map(namespace -> DynamicTest.dynamicTest(namespace.className(), () -> {
                    List<Term> terms = ontology.terms(namespace);
                    assertFalse(terms.isEmpty(), "the ontology defines no term in " + namespace.iri());
                    Map<String, String> expected = new TreeMap<>();
                    terms.forEach(t -> expected.put(t.iri(), t.property() ? "Property" : "Resource"));
                    assertEquals(expected, constants(namespace), namespace.className() + " vs the ontology" + FIX);
                }));
    }

    @TestFactory
    Stream<DynamicTest> sourceFilesAreWhatTheGeneratorWrites() {
        return VocabularySourceGenerator.NAMESPACES.stream()
                .map(namespace -> DynamicTest.dynamicTest(namespace.className() + ".java", () -> {
                    Path file = VocabularySourceGenerator.SOURCE_DIR.resolve(namespace.className() + ".java");
                    String expected = VocabularySourceGenerator.source(namespace, ontology.terms(namespace));
                    assertEquals(expected, read(file), file + " is out of date" + FIX);
                }));
    }

    /** IRI → "Property" or "Resource" for every public static final Jena constant of the namespace's class. */
    private static Map<String, String> constants(Namespace namespace) throws ReflectiveOperationException {
        Class<?> type = Class.forName(VocabularySourceGenerator.class.getPackageName() + "." + namespace.className());
        Map<String, String> constants = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            boolean constant =
                    Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers);
            if (!constant || !Resource.class.isAssignableFrom(field.getType())) {
                continue;
            }
            Resource value = (Resource) field.get(null);
            String kind = field.getType().equals(Property.class) ? "Property" : "Resource";
            String previous = constants.put(value.getURI(), kind);
            if (previous != null || !names.add(field.getName())) {
                throw new AssertionError(namespace.className() + " names " + value.getURI() + " twice");
            }
        }
        return constants;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
