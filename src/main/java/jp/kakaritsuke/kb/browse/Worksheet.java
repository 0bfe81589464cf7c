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
    record Reading(String fragment, String reading, String rationale) {

        /**
         * The characters in which the source's fragment and the reading differ, position by position (輸 → 輪), so
         * that the page can show them, with their code points: some differ only there (a Kangxi radical ⾞ U+2F9E
         * beside the ideograph 車 U+8ECA looks the same). Fragments of different lengths are compared up to the
         * shorter one, the rest of the longer one counted as differing.
         */
        public List<CharDifference> differences() {
            if (fragment == null || reading == null) {
                return List.of();
            }
            int[] from = fragment.codePoints().toArray();
            int[] to = reading.codePoints().toArray();
            List<CharDifference> differences = new java.util.ArrayList<>();
            for (int i = 0; i < Math.max(from.length, to.length); i++) {
                int f = i < from.length ? from[i] : -1;
                int t = i < to.length ? to[i] : -1;
                if (f != t) {
                    differences.add(new CharDifference(CharDifference.of(f), CharDifference.of(t)));
                }
            }
            return differences;
        }
    }

    /** One character of a reading that differs from the source's, and what it is read as. */
    record CharDifference(Char source, Char reading) {

        /**
         * A character and its code point ({@code U+8F38}); {@code radical} if it is a Kangxi radical or a CJK
         * radical, which look like ideographs.
         */
        record Char(String text, String codePoint, boolean radical) {}

        static Char of(int cp) {
            if (cp < 0) {
                return new Char("", "", false);
            }
            return new Char(
                    new String(Character.toChars(cp)),
                    String.format("U+%04X", cp),
                    Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.KANGXI_RADICALS
                            || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT);
        }
    }

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

    /**
     * True if the page shows an interpretation of the editors anywhere (a reading of a fragment, a link or type the
     * source does not state): only then does it explain the interpretation badge.
     */
    public boolean hasInterpretations() {
        java.util.stream.Stream<Entry> entries = java.util.stream.Stream.of(
                        java.util.stream.Stream.of(challenge, targetState, effect),
                        causes.stream().map(Cause::entry),
                        measures.stream().map(Measure::entry),
                        measures.stream().flatMap(m -> m.actions().stream()).map(Action::entry),
                        notes.stream(),
                        indicators.stream().map(Indicator::entry),
                        reviews.stream().map(Review::entry))
                .flatMap(e -> e);
        if (entries.anyMatch(e -> e != null && !e.readings().isEmpty())) {
            return true;
        }
        java.util.stream.Stream<Tag> tags = java.util.stream.Stream.of(
                        causes.stream()
                                .flatMap(c ->
                                        java.util.stream.Stream.concat(c.viewpoints().stream(), c.mentions().stream())),
                        measures.stream()
                                .flatMap(m -> java.util.stream.Stream.of(m.addresses(), m.resources(), m.actors())
                                        .flatMap(List::stream)),
                        measures.stream()
                                .flatMap(m -> m.actions().stream())
                                .flatMap(a ->
                                        java.util.stream.Stream.concat(a.resources().stream(), a.actors().stream())),
                        roles.stream().map(Role::actor))
                .flatMap(t -> t);
        return tags.anyMatch(t -> t != null && t.interpreted());
    }

    /** An ordinal as the form prints it: {@link ItemKind#circled}. */
    static String circled(int n) {
        return ItemKind.circled(n);
    }
}
