package argus.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import argus.Leftovers;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad credentials, payloads and parameters of the single request, variant by variant: each gets its 4xx with a
 * machine-readable code and leaves no folder, media row, media file or staged upload behind. Damaged and hostile
 * files and framing are the corpus of {@link HostileInputTest}.
 */
@MicronautTest
class BadInputTest {
    private static final String QUALITY = "{\"analyses\": [{\"type\": \"quality\"}]}";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Leftovers leftovers;

    OzClient oz;
    Leftovers.Stored before;

    @BeforeEach
    void client() {
        oz = new OzClient(http);
        oz.token();
        before = leftovers.stored();
    }

    @AfterEach
    void nothingLeftBehind() {
        leftovers.assertNoneSince(before, "a refused request");
    }

    private Path selfie() {
        return TestMedia.file("video/selfie-real-3s.mp4");
    }

    /** A refusal with its status, the precise reason in {@code details.reason} and Oz's numeric {@code error_code}. */
    private void assertRefused(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body().toString());
        assertEquals(code, reply.errorCode(), reply.body().toString());
        assertInstanceOf(
                Integer.class, reply.body().get("error_code"), reply.body().toString());
        assertNotNull(reply.body().get("error_message"));
    }

    @Test
    void missingOrUnknownTokenIs401() {
        MultipartBody body = MultipartBody.builder()
                .addPart("video1", "v.mp4", selfie().toFile())
                .addPart("payload", QUALITY)
                .build();
        Reply none = oz.send(HttpRequest.POST("/api/folders/", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertRefused(none, 401, "NO_TOKEN");
        assertEquals(6, none.ozCode());
        Reply unknown = oz.send(HttpRequest.POST("/api/folders/", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header(OzClient.TOKEN_HEADER, "not-a-token"));
        assertRefused(unknown, 401, "INVALID_TOKEN");
        assertEquals(7, unknown.ozCode());
        assertRefused(
                oz.send(HttpRequest.GET("/api/folders/00000000-0000-0000-0000-000000000000/")
                        .header(OzClient.TOKEN_HEADER, "x".repeat(1000))),
                401,
                "INVALID_TOKEN");
    }

    @Test
    void wrongCredentialsAre401() {
        assertRefused(
                oz.send(HttpRequest.POST(
                        "/api/authorize/auth",
                        Map.of("credentials", Map.of("email", "admin@argus.test", "password", "wrong")))),
                401,
                "INVALID_CREDENTIALS");
        assertRefused(
                oz.send(HttpRequest.POST("/api/authorize/auth", Map.of("credentials", Map.of("email", "x")))),
                400,
                "MISSING_FIELD");
    }

    @Test
    void malformedPayloadIs400() {
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": [}"), 400, "MALFORMED_PAYLOAD");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "[1, 2]"), 400, "MALFORMED_PAYLOAD");
        assertRefused(
                oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": [], \"analyses\": []}"),
                400,
                "MALFORMED_PAYLOAD");
        assertRefused(
                oz.postFolder(Map.of("video1", selfie()), "[".repeat(5000) + "]".repeat(5000)),
                400,
                "MALFORMED_PAYLOAD");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": 3}"), 400, "INVALID_TYPE");
        assertRefused(
                oz.postFolder(Map.of("video1", selfie()), "{\"folder:meta_data\": \"text\"}"), 400, "INVALID_TYPE");
    }

    @Test
    void unknownAnalysisTypeIs400() {
        assertRefused(
                oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": [{\"type\": \"palmistry\"}]}"),
                400,
                "UNSUPPORTED_ANALYSIS_TYPE");
        assertRefused(
                oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": [{\"kind\": \"quality\"}]}"),
                400,
                "MISSING_FIELD");
    }

    @Test
    void invalidParamsAre400() {
        assertRefused(
                oz.postFolder(
                        Map.of("video1", selfie()),
                        "{\"analyses\": [{\"type\": \"quality\", \"params\": {\"threshold_spoofing\": 7}}]}"),
                400,
                "INVALID_PARAMS");
        assertRefused(
                oz.postFolder(
                        Map.of("video1", selfie()),
                        "{\"analyses\": [{\"type\": \"quality\", \"params\": {\"extract_best_shot\": \"yes\"}}]}"),
                400,
                "INVALID_PARAMS");
    }

    /** Real clients send tags and metadata for placeholder parts that carry no file: those entries apply to nothing. */
    @Test
    void tagsOrMetadataForAMissingFileAreIgnored() {
        OzClient.Reply reply = oz.postFolder(
                Map.of("video1", selfie()),
                "{\"media:tags\": {\"video2\": [\"video_selfie\"]}, \"media:meta_data\": {\"photo9\": {}}, \"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, reply.status(), reply.body().toString());
        List<Map<String, Object>> media = OzClient.list(reply.body().get("media"));
        assertEquals(1, media.size());
        assertEquals(List.of(), media.getFirst().get("tags"));
        assertEquals("SUCCESS", OzClient.firstAnalysis(reply).get("resolution"));
        assertEquals(
                204,
                oz.delete("/api/folders/" + reply.body().get("folder_id") + "/").status());
    }

    @Test
    void webhookToAnInternalAddressIsRefused() {
        assertRefused(
                oz.postFolder(Map.of("video1", selfie()), "{\"resolution_endpoint\": \"http://127.0.0.1:9/hook\"}"),
                400,
                "INVALID_PAYLOAD");
        assertRefused(
                oz.postFolder(Map.of("video1", selfie()), "{\"resolution_endpoint\": \"http://10.1.2.3/hook\"}"),
                400,
                "INVALID_PAYLOAD");
        assertRefused(
                oz.postFolder(Map.of("video1", selfie()), "{\"resolution_endpoint\": \"file:///etc/passwd\"}"),
                400,
                "INVALID_PAYLOAD");
    }
}
