package argus.api;

import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.ChannelVariants;
import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestJwts;
import argus.TestMedia;
import argus.TestVideos;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts that do not accuse real people: speech through phone codecs and noisy rooms, real selfie videos with the
 * face-swap evidence of compressed cameras, and a screen held up beside a live face, through the contracts that judge
 * them (multi-format deepfake, anti-video forgery).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgeryVerdictsTest {
    @Inject
    @Client("/")
    HttpClient http;

    @TempDir
    Path temp;

    private Map<String, Object> deepfake(Path file) throws Exception {
        OzClient oz = new OzClient(http);
        MultipartBody body = MultipartBody.builder()
                .addPart("file", file.getFileName().toString(), MediaType.APPLICATION_OCTET_STREAM_TYPE, file.toFile())
                .build();
        Reply accepted = oz.send(HttpRequest.POST("/v1/deepfake-detection/analyze", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header("x-api-key", oz.token()));
        assertEquals(202, accepted.status(), accepted.body().toString());
        long deadline = System.currentTimeMillis() + 120_000;
        Map<String, Object> analysis = accepted.body();
        while ("processing".equals(analysis.get("status")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            analysis = oz.send(HttpRequest.GET(
                                    "/v1/deepfake-detection/" + accepted.body().get("id"))
                            .header("x-api-key", oz.token()))
                    .body();
        }
        assertEquals("completed", analysis.get("status"), analysis.toString());
        return object(analysis.get("result"));
    }

    /** Genuine speech through every channel is never judged synthetic; where it cannot be told, the verdict says so. */
    @Test
    void genuineSpeechThroughEveryChannelIsNotAccused() throws Exception {
        List<String> inconclusive = new ArrayList<>();
        for (ChannelVariants.Channel channel : ChannelVariants.Channel.values()) {
            Path variant = ChannelVariants.apply(TestMedia.file("audio/bonafide/alsa-voices.wav"), channel, temp);
            Map<String, Object> result = deepfake(variant);
            assertTrue(List.of("authentic", "inconclusive").contains(result.get("verdict")), channel + ": " + result);
            if ("inconclusive".equals(result.get("verdict"))) {
                inconclusive.add(channel.name());
                assertNull(result.get("confidence"));
                assertTrue(((String) result.get("message")).contains("phone codecs"), result.toString());
            }
        }
        assertEquals(List.of("AMR_NB", "NOISE_10DB"), inconclusive, "the channels where the model cannot tell");
    }

    @Test
    void syntheticSpeechThroughEveryChannelStaysFlagged() throws Exception {
        for (String tts : List.of("audio/spoof/tts-espeak-us.wav", "audio/spoof/tts-espeak-moon.wav")) {
            for (ChannelVariants.Channel channel : ChannelVariants.Channel.values()) {
                Map<String, Object> result = deepfake(ChannelVariants.apply(TestMedia.file(tts), channel, temp));
                assertEquals("manipulated", result.get("verdict"), tts + " through " + channel + ": " + result);
            }
        }
    }

    /**
     * No real selfie video of the shared media is accused; one, a phone's front-camera clip that MesoNet reads as a face
     * swap (0.967), gets no verdict: the face-swap detector cannot tell it from a swap. Replays and FaceForensics++
     * Deepfakes frames are manipulated.
     */
    @Test
    void realSelfieVideosAreNotJudgedManipulatedAndReplaysAndForgedCropsAre() throws Exception {
        List<String> inconclusive = new ArrayList<>();
        for (String real : List.of(
                "video/selfie-real-3s.mp4",
                "video/selfie-real-portrait.mp4",
                "video/ls-real-01.mp4",
                "video/sv-real-01.mov",
                "video/sv-real-02.mp4",
                "video/sv-real-03.mp4")) {
            Map<String, Object> result = deepfake(TestMedia.file(real));
            assertTrue(List.of("authentic", "inconclusive").contains(result.get("verdict")), real + ": " + result);
            if (result.get("verdict").equals("inconclusive")) {
                inconclusive.add(real);
            }
        }
        assertEquals(List.of("video/sv-real-01.mov"), inconclusive);
        for (String attack : List.of(
                "video/replay-monitor.mp4",
                "video/replay-phone.mp4",
                "video/ls-replay-01.mp4",
                "deepfake/fake/ipl-ffpp-df-519-01.jpg",
                "deepfake/fake/ipl-ffpp-df-519-03.jpg")) {
            assertEquals("manipulated", deepfake(TestMedia.file(attack)).get("verdict"), attack);
        }
    }

    @Test
    void aScreenHeldUpBesideALiveFaceIsAFakeNotAFailure() throws Exception {
        Path beside = TestVideos.sideBySide(
                TestMedia.file("video/ls-real-01.mp4"),
                TestMedia.file("video/ls-replay-01.mp4"),
                temp.resolve("beside.mp4"));
        Map<String, Object> result = deepfake(beside);
        assertEquals("manipulated", result.get("verdict"), result.toString());
        assertTrue(((String) result.get("message")).contains("beside a live face"), result.toString());

        OzClient oz = new OzClient(http);
        String jwt = TestJwts.hs256(OzClient.ADMIN_EMAIL, Instant.now().getEpochSecond() + 600, TestJwts.SECRET);
        Reply accepted = oz.send(HttpRequest.POST(
                        "/api-gateway/avf/infer",
                        MultipartBody.builder()
                                .addPart("file", "beside.mp4", MediaType.of("video/mp4"), Files.readAllBytes(beside))
                                .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(jwt));
        assertEquals(202, accepted.status(), accepted.body().toString());
        String id = (String)
                object(object(accepted.body().get("data")).get("metadata")).get("request_id");
        Map<String, Object> data = Map.of();
        for (long deadline = System.currentTimeMillis() + 120_000;
                System.currentTimeMillis() < deadline;
                Thread.sleep(100)) {
            data = object(
                    oz.send(HttpRequest.GET("/api-gateway/avf/status/" + id).bearerAuth(jwt))
                            .body()
                            .get("data"));
            if (data.get("prediction") != null || Boolean.FALSE.equals(data.get("success"))) {
                break;
            }
        }
        assertEquals("fake", data.get("prediction"), data.toString());
        assertEquals(true, data.get("success"));
        assertTrue(((String) data.get("message")).contains("beside a live face"), data.toString());
        assertNotNull(data.get("confidence"));
    }
}
