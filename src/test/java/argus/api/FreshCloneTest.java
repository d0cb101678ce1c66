package argus.api;

import static argus.OzClient.firstAnalysis;
import static argus.OzClient.firstResult;
import static argus.OzClient.list;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fresh clone with {@code ../shared} beside it, configured with nothing: the packs no registry serves are read from
 * the default models directory, {@code ../shared/models}, and every contract scores real media with them.
 */
@MicronautTest
class FreshCloneTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void everyContractScoresRealMediaWithThePacksOfTheDefaultModelsDirectory() throws Exception {
        OzClient oz = new OzClient(http);
        Reply folder = oz.postFolder(
                Map.of("video1", TestMedia.file("video/selfie-real-3s.mp4")),
                "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, folder.status(), folder.body().toString());
        assertEquals(
                "SUCCESS",
                firstAnalysis(folder).get("resolution"),
                folder.body().toString());
        assertEquals(
                "minifasnet", object(firstResult(folder).get("results_data")).get("liveness_model"));

        MultipartBody audio = MultipartBody.builder()
                .addPart(
                        "file", TestMedia.file("audio/bonafide/alsa-voices.wav").toFile())
                .build();
        Reply speech = oz.send(HttpRequest.POST("/api/technology/experimental/authenticity-verification", audio)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(oz.token()));
        assertEquals(202, speech.status(), speech.body().toString());
        Map<String, Object> task = poll(
                oz,
                "/api/technology/authenticity-verification/"
                        + object(speech.body().get("task")).get("task_id"),
                body -> object(body.get("task")).get("state"),
                List.of("pending", "running"));
        assertEquals("done", object(task.get("task")).get("state"), task.toString());
        assertNotNull(list(object(object(task.get("result")).get("deepfake_detection"))
                        .get("channels"))
                .getFirst()
                .get("score"));

        MultipartBody photo = MultipartBody.builder()
                .addPart("file", TestMedia.file("deepfake/real/real00240.jpg").toFile())
                .build();
        Reply deepfake = oz.send(HttpRequest.POST("/v1/deepfake-detection/analyze", photo)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header("x-api-key", oz.token()));
        assertEquals(202, deepfake.status(), deepfake.body().toString());
        Map<String, Object> analysis = poll(
                oz,
                "/v1/deepfake-detection/" + deepfake.body().get("id"),
                body -> body.get("status"),
                List.of("processing"));
        assertEquals("completed", analysis.get("status"), analysis.toString());
        assertEquals("authentic", object(analysis.get("result")).get("verdict"), analysis.toString());
    }

    private static Map<String, Object> poll(
            OzClient oz,
            String path,
            java.util.function.Function<Map<String, Object>, Object> state,
            List<String> waiting)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        Map<String, Object> body = oz.send(
                        HttpRequest.GET(path).bearerAuth(oz.token()).header("x-api-key", oz.token()))
                .body();
        while (waiting.contains(String.valueOf(state.apply(body))) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            body = oz.send(HttpRequest.GET(path).bearerAuth(oz.token()).header("x-api-key", oz.token()))
                    .body();
        }
        return body;
    }
}
