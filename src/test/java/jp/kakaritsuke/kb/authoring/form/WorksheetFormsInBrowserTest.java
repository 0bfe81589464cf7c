package jp.kakaritsuke.kb.authoring.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.store.KnowledgeStore;
import jp.kakaritsuke.kb.worksheet.TranslationFreshness;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The authoring story in a real browser (headless Chromium over the app on a random port, TDB2 in a temporary
 * directory): sign in as Tokyo's editor, start a worksheet from the 時間外診療 example, add a cause, meet the
 * shapes' message at that cause, link it from a measure, save, read the history and the diff, restore the first
 * version. The browser and its driver are the system's ({@code chromium}, {@code chromium-driver}), given by path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WorksheetFormsInBrowserTest {

    private static final String PASSWORD = "forms-browser-password";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("kb.store.tdb2.location", () -> work.resolve("db").toString());
        registry.add("kb.data.include-demo", () -> "false");
        registry.add("kb.security.users[0].name", () -> "editor13");
        registry.add("kb.security.users[0].password", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
        registry.add("kb.security.users[0].roles", () -> "EDITOR");
        registry.add("kb.security.users[0].prefectures", () -> "13");
        registry.add("kb.security.users[1].name", () -> "editor13b");
        registry.add("kb.security.users[1].password", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
        registry.add("kb.security.users[1].roles", () -> "EDITOR");
        registry.add("kb.security.users[1].prefectures", () -> "13");
    }

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeStore store;

    @Autowired
    WorksheetRepository repository;

    @Value("${kb.base-iri}")
    String base;

    @Test
    void createEditRefuseSaveCompareAndRestore() throws Exception {
        ChromeDriver driver = start(work.resolve("browser"));
        try {
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            String origin = "http://localhost:" + port;

            driver.get(origin + "/login");
            driver.findElement(By.id("username")).sendKeys("editor13");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

            driver.get(origin + "/areas");
            driver.findElement(By.id("new-worksheet-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-worksheet-form")));
            new Select(driver.findElement(By.id("area"))).selectByValue(base + "id/area/pref/13");
            new Select(driver.findElement(By.id("function")))
                    .selectByValue("https://w3id.org/kakaritsuke/function/f2-i");
            WebElement year = driver.findElement(By.id("fiscal-year"));
            year.clear();
            year.sendKeys("2026");
            driver.findElement(By.id("start-mhlw-2025-f2-i")).click();
            driver.findElement(By.id("create")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));
            Matcher m = Pattern.compile("/doc/worksheet/([a-z0-9-]+)/edit").matcher(driver.getCurrentUrl());
            assertTrue(m.find(), driver.getCurrentUrl());
            String slug = m.group(1);
            assertTrue(repository.exists(slug));
            Graph version1 = repository.get(slug).orElseThrow();

            driver.findElement(By.id("add-cause")).click();
            WebElement cause3 = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cause-3-text")));
            cause3.sendKeys("夜間に相談できる窓口が住民に知られていない。");
            driver.findElement(By.id("comment")).sendKeys("cause 3");
            driver.findElement(By.id("save")).click();
            WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("validation-summary")));
            WebElement error = driver.findElement(By.cssSelector("#cause-3 > .field-error"));
            assertTrue(error.isDisplayed());
            assertTrue(error.getText().contains("この原因に対処する方策がありません"), error.getText());
            assertTrue(summary.getText().contains("この原因に対処する方策がありません"));
            assertTrue(version1.isIsomorphicWith(repository.get(slug).orElseThrow()), "refused: nothing written");
            assertEquals(
                    "夜間に相談できる窓口が住民に知られていない。",
                    driver.findElement(By.id("cause-3-text")).getAttribute("value"),
                    "the typed text is kept");

            driver.findElement(By.id("measure-1-addresses-3")).click();
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));
            assertEquals(2, repository.history(slug).size());

            driver.findElement(By.id("view-history")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("versions")));
            assertEquals(
                    2,
                    driver.findElements(By.cssSelector("#versions tr.version")).size());
            List<WebElement> added = driver.findElements(By.cssSelector("#diff ins"));
            assertTrue(
                    added.stream().anyMatch(e -> e.getText().contains("夜間に相談できる窓口が住民に知られていない。")),
                    "the diff shows the added cause");

            driver.findElement(
                            By.cssSelector("#versions tr.version[data-version='1'] .restore-form input[name=comment]"))
                    .sendKeys("元に戻す");
            driver.findElement(By.cssSelector("#versions tr.version[data-version='1'] .restore-form button"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("restored")));
            assertEquals(3, repository.history(slug).size());
            assertTrue(version1.isIsomorphicWith(repository.get(slug).orElseThrow()), "version 1 is current again");

            List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .toList();
            assertFalse(errors.stream().anyMatch(e -> e.getMessage().contains("worksheet-form.js")), errors.toString());
        } finally {
            driver.quit();
        }
    }

    /**
     * Two people edit the same worksheet at once, each in their own browser: the first saves; the second's save is
     * refused with the first's changes shown item by item, and the second merges, checks and saves — nobody's change
     * is lost. A worked example offers no editor at all.
     */
    @Test
    void twoEditorsAtOnceLoseNothing() throws Exception {
        ChromeDriver first = start(work.resolve("browser-a"));
        ChromeDriver second = start(work.resolve("browser-b"));
        try {
            String origin = "http://localhost:" + port;
            WebDriverWait waitA = new WebDriverWait(first, WAIT);
            WebDriverWait waitB = new WebDriverWait(second, WAIT);
            signIn(first, waitA, origin, "editor13");
            signIn(second, waitB, origin, "editor13b");

            first.get(origin + "/worksheets/new");
            waitA.until(ExpectedConditions.presenceOfElementLocated(By.id("new-worksheet-form")));
            new Select(first.findElement(By.id("area"))).selectByValue(base + "id/area/pref/13");
            new Select(first.findElement(By.id("function")))
                    .selectByValue("https://w3id.org/kakaritsuke/function/f2-ha");
            first.findElement(By.id("start-mhlw-2025-f2-ha")).click();
            first.findElement(By.id("create")).click();
            waitA.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));
            Matcher m = Pattern.compile("/doc/worksheet/([a-z0-9-]+)/edit").matcher(first.getCurrentUrl());
            assertTrue(m.find(), first.getCurrentUrl());
            String slug = m.group(1);

            // Both open the editor on version 1.
            first.get(origin + "/doc/worksheet/" + slug + "/edit");
            second.get(origin + "/doc/worksheet/" + slug + "/edit");
            waitB.until(ExpectedConditions.presenceOfElementLocated(By.id("worksheet-form")));
            assertEquals("1", second.findElement(By.name("baseVersion")).getAttribute("value"));

            WebElement challengeA = first.findElement(By.id("challenge-text"));
            challengeA.clear();
            challengeA.sendKeys("一人目が書き直した課題。");
            first.findElement(By.id("save")).click();
            waitA.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));
            assertEquals(2, repository.currentVersion(slug));

            WebElement causeB = second.findElement(By.id("cause-1-text"));
            causeB.clear();
            causeB.sendKeys("二人目が書き直した原因。");
            second.findElement(By.id("save")).click();
            WebElement conflict = waitB.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
            assertEquals(2, repository.currentVersion(slug), "the second save wrote nothing");
            assertTrue(
                    conflict.findElements(By.cssSelector(".diff-item ins")).stream()
                            .anyMatch(e -> e.getText().contains("一人目が書き直した課題。")),
                    conflict.getText());
            assertTrue(conflict.getText().contains("editor13"), "who saved meanwhile: " + conflict.getText());
            assertEquals(
                    "二人目が書き直した原因。",
                    second.findElement(By.id("cause-1-text")).getAttribute("value"),
                    "the second person's text is kept in the form");

            second.findElement(By.id("conflict-merge")).click();
            waitB.until(ExpectedConditions.visibilityOfElementLocated(By.id("merged")));
            assertEquals(2, repository.currentVersion(slug), "a merge only shows, it writes nothing");
            assertEquals(
                    "一人目が書き直した課題。", second.findElement(By.id("challenge-text")).getAttribute("value"));
            assertEquals(
                    "二人目が書き直した原因。", second.findElement(By.id("cause-1-text")).getAttribute("value"));
            assertEquals("2", second.findElement(By.name("baseVersion")).getAttribute("value"));
            second.findElement(By.id("save")).click();
            waitB.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));
            assertEquals(3, repository.currentVersion(slug));
            Graph merged = repository.get(slug).orElseThrow();
            String content = merged.find().toList().toString();
            assertTrue(
                    content.contains("一人目が書き直した課題。") && content.contains("二人目が書き直した原因。"),
                    "both changes are in the saved worksheet");

            // The first person, still on version 2, now meets the conflict and overwrites deliberately.
            first.get(origin + "/doc/worksheet/" + slug + "/edit");
            second.get(origin + "/doc/worksheet/" + slug + "/edit");
            WebElement causeB2 = second.findElement(By.id("cause-1-text"));
            causeB2.clear();
            causeB2.sendKeys("二人目の二度目。");
            second.findElement(By.id("save")).click();
            waitB.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));
            WebElement causeA = first.findElement(By.id("cause-1-text"));
            causeA.clear();
            causeA.sendKeys("一人目の上書き。");
            first.findElement(By.id("save")).click();
            waitA.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
            first.findElement(By.id("conflict-overwrite")).click();
            waitA.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));
            assertEquals(5, repository.currentVersion(slug));
            assertTrue(repository
                    .get(slug)
                    .orElseThrow()
                    .find()
                    .toList()
                    .toString()
                    .contains("一人目の上書き。"));

            second.get(origin + "/doc/worksheet/mhlw-2025-f2-ha/edit");
            assertTrue(second.findElements(By.id("worksheet-form")).isEmpty(), "no editor for a worked example");
            assertTrue(second.findElement(By.id("start-from")).isDisplayed());
        } finally {
            first.quit();
            second.quit();
        }
    }

    /**
     * Honest translations: a cause of a worksheet started from an example is rewritten in Japanese and its English
     * translation left as it was; the data marks the translation outdated, the English page shows it so, a new cause
     * without a translation says it has none, and the editor shows both wordings side by side with a control that
     * confirms the translation — after which the mark is gone.
     */
    @Test
    void aRewrittenCauseShowsItsTranslationAsOutdatedUntilConfirmed() throws Exception {
        ChromeDriver driver = start(work.resolve("browser-translation"));
        try {
            String origin = "http://localhost:" + port;
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            signIn(driver, wait, origin, "editor13");
            driver.get(origin + "/worksheets/new");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-worksheet-form")));
            new Select(driver.findElement(By.id("area"))).selectByValue(base + "id/area/pref/13");
            new Select(driver.findElement(By.id("function")))
                    .selectByValue("https://w3id.org/kakaritsuke/function/f2-ro");
            driver.findElement(By.id("start-mhlw-2025-f2-ro")).click();
            driver.findElement(By.id("create")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));
            Matcher m = Pattern.compile("/doc/worksheet/([a-z0-9-]+)/edit").matcher(driver.getCurrentUrl());
            assertTrue(m.find(), driver.getCurrentUrl());
            String slug = m.group(1);
            String translation1 =
                    driver.findElement(By.id("cause-1-translation")).getAttribute("value");
            assertFalse(translation1.isBlank(), "the example's cause ① has a translation");
            assertTrue(driver.findElements(By.id("cause-1-translation-confirm")).isEmpty(), "nothing to confirm yet");
            assertEquals(
                    driver.findElement(By.id("cause-1-text")).getLocation().getY(),
                    driver.findElement(By.id("cause-1-translation"))
                            .getLocation()
                            .getY(),
                    "the wording and its translation side by side");

            WebElement cause1 = driver.findElement(By.id("cause-1-text"));
            cause1.clear();
            cause1.sendKeys("診療所の医師が高齢化し、夜間の当番を担える医師が減っている。");
            driver.findElement(By.id("add-cause")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cause-3-text")))
                    .sendKeys("夜間に相談できる窓口が住民に知られていない。");
            driver.findElement(By.id("measure-1-addresses-3")).click();
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));

            Graph saved = repository.get(slug).orElseThrow();
            Node cause1Node = NodeFactory.createURI(base + "id/worksheet/" + slug + "/cause/1");
            Node cause2Node = NodeFactory.createURI(base + "id/worksheet/" + slug + "/cause/2");
            assertTrue(TranslationFreshness.isOutdated(saved, cause1Node), "the data marks cause ①'s translation");
            assertFalse(TranslationFreshness.isOutdated(saved, cause2Node), "cause ② was not rewritten");

            driver.get(origin + "/doc/worksheet/" + slug + "?lang=en");
            WebElement cause1Box = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cause-1")));
            assertEquals(
                    1,
                    cause1Box
                            .findElements(By.cssSelector(".translation.outdated .badge.translation-outdated"))
                            .size(),
                    cause1Box.getText());
            assertTrue(cause1Box.getText().contains(translation1), "the old translation stays readable");
            assertTrue(driver.findElement(By.id("cause-2"))
                    .findElements(By.cssSelector(".badge.translation-outdated"))
                    .isEmpty());
            assertEquals(
                    1,
                    driver.findElement(By.id("cause-3"))
                            .findElements(By.cssSelector(".translation.missing"))
                            .size(),
                    "a cause without a translation says so");

            driver.get(origin + "/doc/worksheet/" + slug + "/edit");
            WebElement confirm =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cause-1-translation-confirm")));
            WebElement other = driver.findElement(By.id("cause-2-text"));
            other.sendKeys("（追記）");
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));
            saved = repository.get(slug).orElseThrow();
            assertTrue(TranslationFreshness.isOutdated(saved, cause1Node), "the mark stays until confirmed");
            assertTrue(TranslationFreshness.isOutdated(saved, cause2Node), "cause ② rewritten now");

            driver.findElement(By.id("cause-1-translation-confirm")).click();
            WebElement translation2 = driver.findElement(By.id("cause-2-translation"));
            translation2.clear();
            translation2.sendKeys("A rewritten translation.");
            driver.findElement(By.id("save")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-notice")));
            saved = repository.get(slug).orElseThrow();
            assertFalse(TranslationFreshness.isOutdated(saved, cause1Node), "confirmed");
            assertFalse(TranslationFreshness.isOutdated(saved, cause2Node), "rewritten");
            driver.get(origin + "/doc/worksheet/" + slug + "?lang=en");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cause-1")));
            assertTrue(driver.findElements(By.cssSelector(".badge.translation-outdated"))
                    .isEmpty());
        } finally {
            driver.quit();
        }
    }

    private static void signIn(ChromeDriver driver, WebDriverWait wait, String origin, String user) {
        driver.get(origin + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static ChromeDriver start(Path dir) throws Exception {
        File binary = executable(System.getProperty("kb.e2e.chromium", "/usr/bin/chromium"));
        File driver = executable(System.getProperty("kb.e2e.chromedriver", "/usr/bin/chromedriver"));
        Path profile = Files.createDirectories(dir.resolve("profile"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-extensions",
                "--lang=ja",
                "--window-size=1280,1024",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static File executable(String path) {
        File file = new File(path);
        if (!file.canExecute()) {
            fail(
                    "The browser test needs a headless Chromium and its driver: " + path + " is missing. Install the "
                            + "Debian packages chromium and chromium-driver, or set -Dkb.e2e.chromium / -Dkb.e2e.chromedriver.");
        }
        return file;
    }
}
