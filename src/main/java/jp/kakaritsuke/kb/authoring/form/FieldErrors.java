package jp.kakaritsuke.kb.authoring.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.authoring.ValidationFailedException;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.worksheet.WorksheetItem;

/**
 * The SHACL results of a refused save, placed at the editor's fields: each result's focus node (the worksheet or
 * one of its items, whose IRI gives its position in the form) and result path (the property the field edits) name
 * the element id of the field, e.g. {@code cause-2} (a cause no measure addresses), {@code challenge} (no
 * challenge), {@code measure-1-text} (a measure's text without {@code @ja}). The template shows each message at that
 * id and all of them in a summary that links there.
 */
public final class FieldErrors {

    private static final Pattern ITEM = Pattern.compile(
            "/(challenge|target-state|effect|cause/(\\d+)|indicator/(\\d+)|measure/(\\d+)(?:/(action|role)/(\\d+))?)");

    /** Worksheet properties and the field that edits them. */
    private static final Map<String, String> WORKSHEET_FIELDS = Map.ofEntries(
            Map.entry("http://purl.org/dc/terms/title", "title"),
            Map.entry(KK.translation.getURI(), "title"),
            Map.entry(KK.hasChallenge.getURI(), "challenge"),
            Map.entry(KK.hasCause.getURI(), "causes"),
            Map.entry(KK.hasTargetState.getURI(), "target-state"),
            Map.entry(KK.hasMeasure.getURI(), "measures"),
            Map.entry(KK.hasExpectedEffect.getURI(), "effect"),
            Map.entry(KK.hasIndicator.getURI(), "indicators"),
            Map.entry(KK.status.getURI(), "status"),
            Map.entry(KK.fiscalYear.getURI(), "fiscal-year"),
            Map.entry(KK.consultationDate.getURI(), "consultation-dates"),
            Map.entry(KK.area.getURI(), "area"),
            Map.entry(KK.function.getURI(), "function"));

    /** Item properties and the suffix of the field that edits them; other paths point at the item's block. */
    private static final Map<String, String> ITEM_FIELDS = Map.ofEntries(
            Map.entry(KK.text.getURI(), "-text"),
            Map.entry(KK.translation.getURI(), "-translation"),
            Map.entry(KK.addresses.getURI(), "-addresses"),
            Map.entry(KK.causeType.getURI(), "-types"),
            Map.entry(KK.measureType.getURI(), "-types"),
            Map.entry(KK.usesResource.getURI(), "-resources"),
            Map.entry(KK.involvesActor.getURI(), "-actors"),
            Map.entry(KK.assignedTo.getURI(), "-actor"),
            Map.entry(KK.tracks.getURI(), "-tracks"),
            Map.entry(KK.baselineValue.getURI(), "-baseline"),
            Map.entry(KK.targetValue.getURI(), "-target"));

    /**
     * One message where it belongs.
     *
     * @param field the element id of the field or block, or {@code worksheet} when no field edits it
     * @param item the item the message is about as the form labels it (原因①, 方策②の取組1, Cause 1), or
     *     協議シート / Worksheet
     * @param message the message in the reader's language
     */
    public record Message(String field, String item, String message) {}

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final List<Message> all = new ArrayList<>();

    private FieldErrors() {}

    /** No errors. */
    static FieldErrors none() {
        return new FieldErrors();
    }

    /** The results of {@code e} for worksheet {@code worksheet} (its IRI), in {@code lang} ("ja" or "en"). */
    static FieldErrors of(ValidationFailedException e, String worksheet, String lang) {
        FieldErrors errors = new FieldErrors();
        for (ValidationFailedException.Violation v : e.violations()) {
            String message = "en".equals(lang) ? v.messageEn() : v.messageJa();
            String field = field(worksheet, strip(v.focusNode()), strip(v.path()));
            if (errors.byField.computeIfAbsent(field, f -> new ArrayList<>()).contains(message)) {
                continue;
            }
            errors.byField.get(field).add(message);
            errors.all.add(new Message(field, WorksheetItem.labelOf(worksheet, strip(v.focusNode()), lang), message));
        }
        return errors;
    }

    /** The field id of a result on {@code focus} (an IRI) along {@code path} (a property IRI, maybe inverse). */
    static String field(String worksheet, String focus, String path) {
        boolean inverse = path.startsWith("^");
        String property = inverse ? strip(path.substring(1)) : path;
        if (focus.equals(worksheet)) {
            String field = inverse ? null : WORKSHEET_FIELDS.get(property);
            return field == null ? "worksheet" : field;
        }
        if (!focus.startsWith(worksheet + "/")) {
            return "worksheet";
        }
        Matcher m = ITEM.matcher(focus.substring(worksheet.length()));
        if (!m.matches()) {
            return "worksheet";
        }
        String block;
        if (m.group(2) != null) {
            block = "cause-" + m.group(2);
        } else if (m.group(3) != null) {
            block = "indicator-" + m.group(3);
        } else if (m.group(4) != null) {
            block = "measure-" + m.group(4) + (m.group(5) == null ? "" : "-" + m.group(5) + "-" + m.group(6));
        } else {
            block = m.group(1);
        }
        String suffix = inverse ? null : ITEM_FIELDS.get(property);
        return suffix == null ? block : block + suffix;
    }

    private static String strip(String nt) {
        String s = nt == null ? "" : nt.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    /** The messages at field {@code field}. */
    public List<String> at(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** True if field {@code field} has a message. */
    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** Every message, in the report's order, with its field. */
    public List<Message> all() {
        return all;
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }
}
