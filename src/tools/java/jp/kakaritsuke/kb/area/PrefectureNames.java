package jp.kakaritsuke.kb.area;

import java.util.List;

/**
 * The 47 prefectures' names in Japanese and in romanised English (Hepburn, long vowels unmarked, without the 都/道/
 * 府/県 suffix, as in common English usage), indexed by JIS X 0401 code. The Japanese name is kept to cross-check the
 * table against the source CSV row by row.
 */
final class PrefectureNames {

    record Name(String code, String ja, String en) {}

    static final List<Name> ALL = List.of(
            new Name("01", "北海道", "Hokkaido"),
            new Name("02", "青森県", "Aomori"),
            new Name("03", "岩手県", "Iwate"),
            new Name("04", "宮城県", "Miyagi"),
            new Name("05", "秋田県", "Akita"),
            new Name("06", "山形県", "Yamagata"),
            new Name("07", "福島県", "Fukushima"),
            new Name("08", "茨城県", "Ibaraki"),
            new Name("09", "栃木県", "Tochigi"),
            new Name("10", "群馬県", "Gunma"),
            new Name("11", "埼玉県", "Saitama"),
            new Name("12", "千葉県", "Chiba"),
            new Name("13", "東京都", "Tokyo"),
            new Name("14", "神奈川県", "Kanagawa"),
            new Name("15", "新潟県", "Niigata"),
            new Name("16", "富山県", "Toyama"),
            new Name("17", "石川県", "Ishikawa"),
            new Name("18", "福井県", "Fukui"),
            new Name("19", "山梨県", "Yamanashi"),
            new Name("20", "長野県", "Nagano"),
            new Name("21", "岐阜県", "Gifu"),
            new Name("22", "静岡県", "Shizuoka"),
            new Name("23", "愛知県", "Aichi"),
            new Name("24", "三重県", "Mie"),
            new Name("25", "滋賀県", "Shiga"),
            new Name("26", "京都府", "Kyoto"),
            new Name("27", "大阪府", "Osaka"),
            new Name("28", "兵庫県", "Hyogo"),
            new Name("29", "奈良県", "Nara"),
            new Name("30", "和歌山県", "Wakayama"),
            new Name("31", "鳥取県", "Tottori"),
            new Name("32", "島根県", "Shimane"),
            new Name("33", "岡山県", "Okayama"),
            new Name("34", "広島県", "Hiroshima"),
            new Name("35", "山口県", "Yamaguchi"),
            new Name("36", "徳島県", "Tokushima"),
            new Name("37", "香川県", "Kagawa"),
            new Name("38", "愛媛県", "Ehime"),
            new Name("39", "高知県", "Kochi"),
            new Name("40", "福岡県", "Fukuoka"),
            new Name("41", "佐賀県", "Saga"),
            new Name("42", "長崎県", "Nagasaki"),
            new Name("43", "熊本県", "Kumamoto"),
            new Name("44", "大分県", "Oita"),
            new Name("45", "宮崎県", "Miyazaki"),
            new Name("46", "鹿児島県", "Kagoshima"),
            new Name("47", "沖縄県", "Okinawa"));

    private PrefectureNames() {}

    /** The names of the prefecture with the given (already validated) 2-digit code. */
    static Name of(String code) {
        return ALL.get(Integer.parseInt(code) - 1);
    }
}
