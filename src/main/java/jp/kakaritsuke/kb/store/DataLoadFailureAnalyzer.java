package jp.kakaritsuke.kb.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start that the loading of the shipped data stopped (a broken data file, a store loaded under another
 * base IRI) as Spring Boot reports a failed start: the loader's own message (file, line and column, or the store's
 * base IRI and the setting to change) as the description, instead of at the end of a chain of bean-creation errors.
 */
public final class DataLoadFailureAnalyzer extends AbstractFailureAnalyzer<DataLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataLoadException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the data file or the setting named above and start again. The load writes in one transaction"
                        + " (or, into a remote store, records a complete load last), so the store holds no half load.",
                cause);
    }
}
