package argus.api;

import static argus.OzClient.firstAnalysis;
import static argus.OzClient.firstResult;
import static argus.OzClient.list;
import static argus.OzClient.number;
import static argus.OzClient.object;
import static argus.OzClient.reason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.Leftovers;
import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import argus.TestShotSets;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shot sets: a ZIP of the frames of the real 3-s selfie (10 a second, as a Web SDK capture sends them) is a
 * {@code SHOTS_FOLDER} media in the single request, the multi-step flow and Instant mode; liveness with its gestures,
 * face matching, best shot and preview run on its frames, taken in name order. Every hostile archive is refused with
 * a 4xx and leaves nothing stored.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShotSetTest {
    private static final String SELFIE = "video/selfie-real-3s.mp4";
    private static final String SAME_PERSON = "liveness/real/tv-real-02.jpg";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Leftovers leftovers;

    @TempDir
    Path dir;

    OzClient oz;
    List<byte[]> frames;
    Path shots;

    @BeforeAll
    void shotSet() throws Exception {
        oz = new OzClient(http);
        frames = TestShotSets.frames(TestMedia.file(SELFIE), 10);
        shots = Files.write(
                Files.createTempDirectory("shots").resolve("shots.zip"), TestShotSets.zip(frames, "frame_%d.jpg"));
    }

    private static String payload(String tags, String analyses) {
        return "{\"media:tags\": {\"shots\": [" + tags + "], \"photo\": [\"photo_selfie\"]}, \"analyses\": [" + analyses
                + "]}";
    }

    @Test
    void aShotSetIsAnalysedInTheSingleRequest() throws Exception {
        Reply reply = oz.postFolder(
                Map.of("shots", shots, "photo", TestMedia.file(SAME_PERSON)),
                payload(
                        "\"video_selfie\", \"video_selfie_blank\"",
                        "{\"type\": \"quality\", \"params\": {\"extract_best_shot\": true}}, {\"type\": \"biometry\"}"));

        assertEquals(201, reply.status(), reply.body().toString());
        Map<String, Object> set = list(reply.body().get("media")).stream()
                .filter(m -> "SHOTS_FOLDER".equals(m.get("media_type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(reply.body().toString()));
        Map<String, Object> info = object(set.get("info"));
        assertEquals(frames.size(), number(info.get("frames")), 0);
        assertEquals(
                List.of(368.0, 656.0), List.of(number(info.get("width")), number(info.get("height"))), info.toString());
        assertEquals(set.get("original_url"), set.get("video_url"));

        List<Map<String, Object>> analyses = list(reply.body().get("analyses"));
        Map<String, Object> quality = analyses.get(0);
        assertEquals("SUCCESS", quality.get("resolution"), quality.toString());
        Map<String, Object> result = list(quality.get("results_media")).stream()
                .filter(r -> set.get("media_id").equals(r.get("source_shots_set_id")))
                .findFirst()
                .orElseThrow();
        assertEquals(1, list(result.get("output_images")).size());
        assertEquals(
                "SUCCESS", analyses.get(1).get("resolution"), analyses.get(1).toString());
        assertTrue(number(object(analyses.get(1).get("results_data")).get("min_confidence")) >= 0.85);
        assertEquals("SUCCESS", reply.body().get("system_resolution"));

        HttpResponse<byte[]> original = oz.download((String) set.get("original_url"), oz.token());
        assertEquals("application/zip", original.getContentType().orElseThrow().toString());
        assertArrayEquals(Files.readAllBytes(shots), original.body());
        HttpResponse<byte[]> thumb = oz.download((String) set.get("thumb_url"), oz.token());
        assertEquals(200, thumb.code());
        assertEquals((byte) 0xFF, thumb.body()[0]);
    }

    /** The 3-s selfie turns left and never right: its frames show that whatever order the archive stores them in. */
    @Test
    void gesturesAreFollowedOverTheFramesInNameOrder() throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(3));
        Map<String, byte[]> shuffled = new LinkedHashMap<>();
        for (int i : order) {
            shuffled.put("shot_" + (i + 1) + ".jpg", frames.get(i));
        }
        Path scrambled = TestShotSets.write(dir, "scrambled.zip", TestShotSets.zip(shuffled));

        Reply left = oz.postFiles(
                "/api/instant/folders/",
                Map.of("shots", scrambled),
                payload("\"video_selfie\", \"video_selfie_left\"", "{\"type\": \"quality\"}"));
        assertEquals(200, left.status(), left.body().toString());
        Map<String, Object> gesture =
                object(object(firstResult(left).get("results_data")).get("gesture"));
        assertEquals(true, gesture.get("performed"), gesture.toString());
        assertEquals("SUCCESS", firstAnalysis(left).get("resolution"));

        Reply right = oz.postFiles(
                "/api/instant/folders/",
                Map.of("shots", scrambled),
                payload("\"video_selfie\", \"video_selfie_right\"", "{\"type\": \"quality\"}"));
        assertEquals("DECLINED", firstAnalysis(right).get("resolution"));
        assertEquals("GESTURE_NOT_PERFORMED", reason(firstAnalysis(right)));
    }

    @Test
    void aShotSetIsAnalysedInTheMultiStepFlow() throws Exception {
        String folderId = (String) oz.post("/api/folders/", "{}").body().get("folder_id");
        Reply added = oz.postFiles(
                "/api/folders/" + folderId + "/media/",
                Map.of("shots", shots),
                "{\"media:tags\": {\"shots\": [\"video_selfie\", \"video_selfie_blank\"]}}");
        assertEquals(201, added.status(), added.body().toString());
        assertEquals("SHOTS_FOLDER", added.items().getFirst().get("media_type"));

        Reply started = oz.post("/api/folders/" + folderId + "/analyses/", "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, started.status(), started.body().toString());
        String analysisId = (String) started.items().getFirst().get("analysis_id");
        Map<String, Object> analysis = Map.of();
        for (long deadline = System.currentTimeMillis() + 120_000;
                System.currentTimeMillis() < deadline;
                Thread.sleep(100)) {
            analysis = oz.get("/api/analyses/" + analysisId).body();
            if (!"PROCESSING".equals(analysis.get("resolution"))) {
                break;
            }
        }
        assertEquals("SUCCESS", analysis.get("resolution"), analysis.toString());
        assertEquals(
                added.items().getFirst().get("media_id"),
                list(analysis.get("results_media")).getFirst().get("source_shots_set_id"));
    }

    @Test
    void hostileArchivesAreRefusedAndLeaveNothing() throws Exception {
        byte[] frame = frames.getFirst();
        byte[] archiveInside = TestShotSets.zip(Map.of("frame_1.jpg", frame));
        Map<String, byte[]> manyFrames = new LinkedHashMap<>();
        byte[] tiny = TestShotSets.blankJpeg(16, 16);
        for (int i = 1; i <= 301; i++) {
            manyFrames.put("frame_" + i + ".jpg", tiny);
        }
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("bomb", new Object[] {TestShotSets.bomb(64), 400, "ZIP_BOMB"});
        cases.put("too much data", new Object[] {TestShotSets.tooMuchData(136), 400, "MEDIA_LIMIT_EXCEEDED"});
        cases.put("nested archive by name", new Object[] {
            TestShotSets.zip(Map.of("frame_1.jpg", frame, "more.zip", archiveInside)), 400, "NESTED_ARCHIVE"
        });
        cases.put(
                "nested archive by content",
                new Object[] {TestShotSets.zip(Map.of("frame_1.jpg", archiveInside)), 400, "NESTED_ARCHIVE"});
        cases.put(
                "parent path",
                new Object[] {TestShotSets.zip(Map.of("../../frame_1.jpg", frame)), 400, "UNSAFE_ENTRY_NAME"});
        cases.put(
                "absolute path",
                new Object[] {TestShotSets.zip(Map.of("/etc/frame_1.jpg", frame)), 400, "UNSAFE_ENTRY_NAME"});
        cases.put(
                "drive path",
                new Object[] {TestShotSets.zip(Map.of("C:\\frames\\frame_1.jpg", frame)), 400, "UNSAFE_ENTRY_NAME"});
        cases.put("not a frame", new Object[] {
            TestShotSets.zip(Map.of("frame_1.jpg", frame, "notes.txt", "hello".getBytes())),
            415,
            "UNSUPPORTED_MEDIA_TYPE"
        });
        cases.put("too many frames", new Object[] {TestShotSets.zip(manyFrames), 400, "MEDIA_LIMIT_EXCEEDED"});
        cases.put("too large a frame", new Object[] {
            TestShotSets.zip(Map.of("frame_1.jpg", TestShotSets.blankJpeg(4000, 3000))), 400, "MEDIA_LIMIT_EXCEEDED"
        });
        cases.put("no frames", new Object[] {TestShotSets.zip(Map.of()), 400, "EMPTY_SHOT_SET"});

        String folderId = (String) oz.post("/api/folders/", "{}").body().get("folder_id");
        Leftovers.Stored before = leftovers.stored();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Object[]> hostile : cases.entrySet()) {
            Path archive = TestShotSets.write(dir, UUID.randomUUID() + ".zip", (byte[]) hostile.getValue()[0]);
            String answers = "";
            for (Reply reply : List.of(
                    oz.postFolder(Map.of("shots", archive), payload("\"video_selfie\"", "{\"type\": \"quality\"}")),
                    oz.postFiles("/api/folders/" + folderId + "/media/", Map.of("shots", archive), null),
                    oz.postFiles(
                            "/api/instant/folders/",
                            Map.of("shots", archive),
                            payload("\"video_selfie\"", "{\"type\": \"quality\"}")))) {
                answers += reply.status() + " " + reply.errorCode() + "; ";
                if (reply.status() != (int) hostile.getValue()[1] || !hostile.getValue()[2].equals(reply.errorCode())) {
                    failures.add(hostile.getKey() + ": " + answers);
                }
            }
        }
        assertEquals(List.of(), failures);
        leftovers.assertNoneSince(before, "a refused shot set");
    }
}
