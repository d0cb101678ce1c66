package argus.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestMedia;
import argus.TestShotSets;
import argus.WebhookReceiver;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's pages over plain HTTP, as an attacker or a script would reach them: sign-in and its cookie, the CSRF
 * check on every form, the page policy, the review queue, service tokens shown once, and sign-out.
 */
@MicronautTest
@Property(name = "argus.webhooks.allow-private", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleHttpTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("id=\"issued-access-token\">([^<]+)<");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    java.net.http.HttpClient web;
    OzClient analyst;
    OzClient client;
    String company;

    @BeforeAll
    void accounts() {
        web = java.net.http.HttpClient.newHttpClient();
        OzClient admin = new OzClient(http);
        company = TestAccounts.company(admin, "Console Bank");
        analyst = TestAccounts.user(http, admin, company, "analyst@console.test", "CLIENT OPERATOR");
        client = TestAccounts.user(http, admin, company, "backend@console.test", "CLIENT");
    }

    /** A signed-in console session: its cookie and the CSRF token its pages carry. */
    record Session(String cookie, String csrf) {}

    private Session signIn(String email, String password) {
        HttpResponse<String> reply =
                post("/console/sign-in", null, Map.of("email", email, "password", password), Map.of());
        assertEquals(303, reply.statusCode(), reply.body());
        String setCookie = reply.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Matcher csrf = CSRF.matcher(get("/console/folders", cookie).body());
        assertTrue(csrf.find());
        return new Session(cookie, csrf.group(1));
    }

    @Test
    void signingInSetsAProtectedCookieAndWrongCredentialsSetNone() {
        HttpResponse<String> refused = post(
                "/console/sign-in", null, Map.of("email", analyst.email(), "password", "not-the-password"), Map.of());
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("wrong e-mail or password"));
        assertTrue(refused.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<String> accepted = post(
                "/console/sign-in",
                null,
                Map.of("email", analyst.email(), "password", TestAccounts.PASSWORD),
                Map.of());
        String cookie = accepted.headers().firstValue("Set-Cookie").orElseThrow();
        for (String attribute : new String[] {"HTTPOnly", "Secure", "SameSite=Strict", "Path=/console"}) {
            assertTrue(cookie.toLowerCase().contains(attribute.toLowerCase()), cookie);
        }
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        HttpResponse<String> page = get("/console/folders", cookie.substring(0, cookie.indexOf(';')));
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains(value), "the access token never appears in a page");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(
                policy.contains("script-src 'self'")
                        && !policy.contains("unsafe-inline")
                        && policy.contains("frame-ancestors 'none'"),
                policy);

        for (String entry : new String[] {"/console", "/console/"}) {
            HttpResponse<String> home = get(entry, cookie.substring(0, cookie.indexOf(';')));
            assertEquals(303, home.statusCode(), entry);
            assertEquals(
                    "/console/folders", home.headers().firstValue("Location").orElseThrow(), entry);
        }
        assertFalse(
                get("/console/sign-in", null).body().contains("id=\"needs-https\""),
                "localhost over HTTP keeps the cookie");
        String remote = http.toBlocking()
                .retrieve(io.micronaut.http.HttpRequest.GET("/console/sign-in").header("Host", "argus.internal:8080"));
        assertTrue(remote.contains("id=\"needs-https\""), "another host over plain HTTP is told to use HTTPS");
        HttpResponse<String> anonymous = get("/console/folders", null);
        assertEquals(303, anonymous.statusCode());
        assertEquals(
                "/console/sign-in", anonymous.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void everyFormNeedsTheTokenOfItsOwnSignIn() {
        String folder = (String) client.postFolder(Map.of("photo", TestMedia.file("match/df-b/img3.jpg")), null)
                .body()
                .get("folder_id");
        Session mine = signIn(analyst.email(), TestAccounts.PASSWORD);
        Session other = signIn(analyst.email(), TestAccounts.PASSWORD);
        String decision = "/console/folders/" + folder + "/decision";
        HttpResponse<String> missing = post(decision, mine.cookie(), Map.of("resolution", "SUCCESS"), Map.of());
        assertEquals(403, missing.statusCode());
        assertTrue(missing.body().contains("CSRF_REFUSED"));
        assertEquals(
                403,
                post(decision, mine.cookie(), Map.of("csrf", other.csrf(), "resolution", "SUCCESS"), Map.of())
                        .statusCode());
        assertEquals(
                403,
                post(
                                decision,
                                mine.cookie(),
                                Map.of("csrf", mine.csrf(), "resolution", "SUCCESS"),
                                Map.of("Sec-Fetch-Site", "cross-site"))
                        .statusCode(),
                "a form posted from another site is refused");
        assertEquals(
                303,
                post(decision, mine.cookie(), Map.of("csrf", mine.csrf(), "resolution", "SUCCESS"), Map.of())
                        .statusCode());
        assertEquals("SUCCESS", client.getFolder(folder).body().get("operator_status"));
    }

    @Test
    void theReviewQueueHoldsUndecidedFailuresUntilAnOperatorDecides() {
        OzClient.Reply failed = client.postFolder(
                Map.of("photo", TestMedia.file("nonface/building.jpg")), "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(
                "FAILED",
                OzClient.firstAnalysis(failed).get("resolution"),
                failed.body().toString());
        String folder = (String) failed.body().get("folder_id");
        Session session = signIn(analyst.email(), TestAccounts.PASSWORD);
        assertTrue(get("/console/review", session.cookie()).body().contains("data-folder=\"" + folder + "\""));
        post(
                "/console/folders/" + folder + "/decision",
                session.cookie(),
                Map.of("csrf", session.csrf(), "resolution", "DECLINED", "comment", "no face at all"),
                Map.of());
        assertFalse(get("/console/review", session.cookie()).body().contains("data-folder=\"" + folder + "\""));
    }

    @Test
    void aServiceTokenIsShownOnceAndWorks() {
        Session admin = signIn(OzClient.ADMIN_EMAIL, OzClient.ADMIN_PASSWORD);
        String company = TestAccounts.company(new OzClient(http), "Service Bank");
        HttpResponse<String> created = post(
                "/console/accounts/service",
                admin.cookie(),
                Map.of("csrf", admin.csrf(), "email", "backend@service.test", "company", company),
                Map.of());
        assertEquals(200, created.statusCode(), created.body());
        Matcher token = TOKEN.matcher(created.body());
        assertTrue(token.find());
        io.micronaut.http.HttpResponse<?> me = http.toBlocking()
                .exchange(
                        io.micronaut.http.HttpRequest.GET("/api/users/me/")
                                .header(OzClient.TOKEN_HEADER, token.group(1)),
                        Map.class);
        assertEquals(200, me.code());
        assertFalse(
                get("/console/accounts", admin.cookie()).body().contains(token.group(1)),
                "the token is not shown again");
        String found = get("/console/accounts?search=backend%40service", admin.cookie())
                .body();
        assertTrue(
                found.contains("backend@service.test") && !found.contains("analyst@console.test"),
                "users are searched by e-mail");
        assertTrue(found.contains("page 1 of 1"), "the list says where it is");
        assertEquals(
                201,
                client.postFolder(Map.of("photo", TestMedia.file("match/df-c/img13.jpg")), null)
                        .status());
        String folders = get("/console/folders", admin.cookie()).body();
        assertTrue(
                folders.contains("<option value=\"" + company + "\">Service Bank</option>"),
                "those who see every company pick one");
        assertTrue(get("/console/folders?company=" + company, admin.cookie())
                .body()
                .contains("<span id=\"total\">0</span>"));
        assertTrue(
                folders.contains("<div class=\"muted\">Console Bank</div>"),
                "rows name their company for those who see several");

        Session clientSession = signIn(client.email(), TestAccounts.PASSWORD);
        assertEquals(
                403, get("/console/accounts", clientSession.cookie()).statusCode(), "a CLIENT manages no accounts");
    }

    @Test
    void aShotSetShowsAsAStripOfItsFrames(@TempDir Path dir) throws Exception {
        Path shots = TestShotSets.write(
                dir,
                "shots.zip",
                TestShotSets.zip(TestShotSets.frames(TestMedia.file("video/selfie-real-3s.mp4"), 4), "frame_%d.jpg"));
        OzClient.Reply created =
                client.postFolder(Map.of("shots", shots), "{\"media:tags\": {\"shots\": [\"video_selfie\"]}}");
        assertEquals(201, created.status(), created.body().toString());
        String folder = (String) created.body().get("folder_id");
        String media =
                (String) OzClient.list(created.body().get("media")).getFirst().get("media_id");
        Session session = signIn(analyst.email(), TestAccounts.PASSWORD);
        String strip = "/console/folders/" + folder + "/media/" + media + "/strip";
        assertTrue(get("/console/folders/" + folder, session.cookie()).body().contains(strip));
        HttpResponse<byte[]> image = web.send(
                HttpRequest.newBuilder(uri(strip))
                        .header("Cookie", session.cookie())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElseThrow());
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertTrue(
                picture.getWidth() > 4 * picture.getHeight(),
                "frames side by side: " + picture.getWidth() + "x" + picture.getHeight());
    }

    @Test
    void errorsShowAsPagesAndVideosCanBeSought() {
        Session session = signIn(analyst.email(), TestAccounts.PASSWORD);
        for (String path : new String[] {"/console/folders/not-an-id", "/console/no-such-page"}) {
            HttpResponse<String> page = get(path, session.cookie());
            assertTrue(page.statusCode() == 400 || page.statusCode() == 404, path + ": " + page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), path);
            assertTrue(page.body().contains("id=\"error-message\""), path);
        }

        OzClient.Reply created = client.postFolder(Map.of("video", TestMedia.file("video/selfie-real-3s.mp4")), null);
        String media = "/console/folders/" + created.body().get("folder_id") + "/media/"
                + OzClient.list(created.body().get("media")).getFirst().get("media_id");
        long size = TestMedia.file("video/selfie-real-3s.mp4").toFile().length();
        HttpResponse<String> middle = send(HttpRequest.newBuilder(uri(media))
                .header("Cookie", session.cookie())
                .header("Range", "bytes=100-199")
                .build());
        assertEquals(206, middle.statusCode());
        assertEquals(
                "bytes 100-199/" + size,
                middle.headers().firstValue("Content-Range").orElseThrow());
        assertEquals("100", middle.headers().firstValue("Content-Length").orElseThrow());
        HttpResponse<String> tail = send(HttpRequest.newBuilder(uri(media))
                .header("Cookie", session.cookie())
                .header("Range", "bytes=-10")
                .build());
        assertEquals(
                "bytes %d-%d/%d".formatted(size - 10, size - 1, size),
                tail.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<String> beyond = send(HttpRequest.newBuilder(uri(media))
                .header("Cookie", session.cookie())
                .header("Range", "bytes=" + size + "-")
                .build());
        assertEquals(416, beyond.statusCode());
        HttpResponse<String> whole = get(media, session.cookie());
        assertEquals(200, whole.statusCode());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElseThrow());
    }

    @Test
    void aFolderPageShowsItsFacesRequestContextAndWebhookDeliveries() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            MultipartBody body = MultipartBody.builder()
                    .addPart(
                            "photo1",
                            "a.jpg",
                            io.micronaut.http.MediaType.IMAGE_JPEG_TYPE,
                            TestMedia.file("match/df-a/img1.jpg").toFile())
                    .addPart(
                            "photo2",
                            "b.jpg",
                            io.micronaut.http.MediaType.IMAGE_JPEG_TYPE,
                            TestMedia.file("match/df-a/img2.jpg").toFile())
                    .addPart(
                            "payload",
                            "{\"analyses\": [{\"type\": \"biometry\"}], \"resolution_endpoint\": \"" + receiver.url()
                                    + "\"}")
                    .build();
            OzClient.Reply created = client.send(io.micronaut.http.HttpRequest.POST("/api/folders/", body)
                    .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE)
                    .header(OzClient.TOKEN_HEADER, client.token())
                    .header("X-Session-ID", "session-7")
                    .header("X-Device-Info", "Pixel 8 / Android 15"));
            assertEquals(201, created.status(), created.body().toString());
            String folder = (String) created.body().get("folder_id");
            for (long deadline = System.currentTimeMillis() + 120_000;
                    receiver.calls().isEmpty() && System.currentTimeMillis() < deadline; ) {
                Thread.sleep(100);
            }
            Session session = signIn(analyst.email(), TestAccounts.PASSWORD);
            String page = "";
            for (long deadline = System.currentTimeMillis() + 120_000;
                    !page.contains("DELIVERED") && System.currentTimeMillis() < deadline; ) {
                page = get("/console/folders/" + folder, session.cookie()).body();
            }
            assertTrue(page.contains("session-7") && page.contains("Pixel 8 / Android 15"), "the request context");
            String pair = page.substring(
                    page.indexOf("<div class=\"pair\">"), page.indexOf("</div>", page.indexOf("<div class=\"pair\">")));
            assertEquals(2, pair.split("<img ").length - 1, "BIOMETRY's two faces side by side");
            assertTrue(page.contains("lowest ") && page.contains("highest "), "the similarities");
            assertTrue(
                    page.contains("id=\"deliveries\"") && page.contains(receiver.url()) && page.contains("DELIVERED"),
                    "the webhook delivery");
        }
    }

    @Test
    void theFolderPageOffersTheCompanysTemplatesAndTheReportDownloadsAsPdf() {
        OzClient admin = new OzClient(http);
        OzClient manager = TestAccounts.user(http, admin, company, "manager@console.test", "CLIENT ADMIN");
        Reply template = manager.postFiles("/api/report_templates/", Map.of(), "{\"title\": \"Console template\"}");
        assertEquals(201, template.status(), template.body().toString());
        String templateId = (String) template.body().get("template_id");
        Reply folder = client.post("/api/folders/", Map.of("folder:meta_data", Map.of("case", "console-report")));
        String folderId = (String) folder.body().get("folder_id");

        Session session = signIn(analyst.email(), TestAccounts.PASSWORD);
        String page = get("/console/folders/" + folderId, session.cookie()).body();
        assertTrue(page.contains("id=\"report-link\""), "a report link");
        assertTrue(page.contains("value=\"" + templateId + "\">Console template<"), "the company's template offered");
        HttpResponse<byte[]> pdf = bytes("/console/folders/" + folderId + "/report?template=" + templateId, session);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));

        OzClient stranger = TestAccounts.user(
                http, admin, TestAccounts.company(admin, "Console Outsiders"), "x@outsiders.test", "CLIENT ADMIN");
        Session outside = signIn(stranger.email(), TestAccounts.PASSWORD);
        assertEquals(
                404, bytes("/console/folders/" + folderId + "/report", outside).statusCode());
    }

    @Test
    void onlyACompanysAdministratorsChangeItsTemplatesFromTheConsole() {
        OzClient admin = new OzClient(http);
        OzClient manager = TestAccounts.user(http, admin, company, "templates@console.test", "CLIENT ADMIN");
        Reply template = manager.postFiles("/api/report_templates/", Map.of(), "{\"title\": \"Shared <i>terms</i>\"}");
        String templateId = (String) template.body().get("template_id");

        Session reader = signIn(client.email(), TestAccounts.PASSWORD);
        String page = get("/console/report-templates", reader.cookie()).body();
        assertTrue(page.contains("Shared &lt;i&gt;terms&lt;/i&gt;"), "a CLIENT sees its company's templates, escaped");
        assertFalse(page.contains("id=\"new-template\"") || page.contains("edit-template"), "but no forms");
        assertEquals(
                403,
                multipart("/console/report-templates", reader, Map.of("csrf", reader.csrf(), "title", "Mine"))
                        .statusCode());

        Session owner = signIn(manager.email(), TestAccounts.PASSWORD);
        assertEquals(
                403,
                multipart(
                                "/console/report-templates/" + templateId + "/edit",
                                owner,
                                Map.of("csrf", reader.csrf(), "title", "x"))
                        .statusCode(),
                "another sign-in's token");
        HttpResponse<String> empty = multipart(
                "/console/report-templates/" + templateId + "/edit", owner, Map.of("csrf", owner.csrf(), "title", " "));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("title must be 1 to 200 characters"), "the reason on the error page");
        HttpResponse<String> saved = multipart(
                "/console/report-templates/" + templateId + "/edit",
                owner,
                Map.of("csrf", owner.csrf(), "title", "Shared terms", "section", "media", "language", "en"));
        assertEquals(303, saved.statusCode(), saved.body());
        Map<String, Object> stored =
                manager.get("/api/report_templates/" + templateId + "/").body();
        assertEquals("Shared terms", stored.get("title"));
        assertEquals(List.of("media"), stored.get("sections"));

        Session outsider = signIn(
                TestAccounts.user(
                                http,
                                admin,
                                TestAccounts.company(admin, "Template Outsiders"),
                                "t@outsiders.test",
                                "CLIENT ADMIN")
                        .email(),
                TestAccounts.PASSWORD);
        assertFalse(get("/console/report-templates", outsider.cookie()).body().contains("Shared terms"));
        assertEquals(
                404,
                post(
                                "/console/report-templates/" + templateId + "/remove",
                                outsider.cookie(),
                                Map.of("csrf", outsider.csrf()),
                                Map.of())
                        .statusCode());
    }

    @Test
    void theCapturePagesUploadIsTheSingleRequestUnderTheSignInAndItsCsrfHeader() throws Exception {
        Session session = signIn(client.email(), TestAccounts.PASSWORD);
        String page = get("/console/capture", session.cookie()).body();
        assertTrue(page.contains("data-csrf=\"" + session.csrf() + "\""), "the page carries the sign-in's token");
        assertTrue(page.contains("src=\"/console/assets/capture.js\""));
        String script = get("/console/assets/capture.js", null).body();
        for (String markupSink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")) {
            assertFalse(script.contains(markupSink), "the page sets text, never markup: " + markupSink);
        }

        byte[] photo = Files.readAllBytes(TestMedia.file("match/df-a/img1.jpg"));
        String payload = "{\"media:tags\": {\"photo1\": [\"photo_selfie\"]}, \"analyses\": [{\"type\": \"quality\"}]}";
        HttpResponse<String> unsigned = capture(session, null, payload, photo);
        assertEquals(403, unsigned.statusCode());
        assertTrue(unsigned.body().contains("\"error_code\":\"CSRF_REFUSED\""), unsigned.body());
        HttpResponse<String> badTag =
                capture(session, session.csrf(), payload.replace("photo_selfie", "selfie"), photo);
        assertEquals(400, badTag.statusCode());
        assertTrue(
                badTag.body().contains("\"error_code\":\"UNKNOWN_TAG\""),
                "a JSON refusal, not a page: " + badTag.body());

        HttpResponse<String> made = capture(session, session.csrf(), payload, photo);
        assertEquals(201, made.statusCode(), made.body());
        Map<String, Object> folder = jsonMapper.readValue(made.body(), OzClient.JSON);
        assertEquals("SUCCESS", OzClient.list(folder.get("analyses")).getFirst().get("resolution"));
        assertEquals(200, client.getFolder(folder.get("folder_id")).status(), "the user's own folder, through the API");
    }

    /** The capture page's upload: the single request's multipart body, the CSRF token in its header. */
    private HttpResponse<String> capture(Session session, String csrf, String payload, byte[] photo) {
        String boundary = "----argus" + System.nanoTime();
        byte[] head = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"photo1\"; filename=\"photo.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"payload\"\r\n\r\n" + payload
                        + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/console/capture/folders"))
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(photo),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .header("Cookie", session.cookie());
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return send(request.build());
    }

    /** A multipart form of text fields, as a browser sends one. */
    private HttpResponse<String> multipart(String path, Session session, Map<String, String> fields) {
        String boundary = "----argus" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", session.cookie())
                .build());
    }

    private HttpResponse<byte[]> bytes(String path, Session session) {
        try {
            return web.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Cookie", session.cookie())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signingOutEndsTheSignIn() {
        Session session = signIn(analyst.email(), TestAccounts.PASSWORD);
        HttpResponse<String> out =
                post("/console/sign-out", session.cookie(), Map.of("csrf", session.csrf()), Map.of());
        assertEquals(303, out.statusCode());
        assertEquals(303, get("/console/folders", session.cookie()).statusCode(), "the old cookie no longer signs in");
    }

    private HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    private HttpResponse<String> post(
            String path, String cookie, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return web.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
