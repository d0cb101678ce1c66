package argus.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.TestAccounts;
import argus.TestMedia;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The capture page on a server that takes at most 1 MB a request: a 4-s recording is refused, and the page says why. */
@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "1MB")
@Property(name = "micronaut.server.multipart.max-file-size", value = "1MB")
class CaptureRefusalsBrowserTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Test
    void aRecordingLargerThanTheServerTakesIsExplained() {
        OzClient admin = new OzClient(http);
        OzClient user = TestAccounts.user(
                http, admin, TestAccounts.company(admin, "Small Uploads"), "small@capture.test", "CLIENT");
        Path camera = FakeCamera.loop(
                TestMedia.file("video/selfie-real-3s.mp4"), CaptureBrowserTest.WORK.resolve("refusals-selfie.y4m"));
        try (Browser browser = CaptureBrowserTest.capturePage("http://localhost:" + server.getPort(), user, camera)) {
            CaptureBrowserTest.startRecording(browser, "blank");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .until(d -> "error".equals(browser.find("#status").getAttribute("data-kind")));
            String message = browser.find("#status").getText();
            assertTrue(message.contains("larger than this server accepts (413)"), message);
        }
    }
}
