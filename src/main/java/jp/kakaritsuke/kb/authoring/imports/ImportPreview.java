package jp.kakaritsuke.kb.authoring.imports;

import java.util.List;
import jp.kakaritsuke.kb.authoring.SaveResult;
import jp.kakaritsuke.kb.authoring.history.WorksheetDiff;

/**
 * What an import would do (a dry run) or did: for each worksheet of the file, whether it is new, replaces the current
 * content or changes nothing, how many statements are added and removed, and the change item by item.
 *
 * @param filename the uploaded file's name (may be empty)
 * @param format the format it was read as
 * @param worksheets the worksheets, in file order
 * @param saved after an apply, what the repository recorded for each worksheet; empty for a dry run
 */
record ImportPreview(String filename, ImportFormat format, List<Change> worksheets, List<SaveResult> saved) {

    ImportPreview {
        worksheets = List.copyOf(worksheets);
        saved = List.copyOf(saved);
    }

    /** What happens to one worksheet. */
    enum Kind {
        NEW,
        REPLACED,
        UNCHANGED;

        /** The lower-case name used in JSON and message keys (public for the pages' expressions). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One worksheet's change.
     *
     * @param slug the worksheet's slug
     * @param worksheet its IRI
     * @param kind new, replaced or unchanged
     * @param diff the statements removed and added, by item
     * @param version the worksheet's version when the change was computed (0: none), which an apply based on this
     *     preview requires to be still current
     */
    record Change(String slug, String worksheet, Kind kind, WorksheetDiff diff, int version) {}

    /** The version of each worksheet this preview was computed against, by slug. */
    java.util.Map<String, Integer> versions() {
        java.util.Map<String, Integer> versions = new java.util.LinkedHashMap<>();
        worksheets.forEach(c -> versions.put(c.slug(), c.version()));
        return versions;
    }

    boolean written() {
        return saved.stream().anyMatch(SaveResult::changed);
    }
}
