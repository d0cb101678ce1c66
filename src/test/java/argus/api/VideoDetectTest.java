package argus.api;

import static argus.OzClient.number;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import argus.TestVideos;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The video-detect contract through HTTP: tenants and scoped keys set up by an administrator, the seed's submit and
 * poll (file upload and video_url), idempotent retries, credits, metadata schema, and every documented error code.
 */
@MicronautTest
@Property(name = "argus.webhooks.allow-private", value = "true")
class VideoDetectTest {
    private static final Map<String, Object> SCHEMA = Map.of(
            "type",
            "object",
            "properties",
            Map.of(
                    "session_type",
                    Map.of("type", "string", "enum", List.of("onboarding", "reauth")),
                    "channel",
                    Map.of("type", "string", "maxLength", 32)),
            "required",
            List.of("session_type"),
            "additionalProperties",
            false);
    private static final String METADATA = "{\"session_type\":\"onboarding\",\"channel\":\"mobile\"}";

    @Inject
    @Client("/")
    HttpClient http;

    OzClient admin;
    String slug;
    String writeKey;
    String readOnlyKey;
    String otherSlug;
    String otherKey;

    @BeforeEach
    void tenants() {
        admin = new OzClient(http);
        slug = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String acme = tenant(slug, 10, SCHEMA);
        writeKey = key(acme, List.of("detection:write", "detection:read"));
        readOnlyKey = key(acme, List.of("detection:read"));
        otherSlug = "globex-" + UUID.randomUUID().toString().substring(0, 8);
        otherKey = key(tenant(otherSlug, 0, null), List.of("detection:write", "detection:read"));
    }

    private String tenant(String tenantSlug, long credits, Map<String, Object> schema) {
        String company = (String)
                admin.post("/api/companies/", Map.of("name", tenantSlug)).body().get("company_id");
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("tenant_slug", tenantSlug, "credits", credits));
        if (schema != null) {
            settings.put("metadata_schema", schema);
        }
        Reply configured = admin.send(HttpRequest.PUT("/api/companies/" + company + "/video-tenant/", settings)
                .header(OzClient.TOKEN_HEADER, admin.token()));
        assertEquals(200, configured.status(), configured.body().toString());
        return company;
    }

    private String key(String company, List<String> scopes) {
        Reply issued = admin.post("/api/companies/" + company + "/api-keys/", Map.of("scopes", scopes));
        assertEquals(201, issued.status(), issued.body().toString());
        String key = (String) issued.body().get("api_key");
        assertTrue(key.startsWith("sk-"));
        return key;
    }

    private Reply submit(
            String tenantSlug,
            String apiKey,
            Map<String, String> fields,
            String fileName,
            byte[] video,
            String idempotencyKey) {
        MultipartBody.Builder body = MultipartBody.builder();
        if (video != null) {
            body.addPart("video_file", fileName, MediaType.of("video/mp4"), video);
        }
        fields.forEach(body::addPart);
        MutableHttpRequest<?> request = HttpRequest.POST("/api/v1/" + tenantSlug + "/video/detect", body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return admin.send(request);
    }

    /** Polls, as the seed advises, until the submission is completed or failed. */
    private Map<String, Object> poll(String tenantSlug, String apiKey, Object submissionId)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Reply polled = admin.send(HttpRequest.GET("/api/v1/" + tenantSlug + "/video/detect/" + submissionId)
                    .header("X-API-Key", apiKey));
            assertEquals(200, polled.status(), polled.body().toString());
            assertEquals(true, polled.body().get("success"));
            Map<String, Object> data = object(polled.body().get("data"));
            assertTrue(
                    Set.of("pending", "processing", "completed", "failed").contains(data.get("status")),
                    data.toString());
            if (Set.of("completed", "failed").contains(data.get("status")) || System.currentTimeMillis() > deadline) {
                return data;
            }
            Thread.sleep(100);
        }
    }

    private static byte[] video(String file) throws Exception {
        return Files.readAllBytes(TestMedia.file(file));
    }

    @Test
    void theSeedSubmitAndPollWithAnIdempotentRetry() throws Exception {
        byte[] selfie = video("video/selfie-real-3s.mp4");
        Map<String, String> fields = Map.of("model", "mixed-30-v2", "metadata", METADATA);
        Reply submitted = submit(slug, writeKey, fields, "selfie-video.mp4", selfie, "onboarding-42-attempt-1");
        assertEquals(201, submitted.status(), submitted.body().toString());
        assertEquals(true, submitted.body().get("success"));
        assertEquals("OK", submitted.body().get("message"));
        Map<String, Object> data = object(submitted.body().get("data"));
        UUID id = UUID.fromString((String) data.get("submission_id"));
        assertEquals(slug, data.get("tenant"));
        assertEquals("pending", data.get("status"));
        assertEquals("mixed-30-v2", data.get("model"));
        assertEquals("Video submitted for processing. Poll the status endpoint for results.", data.get("message"));
        assertEquals(Map.of("session_type", "onboarding", "channel", "mobile"), data.get("tenant_metadata"));
        assertTrue(((String) data.get("created_at")).endsWith("Z"));

        Map<String, Object> status = poll(slug, writeKey, id);
        assertEquals("completed", status.get("status"));
        assertEquals("Processing complete.", status.get("message"));
        assertNull(status.get("error"));
        assertNotNull(status.get("completed_at"));
        Map<String, Object> result = object(status.get("result"));
        assertEquals("live", result.get("verdict"), result.toString());
        assertTrue(number(result.get("real_score")) >= 0.5);
        assertEquals(number(result.get("real_score")) * 100, number(result.get("score")), 0.1);
        assertTrue(Set.of("VERY LOW", "LOW", "MEDIUM", "HIGH", "VERY HIGH").contains(result.get("type")));
        assertEquals(id.toString(), result.get("session_id"));
        assertEquals("mixed-30-v2", result.get("model"));
        assertEquals("video_upload", result.get("input_source"));
        assertTrue(number(result.get("processing_ms")) > 0);
        assertEquals(
                30,
                number(result.get("frames_processed")),
                "mixed-30-v2 scores 30 frames, as its name and the seed say");
        assertEquals(Map.of("session_type", "onboarding", "channel", "mobile"), result.get("tenant_metadata"));
        assertTrue(result.containsKey("warning") && result.get("warning") == null);

        Reply retried = submit(slug, writeKey, fields, "selfie-video.mp4", selfie, "onboarding-42-attempt-1");
        assertEquals(201, retried.status());
        assertEquals(id.toString(), object(retried.body().get("data")).get("submission_id"));
        // 10 credits, 3 spent on the mixed-30 submission and none on its retry: two more mixed-30 fit (1 left), a third
        // does not, a mixed-10 (1 credit) still does.
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    201,
                    submit(slug, writeKey, Map.of("model", "mixed-30-v2"), "v.mp4", selfie, null)
                            .status());
        }
        assertEnvelopedError(
                submit(slug, writeKey, Map.of("model", "mixed-30-v2"), "v.mp4", selfie, null),
                402,
                "insufficient_credits");
        assertEquals(
                201,
                submit(slug, writeKey, Map.of("model", "mixed-10-v2"), "v.mp4", selfie, null)
                        .status());
    }

    @Test
    void aReplayIsFakeAndAVideoUrlIsFetched() throws Exception {
        byte[] replay = video("video/replay-phone.mp4");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/replay.mp4", exchange -> {
            exchange.sendResponseHeaders(200, replay.length);
            exchange.getResponseBody().write(replay);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/replay.mp4";
            Reply submitted = submit(slug, writeKey, Map.of("video_url", url), null, null, null);
            assertEquals(201, submitted.status(), submitted.body().toString());
            Map<String, Object> result = object(
                    poll(slug, readOnlyKey, object(submitted.body().get("data")).get("submission_id"))
                            .get("result"));
            assertEquals("fake", result.get("verdict"), result.toString());
            assertEquals("video_url", result.get("input_source"));
            assertEquals("mixed-10-v2", result.get("model"));
            assertEquals(10, number(result.get("frames_processed")), "mixed-10-v2 scores 10 frames");
            assertEnvelopedError(
                    submit(slug, writeKey, Map.of("video_url", url.replace("replay", "missing")), null, null, null),
                    400,
                    "invalid_video_input");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aScreenHeldUpBesideALiveFaceIsFakeWithTheReason(@TempDir Path temp) throws Exception {
        Path beside = TestVideos.sideBySide(
                TestMedia.file("video/ls-real-01.mp4"),
                TestMedia.file("video/ls-replay-01.mp4"),
                temp.resolve("beside.mp4"));
        Reply submitted =
                submit(slug, writeKey, Map.of("metadata", METADATA), "beside.mp4", Files.readAllBytes(beside), null);
        assertEquals(201, submitted.status(), submitted.body().toString());
        Map<String, Object> status =
                poll(slug, writeKey, object(submitted.body().get("data")).get("submission_id"));
        assertEquals("completed", status.get("status"), status.toString());
        Map<String, Object> result = object(status.get("result"));
        assertEquals("fake", result.get("verdict"), result.toString());
        assertTrue(((String) result.get("warning")).contains("beside a live face"), result.toString());
        assertEquals(10, number(result.get("frames_processed")), result.toString());
    }

    /**
     * {@code mixed-30-v2} samples exactly 30 frames of any clip that has 30, whatever its frames show (faces turned
     * away, B-frames), on a real selfie and on a replay.
     */
    @ParameterizedTest
    @ValueSource(strings = {"video/sv-real-02.mp4", "video/td-replay-01.mp4", "video/replay-monitor.mp4"})
    void theModelsFramesAreCountedAsItsNameSays(String clip) throws Exception {
        Reply submitted = submit(slug, writeKey, Map.of("model", "mixed-30-v2"), "clip.mp4", video(clip), null);
        assertEquals(201, submitted.status(), submitted.body().toString());
        Map<String, Object> status =
                poll(slug, writeKey, object(submitted.body().get("data")).get("submission_id"));
        assertEquals("completed", status.get("status"), status.toString());
        assertEquals(30, number(object(status.get("result")).get("frames_processed")), status.toString());
    }

    @Test
    void everyDocumentedError() throws Exception {
        byte[] selfie = video("video/selfie-real-3s.mp4");
        assertEnvelopedError(submit(slug, null, Map.of(), "v.mp4", selfie, null), 401, "invalid_key");
        assertEnvelopedError(submit(slug, "sk-not-a-key", Map.of(), "v.mp4", selfie, null), 401, "invalid_key");
        assertEnvelopedError(submit(otherSlug, writeKey, Map.of(), "v.mp4", selfie, null), 403, "tenant_mismatch");
        assertEnvelopedError(submit(slug, readOnlyKey, Map.of(), "v.mp4", selfie, null), 403, "insufficient_scope");
        assertEnvelopedError(
                submit("no-such-tenant", writeKey, Map.of(), "v.mp4", selfie, null), 404, "tenant_not_found");
        Reply unknown = admin.send(HttpRequest.GET("/api/v1/" + slug + "/video/detect/" + UUID.randomUUID())
                .header("X-API-Key", writeKey));
        assertEnvelopedError(unknown, 404, "submission_not_found");
        assertEnvelopedError(
                submit(slug, writeKey, Map.of("model", "mixed-10-v2"), null, null, null), 400, "invalid_video_input");
        assertEnvelopedError(
                submit(slug, writeKey, Map.of("video_url", "http://127.0.0.1:9/v.mp4"), "v.mp4", selfie, null),
                400,
                "invalid_video_input");
        assertEnvelopedError(submit(slug, writeKey, Map.of(), "notes.txt", selfie, null), 400, "invalid_video_input");
        assertEnvelopedError(
                submit(slug, writeKey, Map.of("model", "mixed-99-v9"), "v.mp4", selfie, null),
                400,
                "invalid_video_input");
        assertEnvelopedError(
                submit(slug, writeKey, Map.of(), "v.mp4", "not a video".getBytes(), null), 400, "invalid_video_input");
        assertEnvelopedError(
                submit(slug, writeKey, Map.of("metadata", "{not json"), "v.mp4", selfie, null),
                400,
                "invalid_metadata");
        assertEnvelopedError(
                submit(slug, writeKey, Map.of("metadata", "{\"session_type\":\"party\"}"), "v.mp4", selfie, null),
                400,
                "invalid_metadata");
        assertEnvelopedError(
                submit(slug, writeKey, Map.of("metadata", "{\"channel\":\"web\"}"), "v.mp4", selfie, null),
                400,
                "invalid_metadata");
        assertEnvelopedError(submit(otherSlug, otherKey, Map.of(), "v.mp4", selfie, null), 402, "insufficient_credits");
    }

    private static void assertEnvelopedError(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), String.valueOf(reply.body()));
        assertEquals(false, reply.body().get("success"), reply.body().toString());
        assertEquals(code, reply.body().get("error"), reply.body().toString());
        assertTrue(reply.body().containsKey("data") && reply.body().get("data") == null);
        assertNotNull(reply.body().get("message"));
    }
}
