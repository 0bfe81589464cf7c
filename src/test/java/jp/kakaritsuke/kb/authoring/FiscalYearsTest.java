package jp.kakaritsuke.kb.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fiscal years as officials write them: the Gregorian year, full-width digits, 令和 and 平成. */
class FiscalYearsTest {

    @Test
    void readsTheFormsOfficialsWrite() {
        assertEquals(Optional.of(2026), FiscalYears.parse("2026"));
        assertEquals(Optional.of(2026), FiscalYears.parse("２０２６"));
        assertEquals(Optional.of(2026), FiscalYears.parse("2026年度"));
        assertEquals(Optional.of(2026), FiscalYears.parse("令和8年度"));
        assertEquals(Optional.of(2026), FiscalYears.parse("令和８年度"));
        assertEquals(Optional.of(2026), FiscalYears.parse(" R8 "));
        assertEquals(Optional.of(2019), FiscalYears.parse("令和元年度"));
        assertEquals(Optional.of(2018), FiscalYears.parse("平成30年度"));
        assertEquals(Optional.of(2018), FiscalYears.parse("Ｈ３０"));
    }

    @Test
    void refusesWhatIsNoFiscalYear() {
        assertEquals(Optional.empty(), FiscalYears.parse("26"));
        assertEquals(Optional.empty(), FiscalYears.parse("平成40年度"));
        assertEquals(Optional.empty(), FiscalYears.parse("令和0年度"));
        assertEquals(Optional.empty(), FiscalYears.parse("昭和60年度"));
        assertEquals(Optional.empty(), FiscalYears.parse("next year"));
        assertEquals(Optional.empty(), FiscalYears.parse(null));
        assertEquals("next year", FiscalYears.normalise(" next year "));
        assertEquals("2026", FiscalYears.normalise("令和8年度"));
    }
}
