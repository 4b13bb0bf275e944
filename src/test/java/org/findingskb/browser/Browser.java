package org.findingskb.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven through its own chromedriver (never one that Selenium Manager would
 * download), with a fresh profile per run, a record of the page's uncaught errors, and screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 1000);
    static final Dimension PHONE = new Dimension(390, 844);

    /** Collects uncaught errors and unhandled promise rejections of every document the tab loads. */
    private static final String ERROR_RECORDER = """
            window.__pageErrors = [];
            window.addEventListener('error', e => window.__pageErrors.push(
                (e.message || ('failed to load ' + (e.target && (e.target.src || e.target.href)))) + ' ' + (e.filename || '')), true);
            window.addEventListener('unhandledrejection', e => window.__pageErrors.push(
                'unhandled rejection: ' + (e.reason && (e.reason.stack || e.reason.message) || e.reason)));
            """;

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    /** Skips the calling tests, saying why, when the system browser or its driver is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Browser tests skipped: " + CHROMIUM
                + " is missing (install Debian's chromium package; CI does)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "Browser tests skipped: " + CHROMEDRIVER
                + " is missing (install Debian's chromium-driver package; CI does)");
    }

    static Browser start() {
        try {
            return new Browser(Files.createTempDirectory("findings-kb-chromium-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Browser(Path profile) {
        this.profile = profile;
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + profile, "--lang=en-US");
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_RECORDER));
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads a page afresh (a new document, not a hash change in the current one). */
    void load(String url) {
        driver.get("about:blank");
        driver.get(url);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Emulates the user's preferred colour scheme: "light" or "dark". */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The first element that matches once it is displayed. */
    WebElement visible(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    @SuppressWarnings("unchecked")
    <T> T script(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    <T> T asyncScript(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** Saves what the page downloads into dir, as a person's click on a download link would. */
    void downloadInto(Path dir) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", dir.toAbsolutePath().toString()));
    }

    String hash() {
        return script("return location.hash");
    }

    List<String> pageErrors() {
        List<String> errors = script("return window.__pageErrors || []");
        return errors;
    }

    /** What the viewport shows, as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        return save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page, top to bottom, as target/screenshots/{name}.png. */
    @SuppressWarnings("unchecked")
    Path fullPageScreenshot(String name) {
        script("window.scrollTo(0, 0)");
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", content.get("width"), "height", content.get("height"), "scale", 1)));
        return save(name, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static Path save(String name, byte[] png) {
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary directory is harmless.
        }
    }
}
