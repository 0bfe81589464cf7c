package jp.kakaritsuke.kb.authoring.form;

import java.util.List;
import jp.kakaritsuke.kb.authoring.history.Version;
import jp.kakaritsuke.kb.authoring.history.WorksheetDiff;

/**
 * What the editor shows after a save was refused because someone else saved meanwhile.
 *
 * @param base the version the author read
 * @param current the version now current
 * @param versions the versions written since, oldest first (who, when, comment)
 * @param theirChanges what changed from {@code base} to {@code current}, item by item
 */
public record EditConflict(int base, int current, List<Version> versions, WorksheetDiff theirChanges) {

    /**
     * What the editor shows after the author chose to merge.
     *
     * @param their the other person's version the merge is based on
     * @param conflicts the items both changed, with the author's values kept (from theirs to the merge)
     */
    public record Merged(int their, List<WorksheetDiff.ItemChange> conflicts) {}
}
