package argus.api;

import static argus.OzClient.number;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.EngineSlots;
import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import argus.WebhookReceiver;
import argus.analysis.AnalysisEngine;
import argus.webhook.WebhookSender;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The multi-format deepfake contract through HTTP: the seed's request (x-api-key, a file with file_type, callback_url
 * and external_id) gets its 202, the poll and the signed callback the analysis; every file type; and the documented
 * refusals 400, 401, 413, 415 and 429.
 */
@MicronautTest
@Property(name = "argus.webhooks.allow-private", value = "true")
@Property(name = "micronaut.server.max-request-size", value = "60MB")
@Property(name = "micronaut.server.multipart.max-file-size", value = "60MB")
@Property(name = "argus.jobs.max-backlog", value = "2")
class DeepfakeDetectionTest {
    private static final String ANALYZE = "/v1/deepfake-detection/analyze";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    AnalysisEngine engine;

    private Reply analyze(OzClient oz, String fileName, byte[] content, Map<String, String> fields, String apiKey) {
        MultipartBody.Builder body =
                MultipartBody.builder().addPart("file", fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, content);
        fields.forEach(body::addPart);
        MutableHttpRequest<?> request =
                HttpRequest.POST(ANALYZE, body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return oz.send(request);
    }

    private Map<String, Object> analyzed(OzClient oz, String file, Map<String, String> fields) throws Exception {
        Reply accepted = analyze(
                oz,
                file.substring(file.lastIndexOf('/') + 1),
                Files.readAllBytes(TestMedia.file(file)),
                fields,
                oz.token());
        assertEquals(202, accepted.status(), accepted.body().toString());
        assertEquals("processing", accepted.body().get("status"));
        String id = (String) accepted.body().get("id");
        assertTrue(id.matches("da_[0-9a-f-]{36}"), id);
        Map<String, Object> polled = poll(oz, id);
        assertEquals("completed", polled.get("status"), polled.toString());
        assertEquals(accepted.body().get("file_type"), polled.get("file_type"));
        return polled;
    }

    /** Polls until the analysis has left {@code processing}. */
    private Map<String, Object> poll(OzClient oz, Object id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Reply polled =
                    oz.send(HttpRequest.GET("/v1/deepfake-detection/" + id).header("x-api-key", oz.token()));
            assertEquals(200, polled.status(), polled.body().toString());
            if (!"processing".equals(polled.body().get("status")) || System.currentTimeMillis() > deadline) {
                return polled.body();
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, Object> result(Map<String, Object> analysis) {
        return object(analysis.get("result"));
    }

    @Test
    void theSeedRequestIsAnsweredAndCalledBack() throws Exception {
        OzClient oz = new OzClient(http);
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("file_type", "image");
            fields.put("callback_url", receiver.url());
            fields.put("external_id", "doc-review-789");
            Reply accepted = analyze(
                    oz,
                    "ipl-ffpp-df-519-01.jpg",
                    Files.readAllBytes(TestMedia.file("deepfake/fake/ipl-ffpp-df-519-01.jpg")),
                    fields,
                    oz.token());
            assertEquals(202, accepted.status(), accepted.body().toString());
            assertEquals(
                    Map.of(
                            "status",
                            "processing",
                            "file_name",
                            "ipl-ffpp-df-519-01.jpg",
                            "file_type",
                            "image",
                            "external_id",
                            "doc-review-789",
                            "estimated_completion_seconds",
                            2),
                    Map.of(
                            "status",
                            accepted.body().get("status"),
                            "file_name",
                            accepted.body().get("file_name"),
                            "file_type",
                            accepted.body().get("file_type"),
                            "external_id",
                            accepted.body().get("external_id"),
                            "estimated_completion_seconds",
                            ((Number) accepted.body().get("estimated_completion_seconds")).intValue()));
            assertTrue(((String) accepted.body().get("created_at"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));

            long deadline = System.currentTimeMillis() + 120_000;
            while (receiver.calls().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, receiver.calls().size(), "callbacks");
            WebhookReceiver.Call call = receiver.calls().getFirst();
            String secret = (String)
                    oz.get("/api/companies/" + oz.get("/api/users/me/").body().get("company_id") + "/")
                            .body()
                            .get("webhook_secret");
            assertEquals(
                    "sha256=" + WebhookSender.signature(secret, call.header(WebhookSender.TIMESTAMP), call.body()),
                    call.header(WebhookSender.SIGNATURE));
            Map<String, Object> delivered = json.readValue(call.body(), OzClient.JSON);
            assertEquals(accepted.body().get("id"), delivered.get("id"));
            assertEquals("manipulated", result(delivered).get("verdict"));
        }
    }

    /**
     * Real faces of each verdict, each with its probability on the verdict scale: FaceForensics++ Deepfakes frames are
     * manipulated, a MesoNet test-set swap scores where genuine faces of ordinary cameras also reach (inconclusive, no
     * confidence), genuine faces are authentic.
     */
    @Test
    void forgedFacesAreManipulatedOrInconclusiveAndGenuineOnesAuthentic() throws Exception {
        OzClient oz = new OzClient(http);
        for (String fake :
                new String[] {"deepfake/fake/ipl-ffpp-df-519-01.jpg", "deepfake/fake/ipl-ffpp-df-519-02.jpg"}) {
            Map<String, Object> analysis = analyzed(oz, fake, Map.of());
            assertEquals("image", analysis.get("file_type"));
            Map<String, Object> result = result(analysis);
            assertEquals("manipulated", result.get("verdict"), fake + ": " + analysis);
            assertTrue(number(result.get("deepfake_probability")) >= 0.5, result.toString());
            assertEquals(number(result.get("deepfake_probability")), number(result.get("confidence")), 1e-9);
        }
        Map<String, Object> doubtful = result(analyzed(oz, "deepfake/fake/df00204.jpg", Map.of()));
        assertEquals("inconclusive", doubtful.get("verdict"), doubtful.toString());
        assertNull(doubtful.get("confidence"));
        double probability = number(doubtful.get("deepfake_probability"));
        assertTrue(probability >= 0.3 && probability < 0.5, doubtful.toString());
        for (String real : new String[] {"deepfake/real/real00240.jpg", "deepfake/real/real00772.jpg"}) {
            Map<String, Object> result = result(analyzed(oz, real, Map.of()));
            assertEquals("authentic", result.get("verdict"), real + ": " + result);
            assertTrue(
                    number(result.get("deepfake_probability")) < 0.3 && number(result.get("confidence")) > 0.7,
                    result.toString());
        }
    }

    @Test
    void videosAudioAndDocumentsAreAnalysedAsThemselves() throws Exception {
        OzClient oz = new OzClient(http);
        Map<String, Object> replay = analyzed(oz, "video/replay-phone.mp4", Map.of());
        assertEquals("video", replay.get("file_type"));
        assertEquals("manipulated", result(replay).get("verdict"));
        Map<String, Object> selfie = analyzed(oz, "video/selfie-real-3s.mp4", Map.of());
        assertEquals("authentic", result(selfie).get("verdict"), selfie.toString());

        Map<String, Object> tts = analyzed(oz, "audio/spoof/tts-espeak-us.wav", Map.of());
        assertEquals("audio", tts.get("file_type"));
        assertEquals("manipulated", result(tts).get("verdict"));
        assertEquals(
                "authentic",
                result(analyzed(oz, "audio/bonafide/alsa-voices.wav", Map.of())).get("verdict"));
        Map<String, Object> shortClip = result(analyzed(oz, "audio/bonafide/front-center-short.wav", Map.of()));
        assertEquals("inconclusive", shortClip.get("verdict"));
        assertNull(shortClip.get("deepfake_probability"));

        Reply pdf = analyze(
                oz,
                "passport_scan.pdf",
                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII),
                Map.of("file_type", "document"),
                oz.token());
        assertEquals(202, pdf.status(), pdf.body().toString());
        assertEquals("document", pdf.body().get("file_type"));
        Map<String, Object> document = result(poll(oz, pdf.body().get("id")));
        assertEquals("unsupported", document.get("verdict"));
        assertNull(document.get("deepfake_probability"));
        assertNull(document.get("confidence"));
    }

    @Test
    void documentedRefusals() throws Exception {
        OzClient oz = new OzClient(http);
        byte[] photo = Files.readAllBytes(TestMedia.file("deepfake/real/real00240.jpg"));
        assertRefused(analyze(oz, "a.jpg", photo, Map.of(), null), 401, "UNAUTHORIZED");
        assertRefused(analyze(oz, "a.jpg", photo, Map.of(), "not-a-key"), 401, "UNAUTHORIZED");
        assertRefused(
                oz.send(HttpRequest.POST(
                                ANALYZE,
                                MultipartBody.builder()
                                        .addPart("external_id", "x")
                                        .build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                        .header("x-api-key", oz.token())),
                400,
                "MISSING_FILE");
        assertRefused(
                analyze(oz, "a.jpg", photo, Map.of("file_type", "hologram"), oz.token()), 400, "INVALID_FILE_TYPE");
        assertRefused(
                analyze(oz, "a.jpg", photo, Map.of("callback_url", "file:///etc/passwd"), oz.token()),
                400,
                "INVALID_PAYLOAD");
        assertRefused(
                analyze(oz, "a.jpg", photo, Map.of("callback_url", "not a url"), oz.token()), 400, "INVALID_PAYLOAD");
        assertRefused(
                analyze(oz, "notes.txt", "plain words".getBytes(StandardCharsets.UTF_8), Map.of(), oz.token()),
                415,
                "UNSUPPORTED_FILE_TYPE");
        assertRefused(
                analyze(oz, "a.jpg", photo, Map.of("file_type", "audio"), oz.token()), 415, "UNSUPPORTED_FILE_TYPE");
        assertRefused(
                analyze(oz, "big.mp4", new byte[51 * 1024 * 1024], Map.of(), oz.token()), 413, "PAYLOAD_TOO_LARGE");
        List<Reply> queued = new ArrayList<>();
        try (EngineSlots ignored = new EngineSlots(engine)) {
            queued.add(analyze(oz, "a.jpg", photo, Map.of(), oz.token()));
            queued.add(analyze(oz, "a.jpg", photo, Map.of(), oz.token()));
            Reply busy = analyze(oz, "a.jpg", photo, Map.of(), oz.token());
            assertRefused(busy, 429, "TOO_MANY_REQUESTS");
            assertEquals("2", busy.response().getHeaders().get("Retry-After"));
        }
        for (Reply accepted : queued) {
            assertEquals(202, accepted.status());
            assertEquals("completed", poll(oz, accepted.body().get("id")).get("status"));
        }
        assertRefused(
                oz.send(HttpRequest.GET("/v1/deepfake-detection/da_00000000-0000-0000-0000-000000000000")
                        .header("x-api-key", oz.token())),
                404,
                "ANALYSIS_NOT_FOUND");
    }

    private static void assertRefused(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), String.valueOf(reply.body()));
        assertEquals(code, reply.errorCode(), String.valueOf(reply.body()));
    }
}
