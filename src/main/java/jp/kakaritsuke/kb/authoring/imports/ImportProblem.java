package jp.kakaritsuke.kb.authoring.imports;

import java.util.Arrays;
import java.util.List;

/**
 * One reason an import was refused: where in the file, and what rule was broken, as the message {@code key} (in the
 * authoring bundle) with its arguments.
 *
 * @param where the place in the file
 * @param key the message key, {@code import.problem.…}
 * @param args the message's arguments: text, or another {@link Where} (shown in the reader's language)
 */
record ImportProblem(Where where, String key, List<Object> args) {

    ImportProblem {
        args = List.copyOf(args);
    }

    static ImportProblem of(Where where, String key, Object... args) {
        return new ImportProblem(
                where,
                key,
                Arrays.stream(args)
                        .map(a -> a instanceof Where ? a : (Object) String.valueOf(a))
                        .toList());
    }

    /** The problem in English, for logs and exception messages. */
    @Override
    public String toString() {
        return where + ": " + key + " " + args;
    }
}
