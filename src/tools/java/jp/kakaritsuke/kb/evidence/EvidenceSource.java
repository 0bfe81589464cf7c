package jp.kakaritsuke.kb.evidence;

import java.util.List;

/**
 * The government originals the regional evidence derives from, as their provenance records
 * ({@code data/evidence/source/meta/*.meta.json}) and the evidence README name them: title, publisher, download and
 * landing page, SHA-256 of the file as acquired, acquisition date, licence and the publisher's own caveats, verbatim.
 * A value the records do not give is null and is left out of the RDF; nothing here is guessed.
 */
enum EvidenceSource {
    MHLW_BETTEN4_R7(
            "mhlw-betten4-r7",
            "②構想区域の病床数等（別添４）令和7年度",
            "Attachment 4: beds and related figures by vision zone (FY2025)",
            "厚生労働省",
            "https://www.mhlw.go.jp/content/10800000/001723349.xlsx",
            "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000080850_00014.html",
            "f7e0e1495c05f3d3fe7456d9e6250cb639d9f70305b391d7d6ba3d230762eca9",
            "2026-08-04",
            EvidenceSource.MHLW_TERMS,
            List.of(
                    "※病床機能報告の集計結果と将来の病床数の必要量は計算方法が異なることから、単純に比較するのではなく、" + "詳細な分析や検討を行った上で地域医療構想調整会議で協議を行うことが重要。",
                    "※年度ごとに報告率が異なることに留意が必要。",
                    "三重県の8構想区域（2405〜2412）は推計流出患者割合・推計流入患者割合が原典で「XXX」（未算出）のため値を持たない。")),

    MHLW_DEMAND_R7(
            "mhlw-demand-r7",
            "構想区域別の医療需要推計（将来の在宅（訪問診療）需要推計・将来の外来需要推計）令和7年度",
            "Projected medical demand by vision zone (home-visit and outpatient care, FY2025)",
            "厚生労働省",
            "https://www.mhlw.go.jp/content/10800000/001728462.xlsx",
            "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000080850_00014.html",
            "5352002a2ace8ced6746174cffb001978c9c8cebe3b1738bc0e9304dbf91e282",
            "2026-08-04",
            EvidenceSource.MHLW_TERMS,
            List.of("値は「レセプト件数/月」であり、患者数・人数ではない。", "2024年度のみ実績相当で、2030〜2050年度はいずれも「現状投影」による推計である。")),

    MHLW_BETTEN5_R7(
            "mhlw-betten5-r7",
            "③構想区域の医療機関の病床数、診療実績等（別添５）令和7年度",
            "Attachment 5: beds and activity of the medical institutions of each vision zone (FY2025)",
            "厚生労働省",
            "https://www.mhlw.go.jp/content/10800000/001723127.xlsx",
            "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000080850_00014.html",
            "acdd3dffdea6da5b20e66aec083227540367100d694bbd83c9a72bede33f3171",
            "2026-08-04",
            EvidenceSource.MHLW_TERMS,
            List.of(
                    "※病床機能報告の集計結果と将来の病床数の必要量は計算方法が異なることから、単純に比較するのではなく、" + "詳細な分析や検討を行った上で地域医療構想調整会議で協議を行うことが重要。",
                    "※未報告の医療機関があり得ることに留意。",
                    "機能の欄が空欄の医療機関は、その機能が「ない」のではなく不明である（原典の空欄は非該当と未回答を区別しない）。",
                    "原典の行（record_id）は恒久的な医療機関IDではない。",
                    "78区域で、一覧の医療機関数が区域サマリの医療機関数より多い（未報告の医療機関が一覧には載るがサマリには数えられない）。")),

    MLIT_P04_20(
            "mlit-p04-20",
            "国土数値情報 医療機関データ（P04-20）",
            "National Land Numerical Information: medical institutions (P04-20)",
            "国土交通省",
            null,
            "https://nlftp.mlit.go.jp/ksj/gml/datalist/KsjTmplt-P04-v3_0.html",
            "24d49390c0760416223784ab2dbb6ad852dbda9a07a5d3b769fba91be91c9732",
            null,
            EvidenceSource.KSJ_TERMS,
            List.of(
                    "座標は、名称（正規化後の完全一致または末尾一致）、区域内での一意性、市区町村の整合、一対一の対応を全て満たす" + "医療機関にのみ与え、推測しない。候補のみ・未一致の医療機関は座標を持たない。",
                    "P04-20は令和2年度、医療機関一覧は令和7年度公表であり、5年の開きがある。")),

    MLIT_A38_20(
            "mlit-a38-20",
            "国土数値情報 医療圏データ（A38-20）",
            "National Land Numerical Information: medical care areas (A38-20)",
            "国土交通省",
            null,
            "https://nlftp.mlit.go.jp/ksj/gml/datalist/KsjTmplt-A38-v2_0.html",
            "40a0be3688cd129dfd86fef7508e563b1f34259b5b37a521ebf7a01295013b5d",
            null,
            EvidenceSource.KSJ_TERMS,
            List.of("A38-20は第7次医療計画の二次医療圏を反映する。三重県の8構想区域は県の資料による。", "都道府県の外形は表示専用に簡略化したもので、面積の計算には用いない。")),

    MIE_NIJI_8(
            "mie-niji-8",
            "第８次三重県医療計画における二次医療圏の設定について（資料４）",
            "Secondary medical areas of Mie's 8th medical plan (material 4)",
            "三重県医療政策課",
            null,
            null,
            "f7ad9c64f61a57f956f8d3469c6acec25702b0d5442b1de602b17a30c97be4bf",
            null,
            EvidenceSource.GOV_TERMS,
            List.of("三重県は二次医療圏が4、構想区域が8であり、両者は一致しない。")),

    CENSUS_2020(
            "census-2020",
            "令和2年国勢調査 構想区域別・年齢5歳階級別人口（「2040年に向けた地域医療構想」資料）",
            "2020 census population by vision zone and 5-year age band (MHLW materials on the 2040 regional vision)",
            "厚生労働省",
            null,
            "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/0000080850_00014.html",
            null,
            "2026-08-04",
            EvidenceSource.GOV_TERMS,
            List.of("年齢不詳の人は年齢階級に含まれず、総数には含まれる。")),

    NAVII_20250601(
            "navii-20250601",
            "医療情報ネット（ナビイ）オープンデータ 病院 2025年6月1日時点",
            "Medical Information Net (navii) open data, hospitals, as of 2025-06-01",
            "厚生労働省",
            null,
            null,
            null,
            null,
            EvidenceSource.MHLW_TERMS,
            List.of("IDは医療機関一覧の医療機関と名称（正式名称または略称の完全一致）と市区町村で一意に対応づけられた場合にのみ与える。", "緯度・経度が0.0/0.0の場合は不明を意味し、用いない。"));

    static final String MHLW_TERMS = "https://www.mhlw.go.jp/chosakuken/index.html";
    static final String KSJ_TERMS = "https://nlftp.mlit.go.jp/ksj/other/agreement.html";
    /** The government standard terms of use (政府標準利用規約 2.0) are compatible with CC BY 4.0. */
    static final String GOV_TERMS = "https://creativecommons.org/licenses/by/4.0/";

    final String key;
    final String titleJa;
    final String titleEn;
    final String publisher;
    final String downloadUrl;
    final String landingPage;
    final String sha256;
    final String acquired;
    final String licence;
    final List<String> caveats;

    EvidenceSource(
            String key,
            String titleJa,
            String titleEn,
            String publisher,
            String downloadUrl,
            String landingPage,
            String sha256,
            String acquired,
            String licence,
            List<String> caveats) {
        this.key = key;
        this.titleJa = titleJa;
        this.titleEn = titleEn;
        this.publisher = publisher;
        this.downloadUrl = downloadUrl;
        this.landingPage = landingPage;
        this.sha256 = sha256;
        this.acquired = acquired;
        this.licence = licence;
        this.caveats = caveats;
    }
}
