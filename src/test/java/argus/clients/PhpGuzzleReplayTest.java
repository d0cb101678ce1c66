package argus.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.TestAccounts;
import argus.TestMedia;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PHP (Guzzle) client of the early Oz API, {@code OzForensicsClient}/{@code Folder}, kept in a public Laravel
 * project. It holds a long-lived service token from its environment and calls paths without the trailing slash:
 * {@code POST api/folders} with {@code Content-Type: application/x-www-form-urlencoded} and no body at all (reading
 * {@code folder_id}); the early {@code images} resource of a folder (list, add as multipart with Guzzle's per-part
 * content type, delete by {@code image_id}); {@code PATCH api/folders/{id}/analyses} with no body to launch the
 * analyses; {@code GET api/folders/{id}/analyses}; and {@code GET api/folders?offset=0&limit=100}. Any 2xx answer is
 * {@code json_decode}d; anything else counts as a failure.
 */
@MicronautTest
class PhpGuzzleReplayTest extends ClientReplay {

    @Test
    void theLegacyFolderImagesAndAnalysesFlowWorks() {
        Wire wire = wire();
        String token = new OzClient(
                        http, account(company("Laravel shop"), "php", "CLIENT ADMIN"), TestAccounts.PASSWORD)
                .token();
        Map<String, String> guzzle = Wire.headers("X-Forensic-Access-Token", token, "User-Agent", "GuzzleHttp/7");

        Wire.Answer created = wire.send(
                "POST",
                "/api/folders",
                Wire.headers(
                        "X-Forensic-Access-Token",
                        token,
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "User-Agent",
                        "GuzzleHttp/7"),
                new byte[0]);
        assertTrue(created.ok(), created.text());
        String folderId = (String) created.object().get("folder_id");

        for (String[] image : List.of(
                new String[] {"selfie", "selfie.jpg", "liveness/real/tv-real-02.jpg"},
                new String[] {"video", "selfie.mp4", "video/selfie-real-3s.mp4"})) {
            Wire.Answer put = wire.multipart(
                    "POST",
                    "/api/folders/" + folderId + "/images",
                    guzzle,
                    Wire.Multipart.of(List.of(Wire.Part.file(
                            image[0],
                            image[1],
                            image[1].endsWith(".jpg") ? "image/jpeg" : "video/mp4",
                            TestMedia.file(image[2])))));
            assertTrue(put.ok(), put.text());
        }
        Wire.Answer images = wire.send("GET", "/api/folders/" + folderId + "/images", guzzle, (String) null);
        assertTrue(images.ok(), images.text());
        assertEquals(2, images.array().size());
        for (Map<String, Object> image : images.array()) {
            assertTrue(
                    image.get("image_id") instanceof String
                            && image.get("original_url") instanceof String
                            && image.get("thumb_url") instanceof String
                            && image.get("original_name") instanceof String,
                    image.toString());
        }

        Wire.Answer launched = wire.send("PATCH", "/api/folders/" + folderId + "/analyses", guzzle, (String) null);
        assertTrue(launched.ok(), launched.text());
        assertEquals(
                List.of("QUALITY", "BIOMETRY"),
                launched.array().stream().map(a -> a.get("type")).toList());
        Wire.Answer analyses = Wire.poll(
                () -> wire.send("GET", "/api/folders/" + folderId + "/analyses", guzzle, (String) null),
                a -> a.array().stream().noneMatch(x -> "PROCESSING".equals(x.get("resolution"))),
                500);
        assertEquals(
                List.of("SUCCESS", "SUCCESS"),
                analyses.array().stream().map(a -> a.get("resolution")).toList(),
                analyses.text());

        Wire.Answer list = wire.send("GET", "/api/folders?offset=0&limit=100", guzzle, (String) null);
        assertTrue(list.ok(), list.text());
        assertTrue(list.array().stream().anyMatch(f -> folderId.equals(f.get("folder_id"))));

        String imageId = (String) images.array().getFirst().get("image_id");
        Wire.Answer deleted =
                wire.send("DELETE", "/api/folders/" + folderId + "/images/" + imageId, guzzle, (String) null);
        assertTrue(deleted.ok(), deleted.text());
        assertEquals(
                1,
                wire.send("GET", "/api/folders/" + folderId + "/images", guzzle, (String) null)
                        .array()
                        .size());
    }
}
