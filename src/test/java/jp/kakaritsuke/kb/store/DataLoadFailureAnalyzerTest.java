package jp.kakaritsuke.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** A start stopped by the loader is reported with the loader's message, wherever in the bean chain it arose. */
class DataLoadFailureAnalyzerTest {

    @Test
    void theLoadersMessageIsTheDescriptionOfTheFailedStart() {
        DataLoadException cause = new DataLoadException("data/worksheets/broken.trig:3:5: Undefined prefix");
        BeanCreationException failure = new BeanCreationException(
                "adminSparqlFilter", "Unsatisfied dependency", new BeanCreationException("knowledgeStore", "x", cause));

        // Others of the list need the application context to be made; only ours is wanted here.
        FailureAnalyzer registered = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> {}))
                .stream()
                .filter(DataLoadFailureAnalyzer.class::isInstance)
                .findFirst()
                .orElseThrow(() -> new AssertionError("registered in META-INF/spring.factories"));
        FailureAnalysis analysis = registered.analyze(failure);

        assertEquals(cause.getMessage(), analysis.getDescription());
        assertTrue(analysis.getAction().startsWith("Correct the data file or the setting"), analysis.getAction());
        assertSame(cause, analysis.getCause());
    }
}
