package jp.kakaritsuke.kb.authoring;

import jp.kakaritsuke.kb.query.NamedQueryRunner;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.store.StoreProperties;

/** Repositories over a given store for tests of other packages (the import), wired as the application wires them. */
public final class RepositoryForTests {

    private RepositoryForTests() {}

    /** The repository over {@code store}, with the base IRI and shapes of {@link #storeProperties()}. */
    public static WorksheetRepository repository(KnowledgeStore store) {
        return AuthoringFixtures.repository(store);
    }

    /** The application's queries over {@code store}, with the timeout and base IRI of {@link #storeProperties()}. */
    public static NamedQueryRunner queries(KnowledgeStore store) {
        return AuthoringFixtures.queries(store);
    }

    /** The store settings the repository uses: base IRI {@code http://localhost:8080/}. */
    public static StoreProperties storeProperties() {
        return AuthoringFixtures.storeProperties();
    }
}
