package argus.report;

import static argus.OzClient.list;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestMedia;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Report templates: a company's administrator makes one with a logo, its users print with it, nobody else sees it. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTemplateTest {
    private static final String LEGAL = "Kept for five years under the bank's AML policy, section 4.2.";

    @Inject
    @Client("/")
    HttpClient http;

    Path temp;

    OzClient admin;
    TestAccounts.Tenant bank;
    TestAccounts.Tenant other;
    Path logo;
    String folderId;

    @BeforeAll
    void tenants() throws Exception {
        admin = new OzClient(http);
        temp = Files.createTempDirectory("argus-templates");
        bank = TestAccounts.tenant(http, admin, "Template Bank");
        other = TestAccounts.tenant(http, admin, "Template Outsider");
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2d5bd3));
        g.fillRect(0, 0, 120, 40);
        g.dispose();
        logo = temp.resolve("logo.png");
        ImageIO.write(image, "png", logo.toFile());
        Reply folder = bank.as("CLIENT")
                .postFolder(
                        Map.of("photo1", TestMedia.file("match/df-a/img1.jpg")),
                        "{\"folder:meta_data\": {\"case\": \"T-1\"}, \"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, folder.status(), folder.body().toString());
        folderId = (String) folder.body().get("folder_id");
    }

    @Test
    void anAdministratorMakesATemplateWithALogoAndAClientPrintsWithIt() throws Exception {
        Reply created =
                bank.as("CLIENT ADMIN").postFiles("/api/report_templates/", Map.of("logo", logo), """
                        {"title": "Отчёт о проверке", "sections": ["media", "analyses"],
                         "legal_text": "%s", "language": "ru"}""".formatted(LEGAL));
        assertEquals(201, created.status(), created.body().toString());
        String template = (String) created.body().get("template_id");
        assertEquals(bank.companyId(), created.body().get("company_id"));

        OzClient client = bank.as("CLIENT");
        assertTrue(list(client.get("/api/report_templates/").body().get("items")).stream()
                .anyMatch(t -> t.get("template_id").equals(template)));
        assertArrayEquals(
                Files.readAllBytes(logo),
                client.download((String) created.body().get("logo_url"), client.token())
                        .body());

        HttpResponse<byte[]> report =
                client.download("/api/folders/" + folderId + "/report/?template_id=" + template, client.token());
        assertEquals(200, report.code());
        String text;
        int images = 0;
        try (PDDocument document = Loader.loadPDF(report.body())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (var page : document.getPages()) {
                for (var ignored : page.getResources().getXObjectNames()) {
                    images++;
                }
            }
        }
        assertTrue(text.contains("Отчёт о проверке"), "the template's title");
        assertTrue(text.contains("Папка " + folderId), "labels in the template's language");
        assertTrue(text.contains("Медиа") && text.contains("Анализы"), "the chosen sections");
        assertFalse(text.contains("Метаданные") || text.contains("T-1"), "metadata left out");
        assertFalse(text.contains("Решения операторов"), "decisions left out");
        assertTrue(text.contains(LEGAL), "the legal text");
        String plain = new PDFTextStripper()
                .getText(Loader.loadPDF(client.download("/api/folders/" + folderId + "/report/", client.token())
                        .body()));
        assertTrue(plain.contains("T-1") && !plain.contains(LEGAL), "without a template: every section, no legal text");
        assertTrue(images >= 2, "the logo beside the thumbnail: " + images);
    }

    @Test
    void onlyAdministratorsManageAndOtherCompaniesSeeNothing() {
        assertEquals(
                403,
                bank.as("CLIENT")
                        .postFiles("/api/report_templates/", Map.of(), "{\"title\": \"mine\"}")
                        .status());
        Reply created = bank.as("CLIENT ADMIN").postFiles("/api/report_templates/", Map.of(), "{\"title\": \"Plain\"}");
        assertEquals(201, created.status(), created.body().toString());
        String template = (String) created.body().get("template_id");

        OzClient outsider = other.as("CLIENT ADMIN");
        assertEquals(
                404, outsider.get("/api/report_templates/" + template + "/").status());
        assertTrue(
                list(outsider.get("/api/report_templates/").body().get("items")).isEmpty());
        assertEquals(
                404,
                outsider.download("/api/folders/" + folderId + "/report/?template_id=" + template, outsider.token())
                        .code());
        assertEquals(
                403,
                bank.as("CLIENT")
                        .delete("/api/report_templates/" + template + "/")
                        .status());
        assertEquals(
                204,
                bank.as("CLIENT ADMIN")
                        .delete("/api/report_templates/" + template + "/")
                        .status());
        assertEquals(
                404,
                bank.as("CLIENT").get("/api/report_templates/" + template + "/").status());
    }

    @Test
    void anAdministratorChangesATemplateAndItsLogo() throws Exception {
        OzClient manager = bank.as("CLIENT ADMIN");
        Reply created = manager.postFiles("/api/report_templates/", Map.of("logo", logo), """
                {"title": "Before", "sections": ["media"], "legal_text": "Old terms."}""");
        assertEquals(201, created.status(), created.body().toString());
        String path = "/api/report_templates/" + created.body().get("template_id") + "/";

        Reply renamed = manager.patch(path, Map.of("title", "After", "language", "ru"));
        assertEquals(200, renamed.status(), renamed.body().toString());
        assertEquals("After", renamed.body().get("title"));
        assertEquals("ru", renamed.body().get("language"));
        assertEquals(List.of("media"), renamed.body().get("sections"), "fields not named are kept");
        assertEquals("Old terms.", renamed.body().get("legal_text"));
        assertEquals(created.body().get("time_created"), renamed.body().get("time_created"));
        assertEquals(created.body().get("logo_url"), renamed.body().get("logo_url"));

        Path second = temp.resolve("second.jpg");
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "jpg", second.toFile());
        Reply relogoed = manager.patchFiles(path, Map.of("logo", second), "{\"sections\": [\"media\", \"webhooks\"]}");
        assertEquals(200, relogoed.status(), relogoed.body().toString());
        assertEquals(List.of("media", "webhooks"), relogoed.body().get("sections"));
        HttpResponse<byte[]> newLogo = manager.download((String) relogoed.body().get("logo_url"), manager.token());
        assertArrayEquals(Files.readAllBytes(second), newLogo.body(), "the new logo replaced the old");
        assertEquals("image/jpeg", newLogo.header("Content-Type"));
        assertEquals(
                "INVALID_VALUE",
                manager.patchFiles(path, Map.of("logo", logo), "{\"language\": \"tlh\"}")
                        .errorCode());
        assertArrayEquals(
                Files.readAllBytes(second),
                manager.download((String) relogoed.body().get("logo_url"), manager.token())
                        .body(),
                "a refused change keeps the logo it had");

        Reply unlogoed = manager.patch(path, Map.of("remove_logo", true));
        assertEquals(200, unlogoed.status(), unlogoed.body().toString());
        assertNull(unlogoed.body().get("logo_url"));
        assertEquals(404, manager.get(path + "logo").status());
        assertEquals("After", manager.get(path).body().get("title"), "stored, not only answered");

        assertEquals(403, bank.as("CLIENT").patch(path, Map.of("title", "Mine")).status());
        assertEquals(
                404,
                other.as("CLIENT ADMIN").patch(path, Map.of("title", "Theirs")).status());
        assertEquals(
                "INVALID_VALUE", manager.patch(path, Map.of("language", "tlh")).errorCode());
        assertEquals("INVALID_VALUE", manager.patch(path, Map.of("title", " ")).errorCode());
        assertEquals(
                "INVALID_PAYLOAD",
                manager.patch(path, Map.of("remove_logo", "yes")).errorCode());
        assertEquals("After", manager.get(path).body().get("title"), "a refused change changes nothing");
    }

    @Test
    void badTemplatesAreRefusedWithTheirReason() throws Exception {
        OzClient manager = bank.as("CLIENT ADMIN");
        assertEquals(
                "INVALID_VALUE",
                manager.postFiles("/api/report_templates/", Map.of(), "{\"title\": \"x\", \"language\": \"tlh\"}")
                        .errorCode());
        assertEquals(
                "INVALID_VALUE",
                manager.postFiles("/api/report_templates/", Map.of(), "{\"title\": \"x\", \"sections\": [\"gossip\"]}")
                        .errorCode());
        assertEquals(
                "INVALID_VALUE",
                manager.postFiles("/api/report_templates/", Map.of(), "{}").errorCode());
        Path text = temp.resolve("logo.png.txt");
        Files.writeString(text, "not a picture");
        Reply notPicture = manager.postFiles("/api/report_templates/", Map.of("logo", text), "{\"title\": \"x\"}");
        assertEquals(415, notPicture.status());
        assertEquals("UNSUPPORTED_FILE_TYPE", notPicture.errorCode());
    }
}
