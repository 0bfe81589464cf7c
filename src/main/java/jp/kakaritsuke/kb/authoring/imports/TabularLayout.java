package jp.kakaritsuke.kb.authoring.imports;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;

/**
 * The tabular layout of worksheets (CSV and Excel): one row per entry of the worksheet, a {@link Section} column
 * saying what the entry is, and the {@link Column}s below. Documented in the README (Importing worksheets from files) and in the templates
 * ({@code /import/template.csv}, {@code /import/template.xlsx}); column descriptions are the messages
 * {@code import.column.{name}}.
 */
final class TabularLayout {

    private TabularLayout() {}

    /** What a row is: the worksheet itself or one of its items (IRIs, classes and labels: {@link ItemKind}). */
    enum Section {
        WORKSHEET("worksheet", null),
        CHALLENGE("challenge", ItemKind.CHALLENGE),
        CAUSE("cause", ItemKind.CAUSE),
        TARGET_STATE("target_state", ItemKind.TARGET_STATE),
        MEASURE("measure", ItemKind.MEASURE),
        ACTION("action", ItemKind.ACTION),
        ROLE("role", ItemKind.ROLE),
        EFFECT("effect", ItemKind.EFFECT),
        INDICATOR("indicator", ItemKind.INDICATOR),
        REVIEW("review", ItemKind.REVIEW),
        NOTE("note", ItemKind.NOTE);

        private final String id;
        private final ItemKind kind;

        Section(String id, ItemKind kind) {
            this.id = id;
            this.kind = kind;
        }

        /** The value of the {@code section} column. */
        String id() {
            return id;
        }

        /** The kind of item, or null for the worksheet row. */
        ItemKind kind() {
            return kind;
        }

        /** The class of the item, or null for the worksheet row. */
        Resource itemClass() {
            return kind == null ? null : kind.itemClass();
        }

        /** The property linking the worksheet (or, for actions and roles, the measure) to the item. */
        Property link() {
            return kind == null ? null : kind.link();
        }

        /** True if the worksheet has at most one such item, which has no number. */
        boolean single() {
            return kind != null && kind.single();
        }

        /** True if the item belongs to a measure named in the {@code parent} column. */
        boolean underMeasure() {
            return kind != null && kind.underMeasure();
        }

        boolean numbered() {
            return this != WORKSHEET && !single();
        }

        /** The item's IRI relative to the worksheet's: {@code cause/2}, {@code measure/1/role/2}, {@code effect}. */
        String path(int parent, int number) {
            return kind == null ? "" : kind.path(parent, number);
        }

        /** The label an item gets when the row gives none: {@link ItemKind#label}. */
        String defaultLabel(String lang, int parent, int number) {
            return kind == null ? null : kind.label(lang, parent, number);
        }

        /** The section of an item kind. */
        static Section of(ItemKind kind) {
            for (Section section : values()) {
                if (section.kind == kind) {
                    return section;
                }
            }
            throw new IllegalArgumentException(String.valueOf(kind));
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
        NUMBER(
                EnumSet.of(
                        Section.CAUSE,
                        Section.MEASURE,
                        Section.ACTION,
                        Section.ROLE,
                        Section.INDICATOR,
                        Section.REVIEW,
                        Section.NOTE),
                false),
        PARENT(EnumSet.of(Section.ACTION, Section.ROLE), false),
        TEXT_JA(ALL, false),
        TEXT_EN(ALL, false),
        TRANSLATION_OUTDATED(ALL, false),
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
                case ADDRESSES,
                        RESOURCES,
                        ACTORS,
                        VIEWPOINTS,
                        TYPES,
                        MENTIONS,
                        TRACKS,
                        REVIEWS,
                        CONSULTATION_DATE,
                        DERIVED_FROM,
                        ATTRIBUTED_TO -> true;
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
        return List.of(cell.split("[;；,，、\\r\\n]+")).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
