package jp.kakaritsuke.kb.authoring.imports;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;

import jp.kakaritsuke.kb.vocab.KK;

/**
 * The tabular layout of worksheets (CSV and Excel): one row per entry of the worksheet, a {@link Section} column
 * saying what the entry is, and the {@link Column}s below. Documented in the README (Importing worksheets from files) and in the templates
 * ({@code /import/template.csv}, {@code /import/template.xlsx}); column descriptions are the messages
 * {@code import.column.{name}}.
 */
final class TabularLayout {

    private TabularLayout() {
    }

    /** What a row is: the worksheet itself or one of its items. */
    enum Section {
        WORKSHEET("worksheet", null, null),
        CHALLENGE("challenge", KK.Challenge, KK.hasChallenge),
        CAUSE("cause", KK.Cause, KK.hasCause),
        TARGET_STATE("target_state", KK.TargetState, KK.hasTargetState),
        MEASURE("measure", KK.Measure, KK.hasMeasure),
        ACTION("action", KK.Action, KK.hasAction),
        ROLE("role", KK.RoleAssignment, KK.hasRoleAssignment),
        EFFECT("effect", KK.ExpectedEffect, KK.hasExpectedEffect),
        INDICATOR("indicator", KK.ProgressIndicator, KK.hasIndicator),
        REVIEW("review", KK.Review, KK.hasReview),
        NOTE("note", KK.Note, KK.hasNote);

        private final String id;
        private final Resource itemClass;
        private final Property link;

        Section(String id, Resource itemClass, Property link) {
            this.id = id;
            this.itemClass = itemClass;
            this.link = link;
        }

        /** The value of the {@code section} column. */
        String id() {
            return id;
        }

        /** The class of the item, or null for the worksheet row. */
        Resource itemClass() {
            return itemClass;
        }

        /** The property linking the worksheet (or, for actions and roles, the measure) to the item. */
        Property link() {
            return link;
        }

        /** True if the worksheet has at most one such item, which has no number. */
        boolean single() {
            return this == CHALLENGE || this == TARGET_STATE || this == EFFECT;
        }

        /** True if the item belongs to a measure named in the {@code parent} column. */
        boolean underMeasure() {
            return this == ACTION || this == ROLE;
        }

        boolean numbered() {
            return this != WORKSHEET && !single();
        }

        /** The item's IRI relative to the worksheet's: {@code cause/2}, {@code measure/1/role/2}, {@code effect}. */
        String path(int parent, int number) {
            return switch (this) {
                case WORKSHEET -> "";
                case CHALLENGE -> "challenge";
                case TARGET_STATE -> "target-state";
                case EFFECT -> "effect";
                case ACTION -> "measure/" + parent + "/action/" + number;
                case ROLE -> "measure/" + parent + "/role/" + number;
                default -> id + "/" + number;
            };
        }

        /**
         * The label an item gets when the row gives none, following the seed data ({@code 原因①} / {@code Cause 1},
         * {@code 方策①の役割分担2} / {@code Measure 1, role 2}).
         */
        String defaultLabel(String lang, int parent, int number) {
            boolean ja = lang.equals("ja");
            return switch (this) {
                case WORKSHEET -> null;
                case CHALLENGE -> ja ? "地域の具体的な課題" : "Concrete regional challenge";
                case CAUSE -> ja ? "原因" + circled(number) : "Cause " + number;
                case TARGET_STATE -> ja ? "地域で目指すべき姿" : "Target state";
                case MEASURE -> ja ? "方策" + circled(number) : "Measure " + number;
                case ACTION -> ja ? "方策" + circled(parent) + "の取組" + number
                        : "Measure " + parent + ", action " + number;
                case ROLE -> ja ? "方策" + circled(parent) + "の役割分担" + number
                        : "Measure " + parent + ", role " + number;
                case EFFECT -> ja ? "方策により期待できる効果" : "Expected effect";
                case INDICATOR -> ja ? "指標" + number : "Indicator " + number;
                case REVIEW -> ja ? "定期的な検証" + number : "Review " + number;
                case NOTE -> number == 1 ? (ja ? "注記" : "Note") : (ja ? "注記" + number : "Note " + number);
            };
        }

        static Section of(String id) {
            for (Section section : values()) {
                if (section.id.equals(id)) {
                    return section;
                }
            }
            return null;
        }

        static List<String> ids() {
            return List.of(values()).stream().map(Section::id).toList();
        }

        /** ① to ⑳ as the worksheets print them; larger numbers as digits. */
        private static String circled(int n) {
            return n >= 1 && n <= 20 ? String.valueOf((char) ('\u2460' + n - 1)) : Integer.toString(n);
        }
    }

    private static final Set<Section> ITEMS = EnumSet.complementOf(EnumSet.of(Section.WORKSHEET));
    private static final Set<Section> ALL = EnumSet.allOf(Section.class);

    /** The columns, in the order the templates show them. */
    enum Column {
        WORKSHEET_ID(ALL, true),
        AREA_CODE(ALL, true),
        FUNCTION(ALL, true),
        FISCAL_YEAR(ALL, true),
        STATUS(ALL, true),
        SECTION(ALL, false),
        NUMBER(EnumSet.of(Section.CAUSE, Section.MEASURE, Section.ACTION, Section.ROLE, Section.INDICATOR,
                Section.REVIEW, Section.NOTE), false),
        PARENT(EnumSet.of(Section.ACTION, Section.ROLE), false),
        TEXT_JA(ALL, false),
        TEXT_EN(ALL, false),
        ADDRESSES(EnumSet.of(Section.MEASURE), false),
        RESOURCES(EnumSet.of(Section.MEASURE, Section.ACTION), false),
        ACTORS(EnumSet.of(Section.MEASURE, Section.ACTION), false),
        ACTOR(EnumSet.of(Section.ROLE), false),
        VIEWPOINTS(EnumSet.of(Section.CAUSE), false),
        TYPES(EnumSet.of(Section.CAUSE, Section.MEASURE), false),
        MENTIONS(ITEMS, false),
        EXPLAINS(EnumSet.of(Section.CAUSE), false),
        LEADS_TO(EnumSet.of(Section.MEASURE), false),
        CONTRIBUTES_TO(EnumSet.of(Section.EFFECT), false),
        TRACKS(EnumSet.of(Section.INDICATOR), false),
        BASELINE(EnumSet.of(Section.INDICATOR), false),
        TARGET(EnumSet.of(Section.INDICATOR), false),
        REVIEW_DATE(EnumSet.of(Section.REVIEW), false),
        REVIEWS(EnumSet.of(Section.REVIEW), false),
        CONSULTATION_DATE(ALL, true),
        SYNTHETIC(ALL, true),
        SOURCE(ALL, true),
        DERIVED_FROM(ALL, true),
        ATTRIBUTED_TO(ALL, false),
        LABEL_JA(ALL, false),
        LABEL_EN(ALL, false);

        private final Set<Section> sections;
        private final boolean worksheetLevel;

        Column(Set<Section> sections, boolean worksheetLevel) {
            this.sections = sections;
            this.worksheetLevel = worksheetLevel;
        }

        /** The header name, such as {@code text_ja}. */
        String header() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The message key of the column's description. */
        String descriptionKey() {
            return "import.column." + header();
        }

        /** True if a row of {@code section} may fill this column. */
        boolean allowedIn(Section section) {
            return sections.contains(section);
        }

        /**
         * True for the worksheet's own values (area, function, …): any row of the worksheet may repeat them, and
         * all the values given must agree.
         */
        boolean worksheetLevel() {
            return worksheetLevel;
        }

        /** True if the header must have this column. */
        boolean required() {
            return this == WORKSHEET_ID || this == SECTION || this == TEXT_JA;
        }

        /** True if the cell holds a list, separated by {@code ;} (or {@code ；}, {@code ,}, {@code 、}, line breaks). */
        boolean list() {
            return switch (this) {
                case ADDRESSES, RESOURCES, ACTORS, VIEWPOINTS, TYPES, MENTIONS, TRACKS, REVIEWS, CONSULTATION_DATE,
                        DERIVED_FROM, ATTRIBUTED_TO -> true;
                default -> false;
            };
        }

        static Column of(String header) {
            for (Column column : values()) {
                if (column.header().equals(header)) {
                    return column;
                }
            }
            return null;
        }

        static List<String> headers() {
            return List.of(values()).stream().map(Column::header).toList();
        }
    }

    /** Splits a list cell into its values. */
    static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return List.of(cell.split("[;；,，、\\r\\n]+")).stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
