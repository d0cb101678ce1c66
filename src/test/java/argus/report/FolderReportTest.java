package argus.report;

import static argus.OzClient.list;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.Digests;
import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestMedia;
import argus.WebhookReceiver;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The folder report as a compliance officer files it: a folder with every analysis type, decided by an operator and
 * delivered to a webhook, fetched as PDF and read back with PDFBox, section by section.
 */
@MicronautTest
@Property(name = "argus.webhooks.allow-private", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderReportTest {
    private static final String VIDEO = "video/selfie-real-portrait.mp4";
    private static final String PHOTO = "match/df-a/img2.jpg";

    @Inject
    @Client("/")
    HttpClient http;

    OzClient admin;
    WebhookReceiver receiver;
    String folderId;
    Map<String, Object> folder;

    @BeforeAll
    void decidedFolderWithEveryAnalysis() throws Exception {
        admin = new OzClient(http);
        receiver = new WebhookReceiver(0);
        String collection = (String) admin.post("/api/collections/", Map.of("alias", "report fraudsters"))
                .body()
                .get("collection_id");
        Reply enrolled = admin.postFiles(
                "/api/collections/" + collection + "/persons/",
                Map.of("photo1", TestMedia.file("match/df-a/img1.jpg")),
                "{}");
        assertEquals(201, enrolled.status(), enrolled.body().toString());

        Reply created = admin.postFolder(
                Map.of("video1", TestMedia.file(VIDEO), "photo1", TestMedia.file(PHOTO)),
                """
                {"folder:meta_data": {"case": "R-77 <b>"},
                 "resolution_endpoint": "%s",
                 "media:tags": {"video1": ["video_selfie", "orientation_portrait"], "photo1": ["photo_selfie"]},
                 "analyses": [{"type": "quality", "params": {"extract_best_shot": true}},
                              {"type": "biometry"}, {"type": "blacklist"}]}""".formatted(receiver.url()));
        assertEquals(201, created.status(), created.body().toString());
        folderId = (String) created.body().get("folder_id");
        String quality = (String) list(created.body().get("analyses")).stream()
                .filter(a -> a.get("type").equals("QUALITY"))
                .findFirst()
                .orElseThrow()
                .get("analysis_id");
        Reply decided = admin.patch(
                "/api/analyses/" + quality + "/",
                Map.of("resolution_status", "declined", "resolution_comment", "mask seen on review"));
        assertEquals(200, decided.status(), decided.body().toString());
        folder = admin.getFolder(folderId).body();
    }

    @AfterAll
    void close() {
        receiver.close();
    }

    @Test
    void everySectionOfTheFolderIsInTheReport() throws Exception {
        String text = awaitDeliveredReport();

        assertTrue(text.contains("Folder " + folderId), "identity");
        assertTrue(text.contains("R-77 <b>"), "metadata, as text");
        assertTrue(text.contains((String) folder.get("company_id")), "company");
        for (String file : List.of(VIDEO, PHOTO)) {
            String sha256 = Digests.sha256Hex(Files.readAllBytes(TestMedia.file(file)));
            assertTrue(text.contains(sha256), "the SHA-256 of " + file + " as uploaded");
        }
        assertEquals(2, count(text, "(matches the stored bytes)"), "both media checked against the stored bytes");
        for (Map<String, Object> analysis : list(folder.get("analyses"))) {
            assertTrue(text.contains((String) analysis.get("analysis_id")), "analysis listed");
            assertTrue(text.contains((String) analysis.get("type")), "analysis type");
        }
        Map<String, Object> quality = list(folder.get("analyses")).stream()
                .filter(a -> a.get("type").equals("QUALITY"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> result = list(quality.get("results_media")).getFirst();
        assertTrue(text.contains("against threshold"), "score against threshold");
        assertTrue(text.contains("Liveness cues"), "cue chart");
        assertTrue(text.contains("Scored frames"), "frame chart");
        assertTrue(text.contains("Best shot"), "best shot");
        assertTrue(object(result.get("results_data")).containsKey("confidence_spoofing"));
        assertTrue(text.contains("Blacklist hit"), "blacklist hit with the person's photo");
        assertTrue(text.contains("mask seen on review"), "operator comment");
        assertTrue(text.contains(admin.email()), "who decided");
        assertTrue(text.contains(receiver.url()) && text.contains("DELIVERED"), "webhook delivery");
        assertTrue(text.contains("Argus 0.1.0"), "version");
        assertTrue(text.contains("faceplugin"), "model packs");
        assertTrue(text.matches("(?s).*Content SHA-256 [0-9a-f]{64}.*"), "content hash");
    }

    @Test
    void thePdfEmbedsItsFontsShowsThePicturesAndIsDigestedInItsHeader() throws Exception {
        HttpResponse<byte[]> answer = fetch(admin);
        assertEquals(200, answer.code());
        assertEquals("application/pdf", answer.getContentType().orElseThrow().toString());
        assertTrue(answer.header("Content-Disposition").contains("argus-folder-" + folderId + ".pdf"));
        byte[] pdf = answer.body();
        String digest =
                "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(Digests.sha256Hex(pdf))) + ":";
        assertEquals(digest, answer.header("Repr-Digest"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int images = 0;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
                for (var name : page.getResources().getXObjectNames()) {
                    images++;
                }
            }
            assertTrue(images >= 6, "thumbnails, charts, best shot, person photo: " + images);
        }
        Path png = pageOne(pdf);
        if (png != null) {
            assertTrue(Files.size(png) > 10_000, "page 1 rendered by poppler");
        }
    }

    @Test
    void anUnchangedFolderGivesTheSameContentHash() throws Exception {
        awaitDeliveredReport();
        assertEquals(
                contentHash(text(fetch(admin).body())),
                contentHash(text(fetch(admin).body())));
    }

    @Test
    void anotherCompanySeesNoReport() {
        OzClient stranger = TestAccounts.tenant(http, admin, "Report Outsider").as("CLIENT");
        assertEquals(404, fetch(stranger).code());
        assertEquals(404, fetch(admin, "00000000-0000-0000-0000-000000000000").code());
    }

    private String awaitDeliveredReport() throws Exception {
        String text = "";
        for (int i = 0; i < 240 && !text.contains("DELIVERED"); i++) {
            if (i > 0) {
                Thread.sleep(500);
            }
            text = text(fetch(admin).body());
        }
        return text;
    }

    private HttpResponse<byte[]> fetch(OzClient client) {
        return fetch(client, folderId);
    }

    private HttpResponse<byte[]> fetch(OzClient client, String id) {
        return client.download("/api/folders/" + id + "/report/", client.token());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static String contentHash(String text) {
        Matcher hash = Pattern.compile("Content SHA-256 ([0-9a-f]{64})").matcher(text);
        assertTrue(hash.find(), "the footer names the content hash");
        return hash.group(1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** Page 1 as PNG by Debian's poppler-utils ({@code .ci/run} installs it), kept in target for the docs. */
    private static Path pageOne(byte[] pdf) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
            return null;
        }
        Path dir = Files.createDirectories(Path.of("target", "report"));
        Path file = dir.resolve("folder-report.pdf");
        Files.write(file, pdf);
        Process render = new ProcessBuilder(
                        "/usr/bin/pdftoppm",
                        "-png",
                        "-r",
                        "80",
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-singlefile",
                        file.toString(),
                        dir.resolve("page-1").toString())
                .inheritIO()
                .start();
        assertEquals(0, render.waitFor());
        return dir.resolve("page-1.png");
    }
}
