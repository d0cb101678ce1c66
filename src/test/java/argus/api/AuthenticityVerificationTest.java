package argus.api;

import static argus.OzClient.list;
import static argus.OzClient.number;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.EngineSlots;
import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import argus.analysis.AnalysisEngine;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The audio authenticity contract through HTTP: start a task with a file, follow {@code X-Location}, read one
 * deepfake-detection result per channel; and its documented refusals 400, 403, 413, 422 and 429.
 */
@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "4MB")
@Property(name = "micronaut.server.multipart.max-file-size", value = "4MB")
@Property(name = "argus.jobs.max-backlog", value = "2")
class AuthenticityVerificationTest {
    private static final String START = "/api/technology/experimental/authenticity-verification";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AnalysisEngine engine;

    private Reply start(OzClient oz, String query, String fileName, byte[] content, Optional<String> bearer) {
        MultipartBody body = MultipartBody.builder()
                .addPart("file", fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, content)
                .build();
        MutableHttpRequest<?> request =
                HttpRequest.POST(START + query, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE);
        bearer.ifPresent(token -> request.bearerAuth(token));
        return oz.send(request);
    }

    private Reply startFile(OzClient oz, String query, String file) throws Exception {
        return start(
                oz,
                query,
                file.substring(file.lastIndexOf('/') + 1),
                java.nio.file.Files.readAllBytes(TestMedia.file(file)),
                Optional.of(oz.token()));
    }

    /** The task's channels, read back through the X-Location the start answered with. */
    private List<Map<String, Object>> polledChannels(OzClient oz, Reply started) {
        assertEquals(202, started.status(), started.body().toString());
        String location = started.response().getHeaders().get("X-Location");
        assertNotNull(location);
        assertTrue(location.matches("/api/technology/authenticity-verification/[0-9a-f-]{36}"), location);
        assertEquals("pending", object(started.body().get("task")).get("state"));
        Reply polled = pollUntilSettled(oz, location);
        Map<String, Object> task = object(polled.body().get("task"));
        assertEquals(location.substring(location.lastIndexOf('/') + 1), task.get("task_id"));
        assertEquals("done", task.get("state"), polled.body().toString());
        return list(object(object(polled.body().get("result")).get("deepfake_detection"))
                .get("channels"));
    }

    private Reply pollUntilSettled(OzClient oz, String location) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Reply polled = oz.send(HttpRequest.GET(location).bearerAuth(oz.token()));
            assertEquals(200, polled.status(), polled.body().toString());
            String state = (String) object(polled.body().get("task")).get("state");
            if (!List.of("pending", "running").contains(state) || System.currentTimeMillis() > deadline) {
                return polled;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void genuineSpeechScoresAboveZeroAndSyntheticBelow() throws Exception {
        OzClient oz = new OzClient(http);
        Map<String, Object> genuine = polledChannels(oz, startFile(oz, "", "audio/bonafide/alsa-voices.wav"))
                .getFirst();
        assertEquals(0, ((Number) genuine.get("channel_number")).intValue());
        assertTrue(number(genuine.get("speech_length")) >= 3);
        assertTrue(number(genuine.get("score")) > 0, "genuine speech scores " + genuine.get("score"));
        for (String tts : List.of(
                "audio/spoof/tts-espeak-us.wav", "audio/spoof/tts-espeak-gb.wav", "audio/spoof/tts-espeak-moon.wav")) {
            Map<String, Object> synthetic =
                    polledChannels(oz, startFile(oz, "", tts)).getFirst();
            assertTrue(number(synthetic.get("score")) < 0, tts + " scores " + synthetic.get("score"));
        }
    }

    @Test
    void everyChannelHasItsOwnResult() throws Exception {
        OzClient oz = new OzClient(http);
        List<Map<String, Object>> channels =
                polledChannels(oz, startFile(oz, "", "audio/multichannel/left-human-right-tts.wav"));
        assertEquals(2, channels.size());
        assertEquals(
                List.of(0, 1),
                channels.stream()
                        .map(c -> ((Number) c.get("channel_number")).intValue())
                        .toList());
        assertTrue(
                number(channels.get(0).get("score")) > 0,
                "the human channel scores " + channels.get(0).get("score"));
        assertTrue(
                number(channels.get(1).get("score")) < 0,
                "the synthetic channel scores " + channels.get(1).get("score"));
    }

    @Test
    void underThreeSecondsOfSpeechGivesANullScore() throws Exception {
        OzClient oz = new OzClient(http);
        Map<String, Object> shortClip = polledChannels(oz, startFile(oz, "", "audio/bonafide/front-center-short.wav"))
                .getFirst();
        assertTrue(shortClip.containsKey("score"));
        assertNull(shortClip.get("score"));
        Reply segment = startFile(oz, "?start_time=0&end_time=2", "audio/bonafide/alsa-voices.wav");
        assertNull(polledChannels(oz, segment).getFirst().get("score"), "two seconds are too little speech");
        Map<String, Object> detection = object(
                object(pollUntilSettled(oz, segment.response().getHeaders().get("X-Location"))
                                .body()
                                .get("result"))
                        .get("deepfake_detection"));
        assertEquals(0.0, number(detection.get("start_time")));
        assertEquals(2.0, number(detection.get("end_time")));
    }

    @Test
    void documentedRefusals() throws Exception {
        OzClient oz = new OzClient(http);
        byte[] wav = java.nio.file.Files.readAllBytes(TestMedia.file("audio/bonafide/alsa-voices.wav"));
        assertRefused(start(oz, "", "a.wav", wav, Optional.empty()), 403, "FORBIDDEN");
        assertRefused(start(oz, "", "a.wav", wav, Optional.of("not-a-token")), 403, "FORBIDDEN");
        assertRefused(oz.send(HttpRequest.POST(START, "{}").bearerAuth(oz.token())), 415, "UNSUPPORTED_MEDIA_TYPE");
        MultipartBody noFile = MultipartBody.builder().addPart("other", "x").build();
        assertRefused(
                oz.send(HttpRequest.POST(START, noFile)
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                        .bearerAuth(oz.token())),
                400,
                "BAD_REQUEST");
        assertRefused(
                start(oz, "?start_time=5&end_time=2", "a.wav", wav, Optional.of(oz.token())), 422, "INVALID_SEGMENT");
        assertRefused(start(oz, "?start_time=-1", "a.wav", wav, Optional.of(oz.token())), 422, "INVALID_SEGMENT");
        assertRefused(
                start(oz, "", "notes.wav", "no sound here".getBytes(StandardCharsets.UTF_8), Optional.of(oz.token())),
                422,
                "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(
                start(oz, "", "big.wav", new byte[5 * 1024 * 1024], Optional.of(oz.token())), 413, "PAYLOAD_TOO_LARGE");
        assertRefused(
                oz.send(HttpRequest.GET(
                                "/api/technology/authenticity-verification/00000000-0000-0000-0000-000000000000")
                        .bearerAuth(oz.token())),
                404,
                "TASK_NOT_FOUND");
    }

    /** With the engine busy, two tasks wait in the queue (the backlog allowed here); the next upload is refused. */
    @Test
    void aBackedUpQueueAnswers429WithRateLimitHeaders() throws Exception {
        OzClient oz = new OzClient(http);
        oz.token();
        List<Reply> queued = new ArrayList<>();
        try (EngineSlots ignored = new EngineSlots(engine)) {
            queued.add(startFile(oz, "", "audio/bonafide/alsa-voices.wav"));
            queued.add(startFile(oz, "", "audio/bonafide/alsa-voices.wav"));
            Reply refused = start(oz, "", "a.wav", new byte[] {1, 2, 3}, Optional.of(oz.token()));
            assertRefused(refused, 429, "TOO_MANY_REQUESTS");
            var headers = refused.response().getHeaders();
            assertNotNull(headers.get("Retry-After"));
            assertEquals("2", headers.get("X-RateLimit-Limit"));
            assertEquals("0", headers.get("X-RateLimit-Remaining"));
            assertTrue(Long.parseLong(headers.get("X-RateLimit-Reset")) >= System.currentTimeMillis() / 1000);
        }
        for (Reply task : queued) {
            polledChannels(oz, task);
        }
    }

    private static void assertRefused(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), String.valueOf(reply.body()));
        assertEquals(code, reply.errorCode(), String.valueOf(reply.body()));
    }
}
