package argus.api;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On a fresh machine (no models directory: the npm pack only) the service starts, the Oz contract works, and the
 * contracts needing the speech or face-swap model refuse uploads at once with 503 instead of queuing work that cannot
 * run.
 */
@MicronautTest
@Property(name = "argus.vision.models-dir", value = "")
@Property(name = "argus.vision.liveness-pack", value = "faceplugin")
class ModelsMissingTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void contractsWithoutTheirModelAnswer503() throws Exception {
        OzClient oz = new OzClient(http);
        Reply folder = oz.postFolder(Map.of("video1", TestMedia.file("video/replay-phone.mp4")), "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, folder.status(), folder.body().toString());

        MultipartBody audio = MultipartBody.builder().addPart("file", TestMedia.file("audio/bonafide/alsa-voices.wav").toFile()).build();
        Reply speech = oz.send(HttpRequest.POST("/api/technology/experimental/authenticity-verification", audio)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(oz.token()));
        assertEquals(503, speech.status(), speech.body().toString());
        assertEquals("MODEL_UNAVAILABLE", speech.errorCode());

        MultipartBody photo = MultipartBody.builder().addPart("file", TestMedia.file("deepfake/real/real00240.jpg").toFile()).build();
        Reply deepfake = oz.send(HttpRequest.POST("/v1/deepfake-detection/analyze", photo)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).header("x-api-key", oz.token()));
        assertEquals(503, deepfake.status(), deepfake.body().toString());
        assertEquals("MODEL_UNAVAILABLE", deepfake.errorCode());
    }
}
