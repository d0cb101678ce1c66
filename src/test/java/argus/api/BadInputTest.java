package argus.api;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import argus.folder.FolderRepository;
import argus.folder.MediaRepository;
import argus.storage.StorageConfig;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every kind of bad request of the single request gets a 4xx with a machine-readable code, and leaves no folder,
 * media row, media file or staged upload behind.
 */
@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "2MB")
@Property(name = "micronaut.server.multipart.max-file-size", value = "2MB")
class BadInputTest {
    private static final String QUALITY = "{\"analyses\": [{\"type\": \"quality\"}]}";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    FolderRepository folders;
    @Inject
    MediaRepository media;
    @Inject
    StorageConfig storage;
    @TempDir
    Path temp;
    OzClient oz;
    long foldersBefore;

    @BeforeEach
    void client() {
        oz = new OzClient(http);
        oz.token();
        foldersBefore = folders.count();
    }

    @AfterEach
    void nothingLeftBehind() throws IOException {
        assertEquals(foldersBefore, folders.count(), "a refused request left a folder");
        assertEquals(0, media.count(), "a refused request left a media row");
        assertEquals(0, files(storage.dataDir().resolve("media")), "a refused request left a media file");
        assertEquals(0, files(storage.dataDir().resolve("staging")), "a refused request left a staged upload");
    }

    private static long files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(temp.resolve(name), content);
    }

    private Path selfie() {
        return TestMedia.file("video/selfie-real-3s.mp4");
    }

    private void assertRefused(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body().toString());
        assertEquals(code, reply.errorCode(), reply.body().toString());
        assertNotNull(reply.body().get("error_message"));
    }

    @Test
    void missingOrUnknownTokenIs401() {
        MultipartBody body = MultipartBody.builder().addPart("video1", "v.mp4", selfie().toFile()).addPart("payload", QUALITY).build();
        assertRefused(oz.send(HttpRequest.POST("/api/folders/", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), 401, "UNAUTHORIZED");
        assertRefused(oz.send(HttpRequest.POST("/api/folders/", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header(OzClient.TOKEN_HEADER, "not-a-token")), 401, "UNAUTHORIZED");
        assertRefused(oz.send(HttpRequest.GET("/api/folders/00000000-0000-0000-0000-000000000000/")
                .header(OzClient.TOKEN_HEADER, "x".repeat(1000))), 401, "UNAUTHORIZED");
    }

    @Test
    void wrongCredentialsAre401() {
        assertRefused(oz.send(HttpRequest.POST("/api/authorize/auth",
                Map.of("credentials", Map.of("email", "admin@argus.test", "password", "wrong")))), 401, "INVALID_CREDENTIALS");
        assertRefused(oz.send(HttpRequest.POST("/api/authorize/auth", Map.of("credentials", Map.of("email", "x")))), 400, "INVALID_PAYLOAD");
    }

    @Test
    void malformedPayloadIs400() {
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": [}"), 400, "MALFORMED_PAYLOAD");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "[1, 2]"), 400, "MALFORMED_PAYLOAD");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": [], \"analyses\": []}"), 400, "MALFORMED_PAYLOAD");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "[".repeat(5000) + "]".repeat(5000)), 400, "MALFORMED_PAYLOAD");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": 3}"), 400, "INVALID_PAYLOAD");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"folder:meta_data\": \"text\"}"), 400, "INVALID_PAYLOAD");
    }

    @Test
    void payloadThatIsNotUtf8Is400() {
        byte[] latin1 = "{\"folder:meta_data\": {\"name\": \"Müller\"}}".getBytes(StandardCharsets.ISO_8859_1);
        MultipartBody body = MultipartBody.builder().addPart("video1", "v.mp4", selfie().toFile())
                .addPart("payload", "payload.json", MediaType.APPLICATION_JSON_TYPE, latin1).build();
        assertRefused(oz.send(HttpRequest.POST("/api/folders/", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header(OzClient.TOKEN_HEADER, oz.token())), 400, "MALFORMED_PAYLOAD");
    }

    @Test
    void unknownAnalysisTypeIs400() {
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": [{\"type\": \"palmistry\"}]}"), 400, "UNSUPPORTED_ANALYSIS_TYPE");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": [{\"kind\": \"quality\"}]}"), 400, "INVALID_PAYLOAD");
    }

    @Test
    void invalidParamsAre400() {
        assertRefused(oz.postFolder(Map.of("video1", selfie()),
                "{\"analyses\": [{\"type\": \"quality\", \"params\": {\"threshold_spoofing\": 7}}]}"), 400, "INVALID_PARAMS");
        assertRefused(oz.postFolder(Map.of("video1", selfie()),
                "{\"analyses\": [{\"type\": \"quality\", \"params\": {\"extract_best_shot\": \"yes\"}}]}"), 400, "INVALID_PARAMS");
    }

    @Test
    void tagsOrMetadataForAMissingFileAre400() {
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"media:tags\": {\"video2\": [\"video_selfie\"]}, \"analyses\": [{\"type\": \"quality\"}]}"),
                400, "UNKNOWN_MEDIA_KEY");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"media:meta_data\": {\"photo9\": {}}}"), 400, "UNKNOWN_MEDIA_KEY");
    }

    @Test
    void webhookToAnInternalAddressIsRefused() {
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"resolution_endpoint\": \"http://127.0.0.1:9/hook\"}"), 400, "INVALID_PAYLOAD");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"resolution_endpoint\": \"http://10.1.2.3/hook\"}"), 400, "INVALID_PAYLOAD");
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"resolution_endpoint\": \"file:///etc/passwd\"}"), 400, "INVALID_PAYLOAD");
    }

    @Test
    void unknownTagIs400() {
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"media:tags\": {\"video1\": [\"video_selfie_dance\"]}}"), 400, "UNKNOWN_TAG");
    }

    @Test
    void tooManyAnalysesIs400() {
        String analyses = String.join(",", java.util.Collections.nCopies(10_000, "{\"type\": \"quality\"}"));
        assertRefused(oz.postFolder(Map.of("video1", selfie()), "{\"analyses\": [" + analyses + "]}"), 400, "TOO_MANY_ANALYSES");
    }

    @Test
    void partNameThatIsNotAMediaKeyIs400() {
        assertRefused(oz.postFolder(Map.of("../../etc/passwd", selfie()), QUALITY), 400, "INVALID_MEDIA_KEY");
    }

    @Test
    void textFileIsRefusedAsUnsupportedMedia() throws IOException {
        Path text = write("notes.mp4", "this is not a video at all, just some text".getBytes(StandardCharsets.UTF_8));
        assertRefused(oz.postFolder(Map.of("video1", text), QUALITY), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(oz.postFolder(Map.of("audio1", TestMedia.file("audio/bonafide/alsa-voices.wav")), QUALITY), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void emptyAndTinyFilesAre400() throws IOException {
        assertRefused(oz.postFolder(Map.of("video1", write("empty.mp4", new byte[0])), QUALITY), 400, "MISSING_MEDIA");
        assertRefused(oz.postFolder(Map.of("video1", write("one.mp4", new byte[]{0x42})), QUALITY), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void truncatedVideoIs400() throws IOException {
        byte[] whole = Files.readAllBytes(selfie());
        Path truncated = write("truncated.mp4", Arrays.copyOf(whole, whole.length / 2));
        Reply reply = oz.postFolder(Map.of("video1", truncated), QUALITY);
        assertEquals(400, reply.status(), reply.body().toString());
    }

    @Test
    void truncatedPhotoIs400() throws IOException {
        byte[] whole = Files.readAllBytes(TestMedia.file("match/df-a/img2.jpg"));
        Path truncated = write("truncated.jpg", Arrays.copyOf(whole, 600));
        assertRefused(oz.postFolder(Map.of("photo1", truncated), QUALITY), 400, "MEDIA_CORRUPT");
    }

    @Test
    void oversizedUploadIs413() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024];
        new Random(1).nextBytes(big);
        Reply reply = oz.postFolder(Map.of("video1", write("big.mp4", big)), QUALITY);
        assertEquals(413, reply.status(), reply.body().toString());
        assertEquals("PAYLOAD_TOO_LARGE", reply.errorCode());
    }

    @Test
    void nonMultipartBodyIs415() {
        assertRefused(oz.send(HttpRequest.POST("/api/folders/", "hello").contentType(MediaType.TEXT_PLAIN_TYPE)
                .header(OzClient.TOKEN_HEADER, oz.token())), 415, "UNSUPPORTED_MEDIA_TYPE");
    }
}
