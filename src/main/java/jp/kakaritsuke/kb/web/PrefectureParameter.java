package jp.kakaritsuke.kb.web;

import jp.kakaritsuke.kb.area.AreaIris;

/** The {@code prefecture} request parameter of the pages that narrow to one prefecture: its JIS code, 01 to 47. */
public final class PrefectureParameter {

    private PrefectureParameter() {}

    /** The code, stripped; null when none is given; 400 naming the parameter when it is no prefecture code. */
    public static String check(String prefecture) {
        if (prefecture == null || prefecture.isBlank()) {
            return null;
        }
        String code = prefecture.strip();
        if (!AreaIris.isPrefectureCode(code)) {
            throw new BadRequestException(
                    "prefecture", "'" + code + "' is not a prefecture code (two digits, 01 to 47)");
        }
        return code;
    }
}
