package jp.kakaritsuke.kb.worksheet;

import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;

/**
 * The kinds of items of a worksheet (the boxes of the form 別添６ and what goes with them): where each sits under the
 * worksheet's IRI, its class, the property that links it, and the label it is printed with.
 *
 * <p>Challenge, target state and effect are single: a worksheet has at most one of each, at
 * {@code id/worksheet/{slug}/challenge} and so on, without a number. The others are numbered from 1
 * ({@code …/cause/2}); actions and roles are numbered within their measure ({@code …/measure/1/role/2}).
 */
public enum ItemKind {
    CHALLENGE("challenge", KK.Challenge, KK.hasChallenge),
    CAUSE("cause", KK.Cause, KK.hasCause),
    TARGET_STATE("target-state", KK.TargetState, KK.hasTargetState),
    MEASURE("measure", KK.Measure, KK.hasMeasure),
    ACTION("action", KK.Action, KK.hasAction),
    ROLE("role", KK.RoleAssignment, KK.hasRoleAssignment),
    EFFECT("effect", KK.ExpectedEffect, KK.hasExpectedEffect),
    INDICATOR("indicator", KK.ProgressIndicator, KK.hasIndicator),
    REVIEW("review", KK.Review, KK.hasReview),
    NOTE("note", KK.Note, KK.hasNote);

    private final String segment;
    private final Resource itemClass;
    private final Property link;

    ItemKind(String segment, Resource itemClass, Property link) {
        this.segment = segment;
        this.itemClass = itemClass;
        this.link = link;
    }

    /** The path segment of the kind under the worksheet's IRI: {@code cause}, {@code target-state}, … */
    public String segment() {
        return segment;
    }

    /** The item's class, e.g. {@code kk:Cause}. */
    public Resource itemClass() {
        return itemClass;
    }

    /** The property linking the worksheet (for actions and roles: their measure) to the item. */
    public Property link() {
        return link;
    }

    /** True if a worksheet has at most one such item, which has no number. */
    public boolean single() {
        return this == CHALLENGE || this == TARGET_STATE || this == EFFECT;
    }

    /** True if the item belongs to a measure and is numbered within it. */
    public boolean underMeasure() {
        return this == ACTION || this == ROLE;
    }

    /**
     * The item's IRI relative to the worksheet's: {@code challenge}, {@code cause/2}, {@code measure/1/role/2}.
     *
     * @param parent the measure's number for actions and roles, else ignored
     * @param number the item's number; ignored for single items
     */
    public String path(int parent, int number) {
        if (single()) {
            return segment;
        }
        if (underMeasure()) {
            return MEASURE.segment + "/" + parent + "/" + segment + "/" + number;
        }
        return segment + "/" + number;
    }

    /**
     * The label an item is printed with, as the seed data labels them: {@code 原因①} / {@code Cause 1},
     * {@code 方策②の取組1} / {@code Measure 2, action 1}, {@code 指標1} / {@code Indicator 1}, {@code 注記} /
     * {@code Note} for the first note.
     *
     * @param lang {@code ja} for Japanese, anything else for English
     */
    public String label(String lang, int parent, int number) {
        boolean ja = "ja".equals(lang);
        return switch (this) {
            case CHALLENGE -> ja ? "地域の具体的な課題" : "Concrete regional challenge";
            case CAUSE -> ja ? "原因" + circled(number) : "Cause " + number;
            case TARGET_STATE -> ja ? "地域で目指すべき姿" : "Target state";
            case MEASURE -> ja ? "方策" + circled(number) : "Measure " + number;
            case ACTION -> ja ? "方策" + circled(parent) + "の取組" + number : "Measure " + parent + ", action " + number;
            case ROLE -> ja ? "方策" + circled(parent) + "の役割分担" + number : "Measure " + parent + ", role " + number;
            case EFFECT -> ja ? "方策により期待できる効果" : "Expected effect";
            case INDICATOR -> ja ? "指標" + number : "Indicator " + number;
            case REVIEW -> ja ? "定期的な検証" + number : "Review " + number;
            case NOTE -> number == 1 ? (ja ? "注記" : "Note") : (ja ? "注記" + number : "Note " + number);
        };
    }

    /** A number as the form prints causes and measures: ① for 1 up to ⑳ for 20, then (21), (22), … */
    public static String circled(int n) {
        return n >= 1 && n <= 20 ? String.valueOf((char) ('\u2460' + n - 1)) : "(" + n + ")";
    }

    /** The kind whose path segment is {@code segment}, or null. */
    public static ItemKind ofSegment(String segment) {
        for (ItemKind kind : values()) {
            if (kind.segment.equals(segment)) {
                return kind;
            }
        }
        return null;
    }
}
