package argus.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.TestAccounts;
import argus.TestMedia;
import argus.analysis.AnalysisEngine;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The capture page in Debian's Chromium with a fake camera playing real clips: it records through MediaRecorder, sends
 * the single request and shows the verdict; the folder it made is then in the console.
 */
@MicronautTest
@Property(name = "argus.analysis.threads", value = "1")
@Property(name = "argus.analysis.queue", value = "1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureBrowserTest {
    static final Path WORK = Path.of("target", "capture");
    private static final Duration ANALYSES = Duration.ofSeconds(120);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    AnalysisEngine engine;

    OzClient user;
    Path realCamera;
    Path replayCamera;
    Path reference;

    @BeforeAll
    void cameras() {
        OzClient admin = new OzClient(http);
        user = TestAccounts.user(
                http, admin, TestAccounts.company(admin, "Capture Bank"), "capture@capture.test", "CLIENT");
        Path real = TestMedia.file("video/selfie-real-3s.mp4");
        realCamera = FakeCamera.loop(real, WORK.resolve("selfie-real-3s.y4m"));
        reference = FakeCamera.firstFrame(real, WORK.resolve("selfie-real-3s-reference.jpg"));
        replayCamera = FakeCamera.loop(TestMedia.file("video/ls-replay-01.mp4"), WORK.resolve("ls-replay-01.y4m"));
    }

    /** What the page showed after one recording. */
    record Outcome(String verdict, Map<String, String> resolutions, Map<String, String> reasons, String folderId) {}

    @Test
    void aRealSelfieSucceedsWithItsReferenceAndItsFolderIsInTheConsole() throws Exception {
        try (Browser browser = capturePage(realCamera)) {
            browser.find("#reference").sendKeys(reference.toAbsolutePath().toString());
            Outcome outcome = record(browser, "blank");
            assertEquals("SUCCESS", outcome.verdict(), outcome.toString());
            assertEquals(Map.of("QUALITY", "SUCCESS", "BIOMETRY", "SUCCESS"), outcome.resolutions());
            assertTrue(
                    (Boolean) browser.script("const shot = document.getElementById('best-shot');"
                            + "return !shot.hidden && shot.complete && shot.naturalWidth > 0"),
                    "the best shot shows");
            browser.screenshot(Path.of("docs", "capture.png"));
            assertEquals(List.of(), cspViolations(browser), "nothing the console's CSP refused");

            Map<String, Object> folder = user.getFolder(outcome.folderId()).body();
            Map<String, Object> video = OzClient.list(folder.get("media")).stream()
                    .filter(media -> media.get("tags") instanceof List<?> tags && tags.contains("video_selfie"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(List.of("video_selfie", "video_selfie_blank"), video.get("tags"));
            assertTrue(String.valueOf(video.get("original_name")).startsWith("selfie."), video.toString());

            browser.find("#folder-link").click();
            assertEquals(outcome.folderId(), browser.find("#folder-id").getText(), "the folder is in the console");
        }
    }

    @Test
    void aReplayIsDeclined() {
        try (Browser browser = capturePage(replayCamera)) {
            Outcome outcome = record(browser, "blank");
            assertEquals("DECLINED", outcome.verdict(), outcome.toString());
            assertEquals(Map.of("QUALITY", "DECLINED"), outcome.resolutions());
            assertEquals(List.of(), cspViolations(browser));
        }
    }

    @Test
    void aHeadTurnPassesItsGestureAndATurnNotMadeIsDeclined() {
        try (Browser browser = capturePage(realCamera)) {
            Outcome left = record(browser, "left");
            assertEquals("SUCCESS", left.verdict(), left + " " + gestureChecked(left));
        }
        try (Browser browser = capturePage(realCamera)) {
            Outcome right = record(browser, "right");
            assertEquals("DECLINED", right.verdict(), right + " " + gestureChecked(right));
            assertEquals("GESTURE_NOT_PERFORMED", right.reasons().get("QUALITY"), right.toString());
        }
    }

    @Test
    void aRecordingStoppedTooSoonIsNotSent() {
        long before = user.get("/api/folders/?limit=1&total=true").total();
        try (Browser browser = capturePage(realCamera)) {
            browser.find("#gesture");
            browser.find("#record").click();
            browser.find("#stop").click();
            assertTrue(
                    browser.waitUntil(() -> browser.find("#status").getText().contains("at least 3 s")),
                    browser.find("#status").getText());
        }
        assertEquals(before, user.get("/api/folders/?limit=1&total=true").total(), "nothing was sent");
    }

    @Test
    void aRefusedUploadIsExplainedWithTheServersReason() throws Exception {
        Path notAPhoto = Files.writeString(Files.createDirectories(WORK).resolve("reference.jpg.txt"), "not a photo");
        try (Browser browser = capturePage(realCamera)) {
            browser.find("#reference").sendKeys(notAPhoto.toAbsolutePath().toString());
            startRecording(browser, "blank");
            WebDriverWait wait = new WebDriverWait(browser.driver(), ANALYSES);
            wait.until(d -> "error".equals(browser.find("#status").getAttribute("data-kind")));
            String message = browser.find("#status").getText();
            assertTrue(message.startsWith("Refused (415"), message);
        }
    }

    /** Every slot of the engine (one thread, a queue of one) taken, as by two other requests in progress. */
    @Test
    void aBusyServerIsExplainedWithItsWait() {
        try (Browser browser = capturePage(realCamera);
                AnalysisEngine.Admission first = engine.admit();
                AnalysisEngine.Admission second = engine.admit()) {
            startRecording(browser, "blank");
            new WebDriverWait(browser.driver(), ANALYSES)
                    .until(d -> "error".equals(browser.find("#status").getAttribute("data-kind")));
            String message = browser.find("#status").getText();
            assertEquals("The server is busy (429). Try again in 2 s.", message);
        }
    }

    @Test
    void withoutACameraOrPermissionThePageSaysSo() {
        try (Browser browser = new Browser(base(), "--use-fake-device-for-media-stream")) {
            browser.signIn(user.email(), TestAccounts.PASSWORD);
            browser.open("/console/capture");
            browser.find("#start-camera").click();
            assertTrue(
                    browser.waitUntil(() -> browser.find("#status").getText().contains("permission was refused")),
                    browser.find("#status").getText());
        }
    }

    private Browser capturePage(Path camera) {
        return capturePage(base(), user, camera);
    }

    /** The capture page signed in as the user, its camera started and ready to record. */
    static Browser capturePage(String base, OzClient user, Path camera) {
        Browser browser = new Browser(base, FakeCamera.showing(camera));
        browser.signIn(user.email(), TestAccounts.PASSWORD);
        browser.find("#capture-link").click();
        browser.find("#start-camera").click();
        assertTrue(
                browser.waitUntil(() -> browser.find("#record").isEnabled()
                        && browser.find("#status").getText().contains("Record")),
                browser.find("#status").getText());
        return browser;
    }

    static void startRecording(Browser browser, String gesture) {
        new Select(browser.find("#gesture")).selectByValue(gesture);
        browser.find("#seconds").clear();
        browser.find("#seconds").sendKeys("4");
        browser.find("#record").click();
    }

    private static Outcome record(Browser browser, String gesture) {
        startRecording(browser, gesture);
        new WebDriverWait(browser.driver(), ANALYSES)
                .until(d -> browser.find("#result").isDisplayed()
                        || "error".equals(browser.find("#status").getAttribute("data-kind")));
        assertTrue(
                browser.find("#result").isDisplayed(), browser.find("#status").getText());
        Map<String, String> resolutions = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (WebElement row : browser.all("#analyses tr.analysis")) {
            String type = row.getAttribute("data-type");
            resolutions.put(type, row.findElement(By.className("resolution")).getText());
            reasons.put(type, row.findElement(By.className("reason")).getText());
        }
        return new Outcome(
                browser.find("#verdict").getText(),
                resolutions,
                reasons,
                browser.find("#folder-link").getAttribute("data-folder-id"));
    }

    /** What QUALITY measured of the gesture, for the failure message. */
    private Object gestureChecked(Outcome outcome) {
        Map<String, Object> analysis = OzClient.list(
                        user.getFolder(outcome.folderId()).body().get("analyses"))
                .getFirst();
        return OzClient.object(
                        OzClient.list(analysis.get("results_media")).getFirst().get("results_data"))
                .get("gesture");
    }

    private static List<String> cspViolations(Browser browser) {
        return browser.consoleMessages().stream()
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    private String base() {
        return "http://localhost:" + server.getPort();
    }
}
