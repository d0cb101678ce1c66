package argus.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its ChromeDriver (both installed by {@code .ci/run}), with a fresh profile and
 * no background traffic: this machine's network is closed.
 */
final class Browser implements AutoCloseable {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(String base, String... arguments) {
        assertTrue(
                Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER)),
                "the browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        this.base = base;
        try {
            profile = Files.createTempDirectory("argus-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--window-size=1400,1000",
                        "--autoplay-policy=no-user-gesture-required")
                .addArguments(arguments);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(DRIVER))
                        .build(),
                options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    void signIn(String email, String password) {
        open("/console/sign-in");
        find("#email").sendKeys(email);
        find("#password").sendKeys(password);
        find("#sign-in").click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/console/folders"));
    }

    /** Whether the condition came true within ten seconds (it is checked every tenth of a second). */
    boolean waitUntil(BooleanSupplier condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100))
                    .until(d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Applies the folder filters as they are set and answers the rows of the filtered list. */
    List<WebElement> submitFilters() {
        find("#apply-filters").click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("?"));
        find("#total");
        return all("tr.folder-row");
    }

    /** A full-page screenshot written to {@code target} (the console guide's pictures are taken this way). */
    void screenshot(Path target) {
        Long height = (Long) script("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1400, (int) Math.min(Math.max(height, 600), 4000)));
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    /** What the pages wrote to the browser's console so far (CSP violations are reported there). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
