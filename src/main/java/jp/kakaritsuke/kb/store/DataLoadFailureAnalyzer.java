package jp.kakaritsuke.kb.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start that the loading of the shipped data stopped (a broken data file, a store loaded under another
 * base IRI) as Spring Boot reports a failed start: the loader's own message (file, line and column, or the store's
 * base IRI and the setting to change, or the store a bulk load left incomplete) as the description, and what to do
 * about it as the action, instead of at the end of a chain of bean-creation errors.
 */
public final class DataLoadFailureAnalyzer extends AbstractFailureAnalyzer<DataLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataLoadException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
