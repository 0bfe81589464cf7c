package jp.kakaritsuke.kb.area;

import java.util.regex.Pattern;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.irix.IRIx;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Mints the IRIs of areas by the project's conventions, relative ({@code ...Path} methods) or resolved against a
 * base IRI (instance methods), and validates the codes they are keyed by.
 *
 * <ul>
 * <li>prefecture: {@code id/area/pref/{JIS X 0401, 2 digits}}</li>
 * <li>municipality or statistical area: {@code id/area/muni/{standard area code, 5 digits}}</li>
 * <li>二次医療圏: {@code id/area/niji/{plan generation}/{4 digits}}</li>
 * <li>構想区域: {@code id/area/kousou/{publication}/{4 digits}}</li>
 * <li>the guideline's placeholder area 「XXX地域」: {@code id/area/xxx}</li>
 * </ul>
 *
 * A code that breaks these rules is refused with an {@link InvalidAreaCodeException} naming the code and the rule.
 */
public final class AreaIris {

    /** Relative IRI of the guideline's placeholder area 「XXX地域」. */
    public static final String PLACEHOLDER_PATH = "id/area/xxx";

    private static final Pattern TWO_DIGITS = Pattern.compile("[0-9]{2}");
    private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");
    private static final Pattern FIVE_DIGITS = Pattern.compile("[0-9]{5}");
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    private static final Pattern AREA_CODE = Pattern.compile("[0-9]{4,6}");
    private static final Pattern GENERATION = Pattern.compile("[0-9A-Za-z]{1,8}");

    private final IRIx base;

    /** IRIs resolved against {@code baseIri}, e.g. {@code http://localhost:8080/}. */
    public AreaIris(String baseIri) {
        this.base = IRIx.create(baseIri);
    }

    /** The base IRI that relative IRIs are resolved against. */
    public String base() {
        return base.str();
    }

    /** Resolves a relative IRI (such as one returned by a {@code ...Path} method) against the base. */
    public String resolve(String relativeIri) {
        return base.resolve(relativeIri).str();
    }

    public String prefecture(String prefectureCode) {
        return resolve(prefecturePath(prefectureCode));
    }

    public String municipality(String areaCode) {
        return resolve(municipalityPath(areaCode));
    }

    public String secondaryMedicalArea(String planGeneration, String code) {
        return resolve(secondaryMedicalAreaPath(planGeneration, code));
    }

    public String visionZone(String publication, String code) {
        return resolve(visionZonePath(publication, code));
    }

    public String placeholder() {
        return resolve(PLACEHOLDER_PATH);
    }

    /** {@code id/area/pref/13} for Tokyo; the code is the 2-digit JIS X 0401 code, 01 to 47. */
    public static String prefecturePath(String prefectureCode) {
        return "id/area/pref/" + checkPrefectureCode(prefectureCode, "prefecture code");
    }

    /**
     * {@code id/area/muni/13101} for 千代田区; the code is a 5-digit standard area code of a municipality, a ward
     * or a statistical area (not a prefecture's, which ends in 000).
     */
    public static String municipalityPath(String areaCode) {
        return "id/area/muni/" + checkMunicipalityCode(areaCode);
    }

    /**
     * {@code id/area/niji/8/1301} for the 区中央部 二次医療圏 of the 8th medical plan; the code is 4 digits, the
     * prefecture code followed by a number 01 to 99.
     */
    public static String secondaryMedicalAreaPath(String planGeneration, String code) {
        return "id/area/niji/" + checkGeneration(planGeneration, "plan generation") + "/"
                + checkMedicalAreaCode(code, "二次医療圏 code");
    }

    /** {@code id/area/kousou/R7/2405} for 桑員 構想区域 as published in FY2025 (publication {@code R7}). */
    public static String visionZonePath(String publication, String code) {
        return "id/area/kousou/" + checkGeneration(publication, "構想区域 publication") + "/"
                + checkMedicalAreaCode(code, "構想区域 code");
    }

    /** The 5-digit standard area code of a prefecture: its 2-digit code followed by 000. */
    public static String prefectureAreaCode(String prefectureCode) {
        return checkPrefectureCode(prefectureCode, "prefecture code") + "000";
    }

    /** The 2-digit prefecture code that a 4-, 5- or 6-digit area code starts with, checked to be 01 to 47. */
    public static String prefectureCodeOf(String code) {
        if (code == null || !AREA_CODE.matcher(code).matches()) {
            throw new InvalidAreaCodeException("area code", code, "expected 4 to 6 digits");
        }
        return checkPrefecturePrefix(code, "area code");
    }

    /**
     * The check digit of a 5-digit code as used by the 6-digit 全国地方公共団体コード: digits weighted 6,5,4,3,2,
     * check = (11 − sum mod 11) mod 10.
     */
    public static int checkDigit(String areaCode) {
        if (areaCode == null || !FIVE_DIGITS.matcher(areaCode).matches()) {
            throw new InvalidAreaCodeException("area code", areaCode, "expected exactly 5 digits");
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (areaCode.charAt(i) - '0') * (6 - i);
        }
        return (11 - sum % 11) % 10;
    }

    /** The 6-digit 全国地方公共団体コード of a 5-digit standard area code: the code followed by its check digit. */
    public static String localGovernmentCode(String areaCode) {
        return areaCode + checkDigit(areaCode);
    }

    /** The 5-digit standard area code of a 6-digit 全国地方公共団体コード, after checking its check digit. */
    public static String areaCodeOf(String localGovernmentCode) {
        if (localGovernmentCode == null
                || !SIX_DIGITS.matcher(localGovernmentCode).matches()) {
            throw new InvalidAreaCodeException(
                    "local-government code", localGovernmentCode, "expected exactly 6 digits");
        }
        String areaCode = localGovernmentCode.substring(0, 5);
        int expected = checkDigit(areaCode);
        if (localGovernmentCode.charAt(5) - '0' != expected) {
            throw new InvalidAreaCodeException(
                    "local-government code", localGovernmentCode, "check digit should be " + expected);
        }
        return areaCode;
    }

    /**
     * Adds a 二次医療圏 to {@code model} and returns it: typed kk:SecondaryMedicalArea, labelled, with its code, plan
     * generation and prefecture. The project ships no list of 二次医療圏 (its region data holds only the 構想区域), so
     * this is how one is minted when a source list is added.
     */
    public Resource newSecondaryMedicalArea(Model model, String planGeneration, String code, String nameJa) {
        if (nameJa == null || nameJa.isBlank()) {
            throw new InvalidAreaCodeException("二次医療圏 name", nameJa, "a name is required");
        }
        Resource area = model.createResource(secondaryMedicalArea(planGeneration, code));
        area.addProperty(RDF.type, KK.SecondaryMedicalArea);
        area.addProperty(RDFS.label, nameJa, "ja");
        area.addProperty(SKOS.prefLabel, nameJa, "ja");
        area.addProperty(KK.medicalAreaCode, code);
        area.addProperty(KK.planGeneration, planGeneration);
        area.addProperty(KK.inPrefecture, model.createResource(prefecture(code.substring(0, 2))));
        return area;
    }

    /** Whether {@code code} is a prefecture's code: 2 digits, 01 to 47. */
    public static boolean isPrefectureCode(String code) {
        try {
            checkPrefectureCode(code, "prefecture code");
            return true;
        } catch (InvalidAreaCodeException e) {
            return false;
        }
    }

    private static String checkPrefectureCode(String code, String kind) {
        if (code == null || !TWO_DIGITS.matcher(code).matches()) {
            throw new InvalidAreaCodeException(kind, code, "expected exactly 2 digits (JIS X 0401, 01 to 47)");
        }
        int n = Integer.parseInt(code);
        if (n < 1 || n > 47) {
            throw new InvalidAreaCodeException(kind, code, "no prefecture has this code (01 to 47)");
        }
        return code;
    }

    /** Checks that a longer code (already known to be digits) starts with a prefecture code; returns that code. */
    private static String checkPrefecturePrefix(String code, String kind) {
        String prefix = code.substring(0, 2);
        int n = Integer.parseInt(prefix);
        if (n < 1 || n > 47) {
            throw new InvalidAreaCodeException(
                    kind, code, "starts with " + prefix + ", but no prefecture has this code (01 to 47)");
        }
        return prefix;
    }

    private static String checkMunicipalityCode(String code) {
        if (code == null || !FIVE_DIGITS.matcher(code).matches()) {
            throw new InvalidAreaCodeException(
                    "municipality area code",
                    code,
                    "expected exactly 5 digits (standard area code without check digit)");
        }
        checkPrefecturePrefix(code, "municipality area code");
        if (code.endsWith("000")) {
            throw new InvalidAreaCodeException(
                    "municipality area code",
                    code,
                    "a code ending in 000 is a prefecture's; mint it with prefecture(\"" + code.substring(0, 2)
                            + "\")");
        }
        return code;
    }

    private static String checkMedicalAreaCode(String code, String kind) {
        if (code == null || !FOUR_DIGITS.matcher(code).matches()) {
            throw new InvalidAreaCodeException(
                    kind, code, "expected exactly 4 digits (2-digit prefecture code and a 2-digit number)");
        }
        checkPrefecturePrefix(code, kind);
        if (code.endsWith("00")) {
            throw new InvalidAreaCodeException(kind, code, "the number after the prefecture code must be 01 to 99");
        }
        return code;
    }

    private static String checkGeneration(String generation, String kind) {
        if (generation == null || !GENERATION.matcher(generation).matches()) {
            throw new InvalidAreaCodeException(
                    kind, generation, "expected 1 to 8 ASCII letters or digits, such as \"8\" or \"R7\"");
        }
        return generation;
    }
}
