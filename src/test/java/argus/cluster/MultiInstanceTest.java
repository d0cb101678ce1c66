package argus.cluster;

import static argus.OzClient.list;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.ServerProcess;
import argus.TestMedia;
import argus.WebhookReceiver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Argus processes behind no balancer at all, sharing one PostgreSQL database and one S3-compatible bucket: what
 * one instance accepted, the other serves, and work left by an instance killed mid-job is finished by the other.
 * Both start at once on the empty database (migrations and the first administrator race).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest {
    private static final String PHOTO = "match/df-a/img1.jpg";
    private static final String SAME_PERSON = "match/df-a/img2.jpg";
    private static final String VIDEO = "video/selfie-real-portrait.mp4";

    @TempDir
    static Path work;

    private ClusterServices services;
    private String database;
    private ServerProcess a;
    private ServerProcess b;
    private HttpClient httpA;
    private HttpClient httpB;
    private OzClient ozA;
    private OzClient ozB;

    @BeforeAll
    void startTwoInstances() throws Exception {
        services = ClusterServices.get();
        database = services.newDatabase();
        Map<String, String> environment = new HashMap<>(services.argusEnvironment(database));
        environment.putAll(Map.of(
                "ARGUS_ADMIN_EMAIL",
                OzClient.ADMIN_EMAIL,
                "ARGUS_ADMIN_PASSWORD",
                OzClient.ADMIN_PASSWORD,
                "ARGUS_ANALYSIS_THREADS",
                "1",
                "ARGUS_JOB_LEASE",
                "4s",
                "ARGUS_WEBHOOKS_ALLOW_PRIVATE",
                "true",
                "ARGUS_WEBHOOKS_POLL",
                "100ms"));
        int portA = ServerProcess.freePort();
        int portB = ServerProcess.freePort();
        CompletableFuture<ServerProcess> startingA = start(portA, environment, "a");
        CompletableFuture<ServerProcess> startingB = start(portB, environment, "b");
        a = startingA.join();
        b = startingB.join();
        httpA = HttpClient.create(URI.create("http://localhost:" + portA).toURL());
        httpB = HttpClient.create(URI.create("http://localhost:" + portB).toURL());
        ozA = new OzClient(httpA);
        ozB = new OzClient(httpB);
    }

    private CompletableFuture<ServerProcess> start(int port, Map<String, String> environment, String name) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ServerProcess.start(work.resolve(name), port, environment, work.resolve(name + ".log"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {httpA, httpB, a, b}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // already gone
            }
        }
    }

    @Test
    @Order(1)
    void bothStartedOnTheEmptyDatabaseWithOneAdministrator() throws Exception {
        assertEquals(1, count("SELECT count(*) FROM app_user"));
        assertEquals(1, count("SELECT count(*) FROM company"));
        assertEquals(ozA.userId(), ozB.userId());
    }

    @Test
    @Order(2)
    void aFolderCreatedThroughOneIsReadAndDownloadedThroughTheOther() throws Exception {
        Reply created =
                ozA.postFolder(Map.of("photo1", TestMedia.file(PHOTO)), "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, created.status(), created.body().toString());
        String folderId = (String) created.body().get("folder_id");

        Reply read = ozB.getFolder(folderId);
        assertEquals(200, read.status());
        assertEquals(created.body().get("system_resolution"), read.body().get("system_resolution"));
        Map<String, Object> media = list(read.body().get("media")).getFirst();
        assertArrayEquals(
                Files.readAllBytes(TestMedia.file(PHOTO)),
                ozB.download((String) media.get("original_url"), ozB.token()).body());
        assertEquals(
                200,
                ozB.download((String) media.get("thumb_url"), ozB.token())
                        .status()
                        .getCode());
    }

    @Test
    @Order(2)
    void aReportTemplateMadeThroughOneLaysOutAReportThroughTheOther() throws Exception {
        Reply template = ozA.postFiles(
                "/api/report_templates/",
                Map.of("logo", TestMedia.file("liveness/real/ac-real-crop-01.png")),
                "{\"title\": \"Cluster evidence\", \"sections\": [\"media\"], \"legal_text\": \"Kept on S3.\"}");
        assertEquals(201, template.status(), template.body().toString());
        Reply created =
                ozA.postFolder(Map.of("photo1", TestMedia.file(PHOTO)), "{\"analyses\": [{\"type\": \"quality\"}]}");
        String folderId = (String) created.body().get("folder_id");

        var report = ozB.download(
                "/api/folders/" + folderId + "/report/?template_id="
                        + template.body().get("template_id"),
                ozB.token());
        assertEquals(200, report.code());
        try (var document = org.apache.pdfbox.Loader.loadPDF(report.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Cluster evidence") && text.contains("Kept on S3."), text);
        }
        String templatePath = "/api/report_templates/" + template.body().get("template_id") + "/";
        Reply changed = ozB.patch(templatePath, Map.of("sections", List.of("media", "analyses"), "remove_logo", true));
        assertEquals(200, changed.status(), changed.body().toString());
        Map<String, Object> readBack = ozA.get(templatePath).body();
        assertEquals(List.of("media", "analyses"), readBack.get("sections"), "changed through B, read through A");
        assertEquals(null, readBack.get("logo_url"));
        assertEquals(404, ozA.get(templatePath + "logo").status(), "the logo is gone from the shared store");
        Map<String, Object> total =
                OzClient.object(ozB.get("/api/statistics/?group_by=week").body().get("total"));
        assertTrue(OzClient.object(total.get("folders")).size() >= 1, total.toString());
        assertTrue(OzClient.object(total.get("analyses")).containsKey("QUALITY"), total.toString());
    }

    @Test
    @Order(2)
    void jsonColumnsKeepTheirTypesOnPostgresqlAndMetadataIsSearchable() throws Exception {
        Reply created = ozA.postFolder(Map.of("photo1", TestMedia.file(PHOTO)), """
                {"folder:meta_data": {"branch": "north_1", "amount": 250, "vip": true, "nested": {"a": [1, 2]}},
                 "media:tags": {"photo1": ["photo_selfie"]},
                 "analyses": [{"type": "quality", "params": {"threshold_spoofing": 0.6}}]}""");
        assertEquals(201, created.status(), created.body().toString());
        String folderId = (String) created.body().get("folder_id");

        Map<String, Object> read = ozB.getFolder(folderId).body();
        assertEquals(
                Map.of("branch", "north_1", "amount", 250, "vip", true, "nested", Map.of("a", List.of(1, 2))),
                read.get("meta_data"));
        Map<String, Object> media = list(read.get("media")).getFirst();
        assertEquals(List.of("photo_selfie"), media.get("tags"));
        Map<String, Object> analysis = list(read.get("analyses")).getFirst();
        assertEquals(
                List.of(media.get("media_id")),
                list(analysis.get("source_media")).stream()
                        .map(m -> m.get("media_id"))
                        .toList());
        assertEquals(1, list(analysis.get("results_media")).size());
        assertEquals(
                "{\"branch\":\"north_1\",\"amount\":250,\"vip\":true,\"nested\":{\"a\":[1,2]}}",
                text("select meta_data from folder where id = '" + folderId + "'"),
                "kept as compact JSON text");

        assertEquals(
                1,
                ozB.get("/api/folders/?meta_data.branch=north_1&folder_id=" + folderId)
                        .total());
        assertEquals(
                1,
                ozB.get("/api/folders/?meta_data.amount=250&folder_id=" + folderId)
                        .total());
        assertEquals(
                0,
                ozB.get("/api/folders/?meta_data.branch=north&folder_id=" + folderId)
                        .total());
        assertEquals(
                0,
                ozB.get("/api/folders/?meta_data.branch=north%25&folder_id=" + folderId)
                        .total());
    }

    @Test
    @Order(3)
    void aPersonEnrolledThroughOneIsFoundThroughTheOtherAtOnce() {
        Reply collection = ozA.post("/api/collections/", Map.of("alias", "shared blacklist"));
        assertEquals(201, collection.status(), collection.body().toString());
        String collectionId = (String) collection.body().get("collection_id");
        Reply firstSearch = ozB.postFolder(
                Map.of("photo1", TestMedia.file(SAME_PERSON)), "{\"analyses\": [{\"type\": \"blacklist\"}]}");
        assertEquals(
                "SUCCESS", OzClient.firstAnalysis(firstSearch).get("resolution"), "B has loaded the empty gallery");

        Reply enrolled = ozA.postFiles(
                "/api/collections/" + collectionId + "/persons/", Map.of("photo1", TestMedia.file(PHOTO)), "{}");
        assertEquals(201, enrolled.status(), enrolled.body().toString());
        long enrolledAt = System.nanoTime();
        Reply search = ozB.postFolder(
                Map.of("photo1", TestMedia.file(SAME_PERSON)), "{\"analyses\": [{\"type\": \"blacklist\"}]}");
        long seconds = (System.nanoTime() - enrolledAt) / 1_000_000_000L;

        assertEquals(
                "DECLINED",
                OzClient.firstAnalysis(search).get("resolution"),
                search.body().toString());
        Map<String, Object> best = list(object(OzClient.firstResult(search).get("results_data"))
                        .get("matches"))
                .getFirst();
        assertEquals(enrolled.body().get("person_id"), best.get("person_id"));
        assertTrue(seconds < 2, "found within 2 s of the enrolment");
    }

    @Test
    @Order(4)
    void anIdempotentCreateRetriedThroughTheOtherReturnsTheFirstFolder() {
        String key = "retry-" + System.nanoTime();
        Reply first = ozA.send(folderRequest(key));
        assertEquals(201, first.status(), first.body().toString());
        Reply retried = ozB.send(folderRequest(key));
        assertEquals(201, retried.status(), retried.body().toString());
        assertEquals("true", retried.response().header("Idempotent-Replayed"));
        assertEquals(first.body().get("folder_id"), retried.body().get("folder_id"));
    }

    private io.micronaut.http.MutableHttpRequest<?> folderRequest(String key) {
        MultipartBody body = MultipartBody.builder()
                .addPart(
                        "photo1",
                        "selfie.jpg",
                        MediaType.IMAGE_JPEG_TYPE,
                        TestMedia.file(PHOTO).toFile())
                .addPart("payload", "{}")
                .build();
        return HttpRequest.POST("/api/folders/", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header(OzClient.TOKEN_HEADER, ozA.token())
                .header("Idempotency-Key", key);
    }

    @Test
    @Order(5)
    void aTokenRevokedThroughOneIsRefusedByTheOther() {
        OzClient session = new OzClient(httpA);
        String token = session.token();
        assertEquals(
                200,
                ozB.send(HttpRequest.GET("/api/users/me/").header(OzClient.TOKEN_HEADER, token))
                        .status());
        assertEquals(
                204,
                session.send(HttpRequest.POST("/api/authorize/logout", "{}").header(OzClient.TOKEN_HEADER, token))
                        .status());
        assertEquals(
                401,
                ozB.send(HttpRequest.GET("/api/users/me/").header(OzClient.TOKEN_HEADER, token))
                        .status());
    }

    @Test
    @Order(6)
    void eachWebhookIsDeliveredOnceThoughBothInstancesSend() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            List<String> folders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Reply folder = ozA.postFolder(
                        Map.of("photo1", TestMedia.file(PHOTO)),
                        "{\"resolution_endpoint\": \"" + receiver.url() + "\"}");
                String id = (String) folder.body().get("folder_id");
                folders.add(id);
                OzClient starter = i % 2 == 0 ? ozA : ozB;
                assertEquals(
                        201,
                        starter.post("/api/folders/" + id + "/analyses/", "{\"analyses\": [{\"type\": \"quality\"}]}")
                                .status());
            }
            awaitCount(folders.size(), "SELECT count(*) FROM webhook_delivery WHERE state = 'DELIVERED'");
            Thread.sleep(2_000);
            Map<String, Long> deliveries = receiver.calls().stream()
                    .map(call -> (String) readJson(call.body()).get("folder_id"))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(folders.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)), deliveries);
        }
    }

    @Test
    @Order(7)
    void analysesQueuedThroughOneAreFinishedByTheOtherAfterAKill() throws Exception {
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Reply folder = ozA.postFolder(Map.of("video1", TestMedia.file(VIDEO)), "{}");
            assertEquals(201, folder.status(), folder.body().toString());
            folders.add((String) folder.body().get("folder_id"));
        }
        List<String> analyses = new ArrayList<>();
        for (String folderId : folders) {
            Reply started = ozA.post(
                    "/api/folders/" + folderId + "/analyses/",
                    "{\"analyses\": [{\"type\": \"quality\"}, {\"type\": \"biometry\"}]}");
            assertEquals(201, started.status(), started.body().toString());
            list(started.body().get("items")).forEach(analysis -> analyses.add((String) analysis.get("analysis_id")));
        }
        Matcher owner = Pattern.compile("job worker (\\S+) started").matcher(Files.readString(work.resolve("a.log")));
        assertTrue(owner.find(), "A names its job worker in its log");
        awaitCount(
                1,
                "SELECT count(*) FROM analysis_job WHERE state = 'RUNNING' AND lease_owner = '" + owner.group(1) + "'");
        a.kill();

        long deadline = System.currentTimeMillis() + 120_000;
        while (count("SELECT count(*) FROM analysis WHERE state = 'PROCESSING'") > 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(0, count("SELECT count(*) FROM analysis WHERE state = 'PROCESSING'"), "analyses left PROCESSING");
        assertEquals(0, count("SELECT count(*) FROM analysis_job WHERE state <> 'DONE'"), "jobs left unfinished");
        for (String id : analyses) {
            Reply analysis = ozB.get("/api/analyses/" + id + "/");
            assertNotEquals("PROCESSING", analysis.body().get("state"));
            assertEquals(
                    "FINISHED", analysis.body().get("state"), analysis.body().toString());
        }
        assertTrue(Files.readString(work.resolve("b.log")).contains("resuming job"), "B took over a job A was running");
    }

    private static Map<String, Object> readJson(String body) {
        try {
            return ObjectMapper.getDefault().readValue(body, OzClient.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = services.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = services.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void awaitCount(long expected, String sql) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (count(sql) < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(count(sql) >= expected, sql + " reached " + expected);
    }
}
