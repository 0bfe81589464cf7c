package jp.kakaritsuke.kb.authoring.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import jp.kakaritsuke.kb.web.LocalizedText;
import org.springframework.stereotype.Component;

/**
 * How the pages show the time of a version: Japan time, in the Japanese calendar on Japanese pages
 * ({@code 令和8年12月4日 3:06}), as {@code 2026-12-04 03:06 JST} on English pages. The history keeps UTC
 * ({@code xsd:dateTime}); only the display changes. Templates call it as {@code @historyTimes}.
 */
@Component("historyTimes")
public class HistoryTimes {

    /** Japan time: the zone of every area this application knows. */
    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日 H:mm", Locale.JAPAN);
    private static final DateTimeFormatter ENGLISH =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'", Locale.ENGLISH);

    /** The time in the reader's language. */
    public String format(Instant time) {
        return format(time, LocalizedText.currentLanguage());
    }

    /** The time in {@code lang} ("ja" or "en"). */
    public static String format(Instant time, String lang) {
        var local = time.atZone(JST);
        if ("en".equals(lang)) {
            return ENGLISH.format(local);
        }
        return WAREKI.format(JapaneseDate.from(local.toLocalDate()).atTime(local.toLocalTime()));
    }

    /** The time in Japan time as an ISO date-time with offset, for {@code <time datetime>}. */
    public String iso(Instant time) {
        return time.atZone(JST).toOffsetDateTime().toString();
    }
}
