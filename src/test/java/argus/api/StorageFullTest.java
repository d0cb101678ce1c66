package argus.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** With less free space than the service must keep, an authenticity task is refused with 507. */
@MicronautTest
@Property(name = "argus.audio.min-free-bytes", value = "9223372036854775807")
class StorageFullTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void fullStorageIs507() {
        OzClient oz = new OzClient(http);
        MultipartBody body = MultipartBody.builder()
                .addPart(
                        "file", TestMedia.file("audio/bonafide/alsa-voices.wav").toFile())
                .build();
        Reply refused = oz.send(HttpRequest.POST("/api/technology/experimental/authenticity-verification", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(oz.token()));
        assertEquals(507, refused.status(), String.valueOf(refused.body()));
        assertEquals("INSUFFICIENT_STORAGE", refused.errorCode());
    }
}
