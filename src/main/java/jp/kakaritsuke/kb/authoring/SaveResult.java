package jp.kakaritsuke.kb.authoring;

/**
 * What a save, restore or delete did.
 *
 * @param slug the worksheet's slug
 * @param worksheet the worksheet's IRI
 * @param version the number of the version now current (unchanged if nothing changed)
 * @param created true if the worksheet did not exist before
 * @param changed false if the content was identical to the current one, so no version was recorded
 */
public record SaveResult(String slug, String worksheet, int version, boolean created, boolean changed) {}
