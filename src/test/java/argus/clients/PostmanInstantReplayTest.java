package argus.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.TestMedia;
import argus.TestShotSets;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Oz's public Postman collection "OZ-Forensic Instant 6.0.0": one form-data request to {@code /api/instant/folders/}
 * with {@code media_key1} (a video), {@code media_key2} (a photo) and {@code media_key3} (a ZIP archive of frames),
 * and the payload of the single-request example (folder metadata with {@code partner_side_folder_id} and
 * {@code person_info}, tags per key, analyses). Its test script reads the answer as
 * {@code jsonData.length > 0 ? jsonData[0]['media_id'] ... : unset}, so a folder object (no {@code length}) takes the
 * second branch; the script reads {@code video_url} for media that are not images.
 */
@MicronautTest
class PostmanInstantReplayTest extends ClientReplay {

    @Test
    void theInstantRequestWithAVideoAPhotoAndAShotSetIsAnsweredInFull() throws Exception {
        Wire wire = wire();
        String token = admin().token();
        Path shots = Files.write(
                Files.createTempDirectory("postman").resolve("shots.zip"),
                TestShotSets.zip(TestShotSets.frames(TestMedia.file("video/selfie-real-3s.mp4"), 5), "%d.jpg"));
        String payload =
                "{\n        \"folder:meta_data\": {\n            \"partner_side_folder_id\": \"159FD350-E8DD-4A5A-B958-0740B95BD620\",\n"
                        + "            \"person_info\": {\n                \"first_name\": \"John\",\n                \"middle_name\": \"Jameson\",\n"
                        + "                \"last_name\": \"Doe\"\n            }\n        },\n        \"media:tags\": {\n"
                        + "            \"media_key1\": [\"video_selfie\", \"video_selfie_blank\", \"orientation_portrait\"],\n"
                        + "            \"media_key2\": [\"photo_selfie\"],\n            \"media_key3\": [\"video_selfie\", \"video_selfie_blank\"]\n        },\n"
                        + "        \"analyses\": [{\"type\": \"quality\", \"params\": {\"threshold_spoofing\": 0.5, \"extract_best_shot\": false}},"
                        + " {\"type\": \"biometry\"}]\n    }";
        Wire.Answer answer = wire.multipart(
                "POST",
                "/api/instant/folders/",
                Wire.headers("X-Forensic-Access-Token", token, "User-Agent", "PostmanRuntime/7.43.0", "Accept", "*/*"),
                Wire.Multipart.of(
                        "--------------------------" + System.nanoTime(),
                        List.of(
                                Wire.Part.file(
                                        "media_key1",
                                        "selfie.mp4",
                                        "video/mp4",
                                        TestMedia.file("video/selfie-real-3s.mp4")),
                                Wire.Part.file(
                                        "media_key2",
                                        "photo.jpg",
                                        "image/jpeg",
                                        TestMedia.file("liveness/real/tv-real-02.jpg")),
                                Wire.Part.file("media_key3", "shots.zip", "application/zip", shots),
                                Wire.Part.text("payload", payload))));

        assertEquals(200, answer.status(), answer.text());
        Object parsed = answer.parsed();
        assertTrue(parsed instanceof Map<?, ?>, "the script's else branch: a folder object, not an array");
        Map<String, Object> folder = answer.object();
        assertEquals(
                "159FD350-E8DD-4A5A-B958-0740B95BD620",
                OzClient.object(folder.get("meta_data")).get("partner_side_folder_id"));
        List<Map<String, Object>> media = OzClient.list(folder.get("media"));
        assertEquals(
                List.of("VIDEO_FOLDER", "IMAGE_FOLDER", "SHOTS_FOLDER"),
                media.stream().map(m -> m.get("media_type")).toList());
        for (Map<String, Object> item : media) {
            assertNull(item.get("original_url"));
            assertNull(item.get("video_url"));
        }
        List<Map<String, Object>> analyses = OzClient.list(folder.get("analyses"));
        assertEquals("SUCCESS", analyses.get(0).get("resolution"), answer.text());
        assertEquals(3, OzClient.list(analyses.get(0).get("results_media")).size());
        assertEquals("SUCCESS", analyses.get(1).get("resolution"), answer.text());
        assertEquals("SUCCESS", folder.get("system_resolution"));
    }
}
