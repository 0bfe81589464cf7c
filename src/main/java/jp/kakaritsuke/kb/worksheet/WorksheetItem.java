package jp.kakaritsuke.kb.worksheet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An item of a worksheet, placed by its IRI: its kind, the number of its measure (actions and roles), its own number
 * (0 for single items).
 */
public record WorksheetItem(ItemKind kind, int parent, int number, String iri) {

    private static final Pattern PATH =
            Pattern.compile("(challenge|target-state|effect)|(cause|measure|indicator|review|note)/([1-9][0-9]{0,8})"
                    + "|measure/([1-9][0-9]{0,8})/(action|role)/([1-9][0-9]{0,8})");

    /** The order of the printed form: box by box, actions and roles right after their measure. */
    public static final Comparator<WorksheetItem> FORM_ORDER = Comparator.comparingInt(WorksheetItem::box)
            .thenComparingInt(i -> i.kind.underMeasure() ? i.parent : i.number)
            .thenComparingInt(i -> i.kind.ordinal())
            .thenComparingInt(WorksheetItem::number);

    /** The item at {@code iri} of the worksheet {@code names}, or null if the IRI is not an item's. */
    public static WorksheetItem at(WorksheetNames names, String iri) {
        return at(names.worksheet(), iri);
    }

    /** The item at {@code iri} of the worksheet {@code worksheet} (its IRI), or null if the IRI is not an item's. */
    public static WorksheetItem at(String worksheet, String iri) {
        String prefix = worksheet + "/";
        if (iri == null || !iri.startsWith(prefix)) {
            return null;
        }
        Matcher m = PATH.matcher(iri.substring(prefix.length()));
        if (!m.matches()) {
            return null;
        }
        if (m.group(1) != null) {
            return new WorksheetItem(ItemKind.ofSegment(m.group(1)), 0, 0, iri);
        }
        if (m.group(2) != null) {
            return new WorksheetItem(ItemKind.ofSegment(m.group(2)), 0, Integer.parseInt(m.group(3)), iri);
        }
        return new WorksheetItem(
                ItemKind.ofSegment(m.group(5)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(6)), iri);
    }

    /**
     * The label of {@code iri} in {@code lang} as the form prints it ({@code 原因①}, {@code 方策②の取組1}) if it is
     * an item of {@code worksheet}; {@code 協議シート} / {@code Worksheet} for the worksheet itself and anything else.
     */
    public static String labelOf(String worksheet, String iri, String lang) {
        WorksheetItem item = iri == null ? null : at(worksheet, iri);
        return item != null ? item.label(lang) : "ja".equals(lang) ? "協議シート" : "Worksheet";
    }

    /**
     * Whether {@code text} (in {@code lang}) is the label the form prints for the item at {@code iri}, a worksheet under
     * {@code base}: {@code 原因①} for {@code …/cause/1}, {@code Measure 1, role 2} in English for
     * {@code …/measure/1/role/2}. Such a label is made from the item's place, not written by anyone.
     */
    public static boolean isPrintedLabel(String base, String iri, String text, String lang) {
        String prefix = WorksheetNames.worksheetPrefix(base);
        if (iri == null || !iri.startsWith(prefix)) {
            return false;
        }
        int end = iri.indexOf('/', prefix.length());
        if (end < 0) {
            return false;
        }
        boolean japanese = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("ja");
        // The item and its label follow from the path under the worksheet alone: the same on every worksheet.
        String label = PRINTED.get(iri.substring(end) + (japanese ? " ja" : " en"), place -> {
            WorksheetItem item = at(iri.substring(0, end), iri);
            return item == null ? "" : item.label(japanese ? "ja" : "en");
        });
        return !label.isEmpty() && label.equals(text);
    }

    /**
     * The printed labels met, by the item's path under its worksheet and the language ("" for a path that is no
     * item's): a bulk load asks for hundreds of thousands of labels of a few hundred places.
     */
    private static final Cache<String, String> PRINTED =
            Caffeine.newBuilder().maximumSize(4096).build();

    /** The item's label in {@code lang} as the form prints it ({@code 原因①}, {@code Measure 1, role 2}). */
    public String label(String lang) {
        return kind.label(lang, parent, number);
    }

    private int box() {
        return kind.underMeasure() ? ItemKind.MEASURE.ordinal() : kind.ordinal();
    }
}
