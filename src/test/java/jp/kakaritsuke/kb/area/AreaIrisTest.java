package jp.kakaritsuke.kb.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AreaIrisTest {

    private final AreaIris iris = new AreaIris("http://example.org/kb/");

    @Test
    void mintsRelativeAndResolvedIrisByTheConventions() {
        assertEquals("id/area/pref/13", AreaIris.prefecturePath("13"));
        assertEquals("id/area/muni/13101", AreaIris.municipalityPath("13101"));
        assertEquals("id/area/niji/8/1301", AreaIris.secondaryMedicalAreaPath("8", "1301"));
        assertEquals("id/area/kousou/R7/2405", AreaIris.visionZonePath("R7", "2405"));
        assertEquals("http://example.org/kb/id/area/pref/01", iris.prefecture("01"));
        assertEquals("http://example.org/kb/id/area/muni/01101", iris.municipality("01101"));
        assertEquals("http://example.org/kb/id/area/niji/8/4701", iris.secondaryMedicalArea("8", "4701"));
        assertEquals("http://example.org/kb/id/area/kousou/R7/0104", iris.visionZone("R7", "0104"));
        assertEquals("http://example.org/kb/id/area/xxx", iris.placeholder());
    }

    @Test
    void computesLocalGovernmentCheckDigits() {
        // Published 全国地方公共団体コード: 東京都 130001, 北海道 010006, 札幌市 011002, 千代田区 131016, 那覇市 472018.
        assertEquals("130001", AreaIris.localGovernmentCode("13000"));
        assertEquals("010006", AreaIris.localGovernmentCode("01000"));
        assertEquals("011002", AreaIris.localGovernmentCode("01100"));
        assertEquals("131016", AreaIris.localGovernmentCode("13101"));
        assertEquals("472018", AreaIris.localGovernmentCode("47201"));
        assertEquals("13101", AreaIris.areaCodeOf("131016"));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "NULL, prefecture code",
                "1, exactly 2 digits",
                "013, exactly 2 digits",
                "ab, exactly 2 digits",
                "00, no prefecture has this code",
                "48, no prefecture has this code"
            })
    void rejectsBadPrefectureCodes(String code, String reason) {
        assertRejected(() -> AreaIris.prefecturePath(code), code, reason);
    }

    @ParameterizedTest
    @CsvSource({
        "1310, exactly 5 digits",
        "131010, exactly 5 digits",
        "1310x, exactly 5 digits",
        "99101, starts with 99, but no prefecture has this code",
        "13000, prefecture's"
    })
    void rejectsBadMunicipalityCodes(String code, String reason) {
        assertRejected(() -> AreaIris.municipalityPath(code), code, reason);
    }

    @ParameterizedTest
    @CsvSource({
        "8, 130, 130, exactly 4 digits",
        "8, 1300, 1300, 01 to 99",
        "8, 4801, 4801, starts with 48, but no prefecture has this code",
        "第8次, 1301, 第8次, ASCII letters or digits",
        "'', 1301, '', ASCII letters or digits"
    })
    void rejectsBadMedicalAreaCodesAndGenerations(String generation, String code, String named, String reason) {
        assertRejected(() -> AreaIris.secondaryMedicalAreaPath(generation, code), named, reason);
        assertRejected(() -> AreaIris.visionZonePath(generation, code), named, reason);
    }

    @Test
    void rejectsACodeThatIsNotAnAreaCode() {
        assertRejected(() -> AreaIris.prefectureCodeOf("ab123"), "ab123", "4 to 6 digits");
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertRejected(() -> AreaIris.areaCodeOf("131017"), "131017", "check digit should be 6");
    }

    @Test
    void mintsASecondaryMedicalArea() {
        Model model = ModelFactory.createDefaultModel();
        iris.newSecondaryMedicalArea(model, "8", "1301", "区中央部");
        Model expected = RDFParser.create()
                .source(new StringReader("""
                @prefix kk: <https://w3id.org/kakaritsuke/ontology#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                <http://example.org/kb/id/area/niji/8/1301> a kk:SecondaryMedicalArea ;
                    rdfs:label "区中央部"@ja ; skos:prefLabel "区中央部"@ja ;
                    kk:medicalAreaCode "1301" ; kk:planGeneration "8" ;
                    kk:inPrefecture <http://example.org/kb/id/area/pref/13> .
                """))
                .lang(Lang.TURTLE)
                .toModel();
        assertTrue(model.isIsomorphicWith(expected));
        assertRejected(() -> iris.newSecondaryMedicalArea(model, "8", "1301", " "), " ", "a name is required");
    }

    private static void assertRejected(Executable mint, String code, String reason) {
        InvalidAreaCodeException e = assertThrows(InvalidAreaCodeException.class, mint);
        assertEquals(code, e.value());
        assertTrue(e.getMessage().contains("\"" + code + "\""), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
