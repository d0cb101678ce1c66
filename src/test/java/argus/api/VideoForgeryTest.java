package argus.api;

import static argus.OzClient.number;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestJwts;
import argus.TestMedia;
import argus.forgery.ForgeryTask;
import argus.forgery.ForgeryTaskRepository;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The anti-video-forgery contract through HTTP: the seed's request (a JWT, the optional context headers, a video file)
 * gets its 202 envelope, the status endpoint the prediction; and the documented refusals 400, 401 and 413.
 */
@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "4MB")
@Property(name = "micronaut.server.multipart.max-file-size", value = "4MB")
class VideoForgeryTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ForgeryTaskRepository tasks;

    private static String validJwt() throws Exception {
        return TestJwts.hs256(OzClient.ADMIN_EMAIL, Instant.now().getEpochSecond() + 600, TestJwts.SECRET);
    }

    private Reply infer(OzClient oz, String fileName, byte[] video, String jwt) {
        MultipartBody body = MultipartBody.builder()
                .addPart("file", fileName, MediaType.of("video/mp4"), video)
                .build();
        MutableHttpRequest<?> request = HttpRequest.POST("/api-gateway/avf/infer", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .accept(MediaType.APPLICATION_JSON_TYPE);
        if (jwt != null) {
            request.bearerAuth(jwt);
        }
        return oz.send(request.header("X-Device-Info", "{\"os\":\"Android 15\",\"model\":\"Pixel 9\"}")
                .header("X-Geo-Location", "{\"lat\":52.52,\"lon\":13.40}")
                .header("X-Session-ID", "session-42"));
    }

    /** Polls the status endpoint until the check has run. */
    private Map<String, Object> status(OzClient oz, Reply accepted) throws Exception {
        String id = (String)
                object(object(accepted.body().get("data")).get("metadata")).get("request_id");
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Reply status =
                    oz.send(HttpRequest.GET("/api-gateway/avf/status/" + id).bearerAuth(validJwt()));
            assertEquals(200, status.status(), status.body().toString());
            if (!"Inference in progress".equals(status.body().get("message"))
                    || System.currentTimeMillis() > deadline) {
                assertEquals(
                        "Inference completed",
                        status.body().get("message"),
                        status.body().toString());
                return object(status.body().get("data"));
            }
            Thread.sleep(100);
        }
    }

    @Test
    void theSeedRequestIsAcceptedAndAGenuineSelfiePredictedReal() throws Exception {
        OzClient oz = new OzClient(http);
        Reply accepted =
                infer(oz, "video.mp4", Files.readAllBytes(TestMedia.file("video/selfie-real-3s.mp4")), validJwt());
        assertEquals(202, accepted.status(), accepted.body().toString());
        assertEquals("Inference request accepted", accepted.body().get("message"));
        Map<String, Object> data = object(accepted.body().get("data"));
        assertEquals(true, data.get("success"));
        assertEquals("Accepted for processing", data.get("message"));
        assertTrue(data.containsKey("prediction") && data.get("prediction") == null);
        assertTrue(data.containsKey("confidence") && data.get("confidence") == null);
        assertTrue(data.containsKey("score") && data.get("score") == null);
        Map<String, Object> metadata = object(data.get("metadata"));
        UUID id = UUID.fromString((String) metadata.get("request_id"));
        assertEquals("video.mp4", metadata.get("source_filename"));
        assertTrue(Math.abs(number(metadata.get("received_at")) - Instant.now().getEpochSecond()) < 60);

        Map<String, Object> result = status(oz, accepted);
        assertEquals("real", result.get("prediction"), result.toString());
        assertTrue(number(result.get("score")) < 0.5 && number(result.get("confidence")) > 0.5, result.toString());
        ForgeryTask stored = tasks.findById(id).orElseThrow();
        assertEquals("session-42", stored.sessionId());
        assertEquals("{\"os\":\"Android 15\",\"model\":\"Pixel 9\"}", stored.deviceInfo());
        assertEquals("{\"lat\":52.52,\"lon\":13.40}", stored.geoLocation());
    }

    @Test
    void replayedVideosArePredictedFake() throws Exception {
        OzClient oz = new OzClient(http);
        for (String video : List.of("video/replay-monitor.mp4", "video/replay-phone.mp4")) {
            Reply accepted = infer(oz, "replay.mp4", Files.readAllBytes(TestMedia.file(video)), validJwt());
            assertEquals(202, accepted.status(), accepted.body().toString());
            Map<String, Object> result = status(oz, accepted);
            assertEquals("fake", result.get("prediction"), video + ": " + result);
            assertTrue(number(result.get("score")) >= 0.5, video + ": " + result);
        }
    }

    @Test
    void documentedRefusals() throws Exception {
        OzClient oz = new OzClient(http);
        byte[] video = Files.readAllBytes(TestMedia.file("video/selfie-real-3s.mp4"));
        long inAnHour = Instant.now().getEpochSecond() + 3600;
        assertRefused(infer(oz, "video.mp4", video, null), 401, "UNAUTHORIZED");
        assertRefused(
                infer(
                        oz,
                        "video.mp4",
                        video,
                        TestJwts.hs256(OzClient.ADMIN_EMAIL, inAnHour, "some-other-secret-of-another-issuer!")),
                401,
                "UNAUTHORIZED");
        assertRefused(
                infer(
                        oz,
                        "video.mp4",
                        video,
                        TestJwts.hs256(OzClient.ADMIN_EMAIL, Instant.now().getEpochSecond() - 5, TestJwts.SECRET)),
                401,
                "UNAUTHORIZED");
        assertRefused(
                infer(oz, "video.mp4", video, TestJwts.hs256("nobody@nowhere.test", inAnHour, TestJwts.SECRET)),
                401,
                "UNAUTHORIZED");
        assertRefused(infer(oz, "video.mp4", video, validJwt().replace('.', ',')), 401, "UNAUTHORIZED");
        assertRefused(
                oz.send(HttpRequest.POST(
                                "/api-gateway/avf/infer",
                                MultipartBody.builder().addPart("other", "x").build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                        .bearerAuth(validJwt())),
                400,
                "MISSING_FILE");
        assertRefused(
                infer(oz, "notes.mp4", "not a video".getBytes(StandardCharsets.UTF_8), validJwt()),
                400,
                "INVALID_FILE_FORMAT");
        assertRefused(
                infer(oz, "photo.mp4", Files.readAllBytes(TestMedia.file("match/df-a/img2.jpg")), validJwt()),
                400,
                "INVALID_FILE_FORMAT");
        assertRefused(infer(oz, "big.mp4", new byte[5 * 1024 * 1024], validJwt()), 413, "PAYLOAD_TOO_LARGE");
        assertRefused(
                oz.send(HttpRequest.GET("/api-gateway/avf/status/" + UUID.randomUUID())
                        .bearerAuth(validJwt())),
                404,
                "REQUEST_NOT_FOUND");
        assertNull(oz.send(HttpRequest.GET("/api-gateway/avf/status/" + UUID.randomUUID()))
                .body()
                .get("data"));
    }

    private static void assertRefused(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), String.valueOf(reply.body()));
        assertEquals(code, reply.errorCode(), String.valueOf(reply.body()));
    }
}
