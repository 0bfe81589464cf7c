package jp.kakaritsuke.kb.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The rules of the package structure that the compiler does not check: content negotiation happens in {@code web}
 * (its {@code rdf} layer) and nowhere else, {@code web} knows no capability package that builds on it, failures say
 * their own status through the neutral {@code failure} contract, and the capability packages do not depend on each
 * other in circles.
 */
class ArchitectureTest {

    private static final String ROOT = "jp.kakaritsuke.kb";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /**
     * Request headers are read through {@code web}: a class elsewhere that read them itself could check the Accept
     * header by string. (Headers a controller takes as {@code @RequestHeader} parameters are checked below.)
     */
    @Test
    void onlyWebReadsRequestHeaders() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".web..")
                .should()
                .callMethod(HttpServletRequest.class, "getHeader", String.class)
                .orShould()
                .callMethod(HttpServletRequest.class, "getHeaders", String.class)
                .orShould()
                .callMethod(HttpHeaders.class, "getAccept")
                .because("content negotiation is decided by web.rdf.Negotiation, the one reader of Accept")
                .check(classes);
    }

    /** No controller outside {@code web} takes the Accept header as a parameter to inspect it. */
    @Test
    void noControllerOutsideWebTakesTheAcceptHeader() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .resideOutsideOfPackage(ROOT + ".web..")
                .should(notTakeTheAcceptHeader())
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void webDoesNotDependOnAuthoring() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".authoring..")
                .because("failures say their own status through failure.HttpFailure, so web needs no domain exception")
                .check(classes);
    }

    /**
     * The store and the query catalogue say how their failures are answered (a store that is down: 502, an unknown
     * query: 404) through the neutral {@code failure} contract, without knowing the web layer that renders them.
     */
    @Test
    void storeAndQueryDoNotDependOnWeb() {
        noClasses()
                .that()
                .resideInAnyPackage(ROOT + ".store..", ROOT + ".query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".web..")
                .because("their exceptions carry status and message key through failure.HttpFailure")
                .check(classes);
    }

    /** The failure contract is neutral ground: every package may depend on it, it depends on none of them. */
    @Test
    void failureContractDependsOnNoOtherPackage() {
        classes()
                .that()
                .resideInAPackage(ROOT + ".failure..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".failure..", "java..", "org.springframework.http..", "org.apache.jena.graph..")
                .check(classes);
    }

    /** {@code web.ErrorHandling} maps no exception of the application's own: they all say their status themselves. */
    @Test
    void errorHandlingMapsNoExceptionOfTheApplication() {
        noClasses()
                .that()
                .haveFullyQualifiedName(ROOT + ".web.ErrorHandling")
                .should()
                .dependOnClassesThat(assignableTo(Throwable.class)
                        .and(resideInAPackage(ROOT + ".."))
                        .and(not(resideInAPackage(ROOT + ".failure.."))))
                .because("an exception of the application says its own status and message key (failure.HttpFailure)")
                .check(classes);
    }

    @Test
    void webDependsOnNoCapabilityBuiltOnIt() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".authoring..",
                        ROOT + ".browse..",
                        ROOT + ".cross..",
                        ROOT + ".export..",
                        ROOT + ".linkeddata..",
                        ROOT + ".search..",
                        ROOT + ".sparql..",
                        ROOT + ".operations..",
                        ROOT + ".command..")
                .check(classes);
    }

    /** The capability packages ({@code browse}, {@code authoring}, {@code web}, {@code store}, …) form no cycle. */
    @Test
    void capabilityPackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    private static ArchCondition<JavaMethod> notTakeTheAcceptHeader() {
        return new ArchCondition<>("not take the Accept header as a @RequestHeader parameter") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    if (!parameter.isAnnotatedWith(RequestHeader.class)) {
                        continue;
                    }
                    RequestHeader header = parameter.getAnnotationOfType(RequestHeader.class);
                    boolean accept = Arrays.asList(header.value(), header.name()).stream()
                            .anyMatch(HttpHeaders.ACCEPT::equalsIgnoreCase);
                    if (accept) {
                        events.add(SimpleConditionEvent.violated(
                                method, method.getFullName() + " takes the Accept header as a parameter"));
                    }
                }
            }
        };
    }
}
