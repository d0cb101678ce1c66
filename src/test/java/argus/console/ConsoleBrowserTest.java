package argus.console;

import static argus.OzClient.firstAnalysis;
import static argus.OzClient.firstResult;
import static argus.OzClient.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestMedia;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The analysts' console in a real headless Chromium: an analyst of one company signs in, finds a declined replay by
 * filter, sees its video, score and cues, decides on it, enrols a face from a best shot and sees the later blacklist
 * hit; a user of another company sees none of it; stored markup shows as text and never runs. The console guide's (docs/console.md)
 * screenshots are taken here.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    private static final String SCRIPT_IN_METADATA = "<script>window.__argusInjected = 'metadata'</script>";
    /** Markup in a file name (without "=", which multipart encoders turn into a space). */
    private static final String MARKUP_FILE_NAME = "<svg onload>replay.mp4";

    private static final Path SCREENSHOTS = Path.of("docs");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    Browser browser;
    OzClient analyst;
    OzClient client;
    OzClient stranger;
    String declined;
    String photoFolder;

    @BeforeAll
    void folders() throws IOException {
        OzClient admin = new OzClient(http);
        String acme = TestAccounts.company(admin, "Acme Bank");
        analyst = TestAccounts.user(http, admin, acme, "analyst@acme.test", "CLIENT ADMIN");
        client = TestAccounts.user(http, admin, acme, "backend@acme.test", "CLIENT");
        stranger = TestAccounts.user(
                http, admin, TestAccounts.company(admin, "Other Bank"), "backend@other.test", "CLIENT");

        Path named = Files.createTempDirectory("argus-console").resolve(MARKUP_FILE_NAME);
        Files.copy(TestMedia.file("video/ls-replay-01.mp4"), named);
        Reply replay = client.postFolder(Map.of("selfie", named), """
                {"folder:meta_data": {"transaction_id": "tx-replay-1", "note": %s},
                 "media:tags": {"selfie": ["video_selfie", "video_selfie_blank"]},
                 "analyses": [{"type": "quality", "params": {"extract_best_shot": true}}]}""".formatted("\"" + SCRIPT_IN_METADATA + "\""));
        assertEquals(201, replay.status(), replay.body().toString());
        assertEquals(
                "DECLINED",
                firstAnalysis(replay).get("resolution"),
                "the phone replay is the declined folder of this test");
        declined = (String) replay.body().get("folder_id");

        Reply photo = client.postFolder(Map.of("selfie", TestMedia.file("match/df-a/img1.jpg")), """
                {"folder:meta_data": {"transaction_id": "tx-photo-1"},
                 "analyses": [{"type": "quality", "params": {"extract_best_shot": true}}]}""");
        assertEquals(201, photo.status(), photo.body().toString());
        assertFalse(list(firstResult(photo).get("output_images")).isEmpty(), "a best shot was extracted");
        photoFolder = (String) photo.body().get("folder_id");

        browser = new Browser("http://localhost:" + server.getPort());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAnalystFindsTheDeclinedFolderSeesItsEvidenceAndDecides() {
        browser.signIn(analyst.email(), TestAccounts.PASSWORD);
        Cookie session = browser.driver().manage().getCookieNamed("argus_console");
        assertTrue(session.isHttpOnly() && session.isSecure(), "the session cookie is HttpOnly and Secure");
        assertEquals("Strict", session.getSameSite());
        assertEquals(
                Boolean.TRUE,
                browser.script("return document.cookie.indexOf('argus_console') < 0"),
                "scripts cannot read the session");

        new Select(browser.find("#filter-resolution")).selectByValue("DECLINED");
        new Select(browser.find("#filter-type")).selectByValue("QUALITY");
        List<WebElement> rows = browser.submitFilters();
        assertEquals(1, rows.size(), "one declined liveness folder");
        assertEquals(declined, rows.getFirst().getAttribute("data-folder"));
        assertEquals("1", browser.find("#count-DECLINED").getText());
        assertTrue(browser.driver().getCurrentUrl().contains("resolution=DECLINED"));
        assertTrue(
                (Boolean) browser.script("return document.querySelector('img.thumb').naturalWidth > 0"),
                "the row's thumbnail loads");
        browser.screenshot(SCREENSHOTS.resolve("console-folders.png"));

        rows.getFirst().findElement(By.cssSelector("a.folder-link")).click();
        assertEquals(declined, browser.find("#folder-id").getText());
        WebElement video = browser.find("video");
        assertTrue(
                browser.waitUntil(() -> (Boolean)
                        browser.script("return arguments[0].readyState >= 1 && arguments[0].duration > 1", video)),
                "the selfie video loads and plays in the page");
        WebElement analysis = browser.find("section.analysis[data-type=QUALITY]");
        assertEquals(
                "DECLINED",
                analysis.findElement(By.cssSelector(".analysis-verdict")).getText());
        double score = Double.parseDouble(
                analysis.findElement(By.cssSelector(".analysis-score")).getText());
        assertTrue(score >= 0.5, "the score shown is the declining one: " + score);
        assertEquals(
                "0.5",
                analysis.findElement(By.cssSelector(".analysis-threshold")).getText());
        assertTrue(
                analysis.findElements(By.cssSelector("svg.cues-chart rect")).size() >= 2,
                "the cues' log-odds are drawn");
        assertFalse(
                analysis.findElements(By.cssSelector(".frame-scores circle")).isEmpty(), "the scored frames are drawn");
        assertTrue(
                (Boolean) browser.script("return document.querySelector('.best-shot img').naturalWidth > 0"),
                "the best shot loads");
        browser.screenshot(SCREENSHOTS.resolve("console-declined-folder.png"));

        new Select(browser.find("#decision-resolution")).selectByValue("DECLINED");
        browser.find("#decision-comment").sendKeys("replay on a phone screen, confirmed");
        browser.find("#decide").click();
        assertEquals(
                "replay on a phone screen, confirmed",
                browser.find("#folder-decision-comment").getText());

        Map<String, Object> folder = analyst.getFolder(declined).body();
        assertEquals("DECLINED", folder.get("operator_status"));
        assertEquals("replay on a phone screen, confirmed", folder.get("operator_comment"));
        assertEquals(analyst.userId(), folder.get("resolution_operator"));
        assertNotNull(folder.get("operator_time"));
    }

    @Test
    void aFaceEnrolledFromABestShotIsFoundByALaterBlacklistSearch() {
        browser.signIn(analyst.email(), TestAccounts.PASSWORD);
        browser.open("/console/blacklists");
        browser.find("#collection-alias").sendKeys("Known fraudsters");
        browser.find("#create-collection").click();
        assertEquals("Known fraudsters", browser.find("#collection-name").getText());

        browser.open("/console/folders/" + photoFolder);
        new Select(browser.find("#enrol-media")).selectByIndex(0);
        assertTrue(new Select(browser.find("#enrol-media"))
                .getFirstSelectedOption()
                .getText()
                .startsWith("best shot"));
        new Select(browser.find("#enrol-collection")).selectByVisibleText("Known fraudsters");
        browser.find("#enrol-submit").click();
        assertEquals("1", browser.find("#person-count").getText());
        assertTrue(
                (Boolean) browser.script("return document.querySelector('.person img').naturalWidth > 0"),
                "the enrolled photo shows");

        browser.find("#enrol-photo input[name=name]").sendKeys("Uploaded stranger");
        browser.find("#enrol-photo input[type=file]")
                .sendKeys(TestMedia.file("match/df-b/img3.jpg")
                        .toAbsolutePath()
                        .normalize()
                        .toString());
        browser.find("#enrol-photo button").click();
        assertTrue(
                browser.waitUntil(() -> browser.all(".person").size() == 2),
                "the person enrolled from an uploaded photo shows");
        WebElement uploaded = browser.all(".person").stream()
                .filter(p -> p.getText().contains("Uploaded stranger"))
                .findFirst()
                .orElseThrow();
        uploaded.findElement(By.cssSelector("button.danger")).click();
        browser.driver().switchTo().alert().accept();
        assertTrue(browser.waitUntil(() -> browser.all(".person").size() == 1), "the removed person is gone");

        Reply search = client.postFolder(
                Map.of("photo", TestMedia.file("match/df-a/img2.jpg")), "{\"analyses\": [{\"type\": \"blacklist\"}]}");
        assertEquals("DECLINED", firstAnalysis(search).get("resolution"), "the same face is found in the blacklist");
        browser.open("/console/folders/" + search.body().get("folder_id"));
        WebElement match = browser.find("tr.match");
        assertTrue(
                (Boolean) browser.script("return arguments[0].querySelector('img').naturalWidth > 0", match),
                "the matched person's photo shows");
        assertTrue(
                Double.parseDouble(match.findElements(By.tagName("td")).get(1).getText()) >= 0.85);
    }

    @Test
    void theStatisticsPageShowsWhatTheApiCounts() {
        browser.signIn(analyst.email(), TestAccounts.PASSWORD);
        browser.find("#statistics-link").click();
        browser.find("#stats-group").sendKeys("month");
        browser.find("#stats-apply").click();
        Map<String, Object> total = OzClient.object(
                analyst.get("/api/statistics/?group_by=month").body().get("total"));
        Map<String, Object> folders = OzClient.object(total.get("folders"));
        for (String verdict : List.of("SUCCESS", "DECLINED")) {
            assertEquals(
                    String.valueOf(folders.getOrDefault(verdict, 0)),
                    browser.find("#statistics-total td[data-verdict='" + verdict + "']")
                            .getText(),
                    verdict);
        }
        assertTrue(((Number) folders.get("DECLINED")).longValue() >= 1, "the replay was declined");
        assertEquals(1, browser.all("tr.period").size(), "one month");
        assertEquals(
                folders.values().stream()
                        .mapToLong(v -> ((Number) v).longValue())
                        .sum(),
                browser.all("#stats-chart rect.stat").stream()
                        .mapToLong(rect -> Long.parseLong(rect.getAttribute("data-count")))
                        .sum(),
                "the chart stacks every folder");
        browser.open("/console/folders/" + declined);
        assertTrue(
                browser.find("#report-link").getAttribute("href").endsWith("/console/folders/" + declined + "/report"));
    }

    @Test
    void anAdministratorMakesChangesAndRemovesAReportTemplate() throws IOException {
        Path logo = Files.createTempFile("argus-logo", ".png");
        ImageIO.write(new BufferedImage(90, 30, BufferedImage.TYPE_INT_RGB), "png", logo.toFile());
        String title = "Compliance <b>file</b>";
        browser.signIn(analyst.email(), TestAccounts.PASSWORD);
        browser.find("#templates-link").click();
        WebElement form = browser.find("#new-template");
        form.findElement(By.name("title")).sendKeys(title);
        form.findElement(By.cssSelector("input[name=section][value=webhooks]")).click();
        new Select(form.findElement(By.name("language"))).selectByValue("ru");
        form.findElement(By.name("legal_text")).sendKeys("Kept for five years.");
        form.findElement(By.name("logo")).sendKeys(logo.toAbsolutePath().toString());
        browser.find("#create-template").click();

        Map<String, Object> made = templateTitled(title);
        assertEquals(List.of("metadata", "media", "analyses", "decisions"), made.get("sections"));
        assertEquals("ru", made.get("language"));
        assertEquals("Kept for five years.", made.get("legal_text"));
        assertNotNull(made.get("logo_url"));
        WebElement card = browser.find("#template-" + made.get("template_id"));
        assertEquals(title, card.findElement(By.className("type")).getText(), "the title shown as text");
        assertTrue((Boolean) browser.script("return arguments[0].querySelector('img.logo').naturalWidth > 0", card));

        WebElement edit = card.findElement(By.className("edit-template"));
        edit.findElement(By.name("title")).clear();
        edit.findElement(By.name("title")).sendKeys("Compliance file");
        edit.findElement(By.name("remove_logo")).click();
        edit.findElement(By.cssSelector("button[type=submit]")).click();
        Map<String, Object> changed = templateTitled("Compliance file");
        assertEquals(made.get("template_id"), changed.get("template_id"));
        assertEquals(made.get("sections"), changed.get("sections"), "the boxes left as they were");
        assertEquals("ru", changed.get("language"));
        assertEquals(null, changed.get("logo_url"), "the logo removed");

        browser.find("#template-" + made.get("template_id") + " .remove-template button")
                .click();
        assertTrue(browser.waitUntil(() -> browser.all("section.template").stream()
                .noneMatch(t -> t.getAttribute("id").equals("template-" + made.get("template_id")))));
        assertEquals(
                404,
                analyst.get("/api/report_templates/" + made.get("template_id") + "/")
                        .status());
    }

    /** The company's template of that title, once the console's form has made it. */
    private Map<String, Object> templateTitled(String title) {
        assertTrue(browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("/console/report-templates")));
        return list(analyst.get("/api/report_templates/").body().get("items")).stream()
                .filter(t -> t.get("title").equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no template titled " + title));
    }

    @Test
    void aUserOfAnotherCompanyGetsNothing() {
        browser.signIn(stranger.email(), TestAccounts.PASSWORD);
        assertEquals("0", browser.find("#total").getText());
        assertTrue(browser.all("tr.folder-row").isEmpty());
        browser.open("/console/folders/" + declined);
        assertEquals("404", browser.find("h1").getText());
        assertTrue(browser.all("video").isEmpty());
        Map<String, Object> folder = client.getFolder(declined).body();
        String mediaId = (String) list(folder.get("media")).getFirst().get("media_id");
        browser.open("/console/folders/" + declined + "/media/" + mediaId);
        assertEquals("404", browser.find("h1").getText(), "nor its media");
    }

    @Test
    void storedMarkupShowsAsTextAndNeverRuns() {
        browser.signIn(analyst.email(), TestAccounts.PASSWORD);
        browser.find("#filter-meta-key").sendKeys("transaction_id");
        browser.find("#filter-meta-value").sendKeys("tx-replay-1");
        assertEquals(1, browser.submitFilters().size());
        assertTrue(
                browser.find("td.meta").getText().contains(SCRIPT_IN_METADATA), "the list shows the metadata as text");
        browser.open("/console/folders/" + declined);
        assertTrue(
                browser.find("#metadata").getText().contains(SCRIPT_IN_METADATA),
                "the folder shows the metadata as text");
        assertTrue(
                browser.find("figure figcaption").getText().contains(MARKUP_FILE_NAME), "the file name shows as text");
        assertEquals(
                Boolean.TRUE, browser.script("return window.__argusInjected === undefined"), "no stored markup ran");
        assertTrue(
                browser.all("#metadata script").isEmpty()
                        && browser.all("figcaption svg").isEmpty(),
                "no element was made from it");
    }
}
