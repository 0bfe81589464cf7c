package jp.kakaritsuke.kb.authoring;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a fiscal year as regional officials write it and gives the Gregorian year that the data stores
 * ({@code xsd:gYear}): {@code 2026}, {@code ２０２６}, {@code 2026年度}, {@code 令和8年度}, {@code 令和８}, {@code R8},
 * {@code 平成30年度}, {@code H30}, {@code 令和元年度}. The one place where fiscal years are read, for the editor, the
 * new-worksheet page and the import.
 */
public final class FiscalYears {

    private static final Pattern GREGORIAN = Pattern.compile("(\\d{4})(?:年度?)?");
    private static final Pattern ERA = Pattern.compile("(令和|平成|R|H)(\\d{1,2}|元)(?:年度?)?");

    private FiscalYears() {}

    /** The Gregorian year of {@code text}, if it is a fiscal year in one of the accepted forms (1989 to 2200). */
    public static Optional<Integer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // NFKC turns full-width digits and letters (２０２６, Ｒ８) into ASCII.
        String value = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .strip()
                .replace(" ", "")
                .toUpperCase(java.util.Locale.ROOT);
        Matcher gregorian = GREGORIAN.matcher(value);
        if (gregorian.matches()) {
            return inRange(Integer.parseInt(gregorian.group(1)));
        }
        Matcher era = ERA.matcher(value);
        if (era.matches()) {
            int n = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
            if (n < 1) {
                return Optional.empty();
            }
            boolean reiwa = era.group(1).equals("令和") || era.group(1).equals("R");
            if (!reiwa && n > 31) {
                return Optional.empty();
            }
            return inRange(reiwa ? 2018 + n : 1988 + n);
        }
        return Optional.empty();
    }

    private static Optional<Integer> inRange(int year) {
        return year >= 1989 && year <= 2200 ? Optional.of(year) : Optional.empty();
    }

    /** The Gregorian year as text if {@code text} is a fiscal year, otherwise {@code text} unchanged (for the shapes). */
    public static String normalise(String text) {
        return parse(text).map(String::valueOf).orElse(text == null ? null : text.strip());
    }
}
