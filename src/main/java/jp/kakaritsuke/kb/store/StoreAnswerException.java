package jp.kakaritsuke.kb.store;

/**
 * The store answered, but not with a whole answer: it cut the result at its row cap, or flagged the answer as
 * incomplete (Virtuoso's {@code X-SQL-State}). Such an answer is never used as data; like an unreachable store it is a
 * bad gateway (502), with the store's own words in the message.
 */
public class StoreAnswerException extends StoreUnavailableException {

    public StoreAnswerException(String message) {
        super(message, null);
    }
}
