package jp.kakaritsuke.kb.browse;

import java.util.List;
import jp.kakaritsuke.kb.browse.Links.Link;
import jp.kakaritsuke.kb.worksheet.ItemKind;

/**
 * What the worksheet page shows, read from the worksheet's graph: the header, the five boxes of the form (別添６) with
 * their entries, the editors' interpretations beside them, the division of roles, indicators and reviews.
 */
record Worksheet(
        String slug,
        String iri,
        String title,
        String titleTranslation,
        Link area,
        Link function,
        Link status,
        String fiscalYear,
        List<String> consultationDates,
        boolean synthetic,
        List<Source> sources,
        List<Link> attributedTo,
        Headings headings,
        Entry challenge,
        List<Cause> causes,
        Entry targetState,
        List<Measure> measures,
        Entry effect,
        List<Entry> notes,
        List<Role> roles,
        List<Indicator> indicators,
        List<Review> reviews,
        LogicModel logicModel) {

    /**
     * The printed headings of the form's boxes, from the template's slots (kk:heading, with the slot's
     * kk:translation); null where the template has none.
     */
    record Headings(
            Heading title,
            Heading challenge,
            Heading cause,
            Heading targetState,
            Heading measure,
            Heading effect,
            String attachment) {}

    /** A heading as printed on the form, with its translation. */
    record Heading(String text, String translation) {}

    /**
     * One entry of a box: the source wording verbatim, the editors' translation, and the readings the editors
     * recorded for parts of it.
     *
     * @param anchor the element id of the entry on the page
     * @param label the entry's label as printed on the form (原因①…), in Japanese; null for unlabelled entries
     * @param labelTranslation the label in English, if the data gives one
     * @param translationOutdated true if the translation no longer translates the text (kk:translationOutdated)
     */
    record Entry(
            String iri,
            String anchor,
            String label,
            String labelTranslation,
            String text,
            String translation,
            boolean translationOutdated,
            List<Reading> readings) {}

    /** An interpretation of a fragment of the source text: the editors read {@code fragment} as {@code reading}. */
    record Reading(String fragment, String reading, String rationale) {}

    /** A link that the source does not state when {@code interpreted}, with the editors' rationale. */
    record Tag(Link link, boolean interpreted, String rationale) {}

    /** A cause (原因n), its printed marker (【原因①】) with the viewpoint it is seen from and the resources it mentions. */
    record Cause(
            Entry entry, int ordinal, Heading marker, String othersHref, List<Tag> viewpoints, List<Tag> mentions) {

        public String circled() {
            return Worksheet.circled(ordinal);
        }
    }

    /** A ✓ action under a measure. */
    record Action(Entry entry, List<Tag> resources, List<Tag> actors) {}

    /** A measure (方策n), the causes it addresses, what it draws on and who takes part. */
    record Measure(
            Entry entry,
            int ordinal,
            Heading marker,
            List<Tag> addresses,
            List<Tag> resources,
            List<Tag> actors,
            List<Action> actions) {

        public String circled() {
            return Worksheet.circled(ordinal);
        }
    }

    /** One line of the division of roles. */
    record Role(
            String measureAnchor,
            String measureLabel,
            Tag actor,
            String text,
            String translation,
            boolean translationOutdated) {}

    /** A progress indicator with its baseline and target and the measures it tracks. */
    record Indicator(Entry entry, String baseline, String target, List<Link> tracks) {}

    /** A periodic review with its date and what it considered. */
    record Review(Entry entry, String date, List<Link> reviewed) {}

    /** The source excerpt a worksheet is taken from, and the document it is part of. */
    record Source(
            Link excerpt,
            Link document,
            String chapter,
            String pages,
            String attachment,
            Link publisher,
            String citation) {}

    /** An ordinal as the form prints it: {@link ItemKind#circled}. */
    static String circled(int n) {
        return ItemKind.circled(n);
    }
}
