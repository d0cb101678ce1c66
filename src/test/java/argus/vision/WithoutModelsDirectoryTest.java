package argus.vision;

import static argus.OzClient.firstAnalysis;
import static argus.OzClient.firstResult;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestJwts;
import argus.TestMedia;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A deployment whose models directory holds none of the packs no registry serves: Argus starts, {@code /health} names
 * the missing packs as a degraded component, QUALITY runs on the face pack's own liveness network, and the contracts
 * that need a missing pack answer 503 {@code MODEL_UNAVAILABLE} with its name before taking the upload.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WithoutModelsDirectoryTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of(
                    "argus.vision.models-dir",
                    Files.createTempDirectory("argus-empty-models").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void healthNamesTheMissingPacksWithoutGoingDown() {
        Reply health = new OzClient(http).send(HttpRequest.GET("/health"));
        assertEquals(200, health.status(), health.body().toString());
        assertEquals("DEGRADED", health.body().get("status"));
        Map<String, Object> packs = object(object(health.body().get("details")).get("modelPacks"));
        assertEquals("DEGRADED", packs.get("status"));
        Map<String, Object> details = object(packs.get("details"));
        assertEquals("faceplugin", details.get("livenessPack"));
        assertEquals(
                Map.of(
                        "aasist",
                        List.of("AASIST.onnx"),
                        "mesonet",
                        List.of("Meso4_DF.onnx"),
                        "minifasnet",
                        List.of("2.7_80x80_MiniFASNetV2.onnx", "4_0_0_80x80_MiniFASNetV1SE.onnx")),
                details.get("missingPacks"));
        assertEquals(
                200,
                new OzClient(http).send(HttpRequest.GET("/health/readiness")).status());
    }

    @Test
    void qualityRunsOnTheFacePacksLivenessNetwork() {
        OzClient oz = new OzClient(http);
        Reply reply = oz.postFolder(
                Map.of("video1", TestMedia.file("video/selfie-real-3s.mp4")),
                "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, reply.status(), reply.body().toString());
        assertEquals("FINISHED", firstAnalysis(reply).get("state"));
        Map<String, Object> data = object(firstResult(reply).get("results_data"));
        assertEquals("faceplugin", data.get("liveness_model"), data.toString());
    }

    @Test
    void theContractsNeedingAMissingPackAnswer503WithItsName() throws Exception {
        OzClient oz = new OzClient(http);
        byte[] speech = Files.readAllBytes(TestMedia.file("audio/bonafide/alsa-voices.wav"));
        byte[] video = Files.readAllBytes(TestMedia.file("video/selfie-real-3s.mp4"));
        byte[] face = Files.readAllBytes(TestMedia.file("deepfake/real/" + firstFile("deepfake/real")));

        Reply audio = oz.send(HttpRequest.POST(
                        "/api/technology/experimental/authenticity-verification",
                        multipart("file", "voice.wav", speech))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(oz.token()));
        assertUnavailable(audio, "aasist");

        Reply forgery = oz.send(HttpRequest.POST("/api-gateway/avf/infer", multipart("file", "selfie.mp4", video))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(
                        TestJwts.hs256(OzClient.ADMIN_EMAIL, Instant.now().getEpochSecond() + 600, TestJwts.SECRET)));
        assertUnavailable(forgery, "mesonet");

        for (Map.Entry<String, byte[]> file :
                Map.of("voice.wav", speech, "face.jpg", face).entrySet()) {
            Reply deepfake = oz.send(HttpRequest.POST(
                            "/v1/deepfake-detection/analyze", multipart("file", file.getKey(), file.getValue()))
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                    .header("x-api-key", oz.token()));
            assertUnavailable(deepfake, file.getKey().endsWith(".wav") ? "aasist" : "mesonet");
        }
    }

    private static void assertUnavailable(Reply reply, String pack) {
        assertEquals(503, reply.status(), reply.body().toString());
        assertEquals("MODEL_UNAVAILABLE", reply.body().get("error_code"));
        assertTrue(
                ((String) reply.body().get("error_message")).contains("'" + pack + "'"),
                reply.body().toString());
    }

    private static MultipartBody multipart(String part, String fileName, byte[] content) {
        return MultipartBody.builder()
                .addPart(part, fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, content)
                .build();
    }

    private static String firstFile(String folder) throws IOException {
        try (var files = Files.list(TestMedia.root().resolve(folder))) {
            return files.map(Path::getFileName)
                    .map(Path::toString)
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }
}
