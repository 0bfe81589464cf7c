package jp.kakaritsuke.kb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * House rule kept by a test: every visible string of a template comes from a message bundle (or from data), and
 * every bundle has the same keys in Japanese and English.
 */
class I18nSyncTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    /** Attributes whose text a person reads. */
    private static final List<String> VISIBLE_ATTRIBUTES = List.of("title", "alt", "placeholder", "aria-label");

    /** Thymeleaf attributes that replace an element's text or the element itself. */
    private static final List<String> REPLACING =
            List.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove", "th:each");

    private static final Pattern LETTERS = Pattern.compile("[\\p{IsAlphabetic}]");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element e : doc.getAllElements()) {
                String tag = e.tagName();
                if (tag.equals("script") || tag.equals("style") || tag.startsWith("svg") || covered(e)) {
                    continue;
                }
                String own = e.ownText().strip();
                if (LETTERS.matcher(own).find()) {
                    problems.add(TEMPLATES.relativize(template) + ": <" + tag + "> text \"" + own + "\"");
                }
                for (String attribute : VISIBLE_ATTRIBUTES) {
                    String value = e.attr(attribute);
                    if (LETTERS.matcher(value).find()) {
                        problems.add(TEMPLATES.relativize(template) + ": <" + tag + " " + attribute + "=\"" + value
                                + "\"> (use th:" + attribute + ")");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "literal text outside the message bundles:\n" + String.join("\n", problems));
    }

    @Test
    void everyBundleHasTheSameKeysInJapaneseAndEnglish() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path ja : files.filter(p -> p.toString().endsWith(".properties")
                            && !p.toString().contains("_en"))
                    .sorted()
                    .toList()) {
                Path en = ja.resolveSibling(ja.getFileName().toString().replace(".properties", "_en.properties"));
                Set<String> jaKeys = load(ja).stringPropertyNames();
                Set<String> enKeys = Files.exists(en) ? load(en).stringPropertyNames() : Set.of();
                if (!jaKeys.equals(enKeys)) {
                    Set<String> onlyJa = new TreeSet<>(jaKeys);
                    onlyJa.removeAll(enKeys);
                    Set<String> onlyEn = new TreeSet<>(enKeys);
                    onlyEn.removeAll(jaKeys);
                    problems.add(ja.getFileName() + ": only in ja " + onlyJa + ", only in en " + onlyEn);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKeyUsedByATemplateIsDefined() throws IOException {
        Set<String> defined = new TreeSet<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                defined.addAll(load(p).stringPropertyNames());
            }
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = MESSAGE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!defined.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": #{" + m.group(1) + "}");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static boolean covered(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            for (String a : REPLACING) {
                if (x.hasAttr(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file);
                Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
