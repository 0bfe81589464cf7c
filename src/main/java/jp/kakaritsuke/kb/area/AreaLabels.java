package jp.kakaritsuke.kb.area;

/**
 * How an area is named where areas of several prefectures are listed together: preceded (ja) or followed (en) by the
 * prefecture containing it, so that areas named alike in several prefectures (県北, 中央) can be told apart —
 * 「東京都 区中央部」, "Kuchubu, Tokyo".
 */
public final class AreaLabels {

    private AreaLabels() {}

    /**
     * The area's label with its prefecture's; the area's alone when the prefecture is unknown or already named in it.
     *
     * @param lang the reader's language ("ja" or "en")
     * @param area the area's label in that language, or null
     * @param prefecture the prefecture's label in that language, or null
     */
    public static String withPrefecture(String lang, String area, String prefecture) {
        if (area == null || prefecture == null || area.contains(prefecture)) {
            return area;
        }
        return "en".equals(lang) ? area + ", " + prefecture : prefecture + " " + area;
    }
}
