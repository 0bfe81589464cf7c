package jp.kakaritsuke.kb.worksheet;

import java.util.Comparator;

/**
 * The one order of the functions wherever they are listed — forms, lists, charts, templates: by their
 * {@code skos:notation}, 1号 first, then 2号 and its kinds in iroha order (2-イ, 2-ロ, 2-ハ, 2-ニ, 2-ホ), which is not
 * their code-point order (that would put ニ and ハ before ロ). Causes and measures are ordered by their number
 * ({@link WorksheetItem#FORM_ORDER}).
 */
public final class CanonicalOrder {

    private static final String IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス";

    /** Notations in the canonical order; a missing notation (null) last. */
    public static final Comparator<String> NOTATION = Comparator.nullsLast(Comparator.comparing(CanonicalOrder::key));

    private CanonicalOrder() {}

    /** A key that sorts notations in the canonical order: each iroha kana replaced by a character in iroha order. */
    public static String key(String notation) {
        if (notation == null) {
            return "\uffff";
        }
        StringBuilder key = new StringBuilder();
        for (char c : notation.toCharArray()) {
            int i = IROHA.indexOf(c);
            key.append(i < 0 ? c : (char) ('\u3400' + i));
        }
        return key.toString();
    }
}
