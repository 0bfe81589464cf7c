package jp.kakaritsuke.kb.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium, for the browser tests. The browser and its driver are the ones the
 * operating system's packages install ({@code chromium} and {@code chromium-driver}), given by path so that Selenium
 * never looks for or downloads a driver; the system properties {@value #BINARY_PROPERTY} and
 * {@value #DRIVER_PROPERTY} point elsewhere. Each instance has its own profile and download folder and keeps the
 * browser's console log for the tests to read. Missing binaries fail the test with what to install, never skip it.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String BINARY_PROPERTY = "kb.e2e.chromium";
    static final String DRIVER_PROPERTY = "kb.e2e.chromedriver";

    /** Long enough for a page of the app on a busy two-core machine, short enough to fail a broken page quickly. */
    static final Duration WAIT = Duration.ofSeconds(20);

    /** The mark {@link #clickThrough} sets on the window of the page it leaves. */
    private static final String LEAVING = "kbLeavingThisPage";

    private static final Dimension WINDOW = new Dimension(1280, 1024);

    private final ChromeDriver driver;
    private final Path downloads;
    private final String origin;

    private HeadlessChromium(ChromeDriver driver, Path downloads, String origin) {
        this.driver = driver;
        this.downloads = downloads;
        this.origin = origin;
    }

    /**
     * Starts a browser for the app on {@code localhost:port}, with its profile and downloads under {@code work}.
     */
    static HeadlessChromium start(int port, Path work) throws IOException {
        File binary = executable(BINARY_PROPERTY, "/usr/bin/chromium", "chromium");
        File driverExecutable = executable(DRIVER_PROPERTY, "/usr/bin/chromedriver", "chromium-driver");
        Path profile = Files.createDirectories(work.resolve("profile"));
        Path downloads = Files.createDirectories(work.resolve("downloads"));

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
                "--disable-quic",
                "--disable-extensions",
                "--lang=ja",
                "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(),
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false,
                        "download.directory_upgrade", true,
                        "safebrowsing.enabled", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverExecutable)
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, options), downloads, "http://localhost:" + port);
    }

    private static File executable(String property, String standardPath, String debianPackage) {
        String path = System.getProperty(property, standardPath);
        File file = new File(path);
        if (!file.canExecute()) {
            fail("The browser tests need a headless Chromium and its driver, but " + path + " (Debian package "
                    + debianPackage + ") is missing or not executable. Install the packages chromium and "
                    + "chromium-driver, or set -D" + property + " to its path.");
        }
        return file;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The app's address for a path such as {@code /areas}. */
    String url(String path) {
        return origin + path;
    }

    /** Opens {@code path} of the app and waits until the page has loaded. */
    void open(String path) {
        driver.get(url(path));
        waitForLoad();
    }

    /**
     * Clicks an element that leads to another page (a link, a form's button) and waits until that page has replaced
     * the current one and loaded: the old document's readiness must not be taken for the new one's. The old page is
     * told apart by a mark set on its window before the click (a new document has a new window object), never by
     * touching one of its elements: while Chromium swaps the documents, the driver answers a question about an old
     * element with an error ("node does not belong to the document") instead of calling it stale.
     */
    void clickThrough(WebElement element) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        script.executeScript("window." + LEAVING + " = true");
        element.click();
        new WebDriverWait(driver, WAIT)
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(script.executeScript(
                        "return window." + LEAVING + " === undefined && document.readyState === 'complete'")));
    }

    void waitForLoad() {
        until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Waits for the element and returns it once visible. */
    WebElement visible(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The elements of the current page matching {@code css}. */
    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The browser's console messages since the last call, at level SEVERE (errors) only. */
    List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    /** Discards the console messages collected so far. */
    void clearConsole() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    /**
     * Waits until Chromium has finished saving {@code fileName} into the download folder (its partial
     * {@code .crdownload} file gone) and returns its path.
     */
    Path downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        Path partial = downloads.resolve(fileName + ".crdownload");
        until(d -> Files.isRegularFile(file) && !Files.exists(partial) ? file : null);
        return file;
    }

    /**
     * Saves a screenshot of the whole page (the window stretched to the page's height for the shot) to
     * {@code target}.
     */
    Path screenshot(Path target) throws IOException {
        // The window's height includes what is not page (its frame); add that so the whole page fits the viewport.
        Object height = ((JavascriptExecutor) driver)
                .executeScript("return Math.ceil("
                        + "document.documentElement.scrollHeight + window.outerHeight - window.innerHeight)");
        driver.manage().window().setSize(new Dimension(WINDOW.getWidth(), ((Number) height).intValue()));
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.createDirectories(target.toAbsolutePath().getParent());
            return Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(WINDOW);
        }
    }

    @Override
    public void close() {
        // quit() also stops the driver process the service started.
        driver.quit();
    }
}
