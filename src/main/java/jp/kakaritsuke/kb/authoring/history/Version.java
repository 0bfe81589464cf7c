package jp.kakaritsuke.kb.authoring.history;

import java.time.Instant;

/**
 * One recorded version of a worksheet. Every write (save, restore, delete) makes a new version; version {@code n}'s
 * content is what the worksheet held right after write {@code n}, so the newest version is the current content.
 *
 * @param number 1, 2, 3, … in order of writing
 * @param iri the version entity, which is also the IRI of the named graph holding its snapshot
 * @param kind what made it
 * @param user the user name of whoever wrote it; empty for content that predates the history
 * @param time when it was written
 * @param comment the writer's comment; empty if none
 * @param restoredFrom for a restore, the number of the version whose content it brought back; otherwise 0
 * @param origin the door the write came through
 */
public record Version(
        int number, String iri, Kind kind, String user, Instant time, String comment, int restoredFrom, Origin origin) {

    /**
     * The door a write came through, recorded as {@code dct:type} of its activity with the IRI
     * {@code https://w3id.org/kakaritsuke/origin/{id}}.
     */
    public enum Origin {
        /** Shipped or loaded data that predates the history. */
        SHIPPED,
        /** The worksheet editor or the new-worksheet page. */
        EDITOR,
        /** An import (the import page, {@code POST /api/import}, the {@code import} command). */
        IMPORT,
        /** The history page's restore button. */
        HISTORY,
        /** The REST API ({@code /api/worksheets/…}). */
        API;

        private static final String NS = "https://w3id.org/kakaritsuke/origin/";

        /** The lower-case name used in IRIs, JSON and message keys. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String iri() {
            return NS + id();
        }

        /** The origin of an IRI made by {@link #iri()}; {@code fallback} for anything else. */
        public static Origin ofIri(String iri, Origin fallback) {
            for (Origin o : values()) {
                if (o.iri().equals(iri)) {
                    return o;
                }
            }
            return fallback;
        }
    }

    /** What made a version. */
    public enum Kind {
        /** Content the store held before its first recorded write (shipped or imported data). */
        INITIAL,
        /** A save of new content. */
        SAVE,
        /** A save whose content is that of an earlier version. */
        RESTORE,
        /** A deletion: the version's content is empty. */
        DELETE
    }
}
