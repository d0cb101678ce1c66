package argus.api;

import static argus.OzClient.firstAnalysis;
import static argus.OzClient.firstResult;
import static argus.OzClient.list;
import static argus.OzClient.number;
import static argus.OzClient.object;
import static argus.OzClient.reason;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import argus.bench.LabelledMedia;
import argus.bench.LivenessFit;
import argus.vision.FaceModels;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Oz single request, as a partner backend sends it, on the shared real media. */
@MicronautTest
class SingleRequestTest {
    private static final String SELFIE_PAYLOAD = """
            {
              "folder:meta_data": {"partner_side_folder_id": "abc-1", "person_info": {"first_name": "John", "last_name": "Doe"}},
              "media:meta_data": {"video1": {"foo": "bar"}},
              "media:tags": {"video1": ["video_selfie", "video_selfie_blank", "orientation_portrait"]},
              "analyses": [{"type": "quality", "meta_data": {"example1": "some_example1"},
                            "params": {"threshold_spoofing": 0.5, "extract_best_shot": true}}]
            }""";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    FaceModels models;

    OzClient oz;

    @BeforeEach
    void client() {
        oz = new OzClient(http);
    }

    @Test
    void realSelfieVideoPassesWithEveryContractField() {
        Reply reply = oz.postFolder(Map.of("video1", TestMedia.file("video/selfie-real-3s.mp4")), SELFIE_PAYLOAD);

        assertEquals(201, reply.status());
        Map<String, Object> folder = reply.body();
        assertEquals(
                Set.of(
                        "company_id",
                        "time_created",
                        "folder_id",
                        "user_id",
                        "resolution_endpoint",
                        "resolution_status",
                        "resolution_comment",
                        "system_resolution",
                        "meta_data",
                        "technical_meta_data",
                        "media",
                        "time_updated",
                        "analyses"),
                folder.keySet());
        assertUuid(folder.get("folder_id"));
        assertUuid(folder.get("company_id"));
        assertUuid(folder.get("user_id"));
        assertEpochSeconds(folder.get("time_created"));
        assertEpochSeconds(folder.get("time_updated"));
        assertNull(folder.get("resolution_endpoint"));
        assertEquals("FINISHED", folder.get("resolution_status"));
        assertEquals("[]", folder.get("resolution_comment"));
        assertEquals("SUCCESS", folder.get("system_resolution"));
        assertEquals("abc-1", object(folder.get("meta_data")).get("partner_side_folder_id"));
        assertEquals(
                "John",
                object(object(folder.get("meta_data")).get("person_info")).get("first_name"));

        Map<String, Object> media = list(folder.get("media")).getFirst();
        assertTrue(
                media.keySet()
                        .containsAll(Set.of(
                                "company_id",
                                "folder_id",
                                "folder_time_created",
                                "original_name",
                                "original_url",
                                "video_url",
                                "media_id",
                                "media_type",
                                "tags",
                                "info",
                                "time_created",
                                "time_updated",
                                "meta_data",
                                "thumb_url",
                                "image_id")),
                media.keySet().toString());
        assertEquals("VIDEO_FOLDER", media.get("media_type"));
        assertEquals("selfie-real-3s.mp4", media.get("original_name"));
        assertEquals(List.of("video_selfie", "video_selfie_blank", "orientation_portrait"), media.get("tags"));
        assertEquals(Map.of("foo", "bar"), media.get("meta_data"));
        assertEquals(folder.get("time_created"), media.get("folder_time_created"));
        Map<String, Object> info = object(media.get("info"));
        assertEquals(368, number(info.get("width")));
        assertEquals(656, number(info.get("height")));
        assertEquals(3.0, number(info.get("duration")), 0.05);
        assertEquals(30.0, number(info.get("fps")), 0.01);
        assertEquals("h264", info.get("codec"));
        assertUuid(media.get("image_id"));

        Map<String, Object> analysis = firstAnalysis(reply);
        assertTrue(
                analysis.keySet()
                        .containsAll(Set.of(
                                "company_id",
                                "group_id",
                                "folder_id",
                                "folder_time_created",
                                "analysis_id",
                                "state",
                                "resolution_operator",
                                "results_media",
                                "results_data",
                                "meta_data",
                                "time_created",
                                "time_updated",
                                "error_code",
                                "error_message",
                                "source_media",
                                "type",
                                "analyse_id",
                                "resolution_status",
                                "resolution")),
                analysis.keySet().toString());
        assertEquals("QUALITY", analysis.get("type"));
        assertEquals("FINISHED", analysis.get("state"));
        assertEquals("SUCCESS", analysis.get("resolution_status"));
        assertEquals("SUCCESS", analysis.get("resolution"));
        assertEquals(analysis.get("analysis_id"), analysis.get("analyse_id"));
        assertUuid(analysis.get("group_id"));
        assertNull(analysis.get("error_code"));
        assertEquals(Map.of("example1", "some_example1"), analysis.get("meta_data"));
        assertEquals(
                media.get("media_id"),
                list(analysis.get("source_media")).getFirst().get("media_id"));

        Map<String, Object> result = firstResult(reply);
        assertEquals(media.get("media_id"), result.get("source_media_id"));
        double spoofing = number(object(result.get("results_data")).get("confidence_spoofing"));
        assertTrue(spoofing >= 0 && spoofing < 0.5, "a real selfie scores " + spoofing);
        assertEquals("SUCCESS", result.get("resolution_status"));
        Map<String, Object> cues = object(object(result.get("results_data")).get("liveness_cues"));
        assertEquals(0.0, number(cues.get("enclosure")), "a selfie in a room shows no device frame");
        Map<String, Object> logOdds = object(cues.get("log_odds"));
        double combined =
                logOdds.values().stream().mapToDouble(OzClient::number).sum();
        assertEquals(
                spoofing,
                1 / (1 + Math.exp(-combined)),
                1e-4,
                "confidence_spoofing is the logistic of the cues' log-odds");
    }

    @Test
    void replayVideosAreDeclined() {
        for (String video : List.of("video/replay-monitor.mp4", "video/replay-phone.mp4")) {
            Reply reply =
                    oz.postFolder(Map.of("video1", TestMedia.file(video)), "{\"analyses\": [{\"type\": \"QUALITY\"}]}");
            assertEquals(201, reply.status());
            assertEquals("DECLINED", reply.body().get("system_resolution"), video);
            assertEquals("DECLINED", firstAnalysis(reply).get("resolution"), video);
            double spoofing =
                    number(object(firstResult(reply).get("results_data")).get("confidence_spoofing"));
            assertTrue(spoofing >= 0.5, video + " scores " + spoofing);
        }
    }

    /**
     * The liveness figures a new customer would see, guarded from regressing: every labelled face photo of the shared
     * set goes through the API; each verdict agrees with its score (DECLINED exactly from the threshold); and the cues
     * (as {@code liveness_cues} reports them) are scored with the calibration fitted on the other sources only, with
     * the cues the shipped calibration weighs — the evaluation command's leave-one-source-out. The floors are those
     * figures as measured on the whole set (17 sources, 130 attack and 132 bona fide photos): 26 attacks accepted, 27
     * bona fide photos refused of which 2 not judged (several faces found in a crop), ROC AUC 0.8487.
     */
    @Test
    void sharedLivenessPhotosKeepTheirLeaveOneSourceOutFigures() throws IOException {
        List<String> weighted = models.liveness().calibration().cueWeights().entrySet().stream()
                .filter(cue -> cue.getValue() != 0)
                .map(Map.Entry::getKey)
                .toList();
        List<LivenessFit.Item> items = new java.util.ArrayList<>();
        for (LabelledMedia photo : LabelledMedia.faceCaptures().stream()
                .filter(media -> !media.video())
                .toList()) {
            Reply reply = oz.postFolder(Map.of("photo1", photo.file()), "{\"analyses\": [{\"type\": \"quality\"}]}");
            assertEquals(201, reply.status());
            Map<String, Object> result = firstResult(reply);
            Map<String, Object> data = object(result.get("results_data"));
            if (data != null && data.get("confidence_spoofing") instanceof Number spoofing && reason(result) == null) {
                assertEquals(
                        spoofing.doubleValue() >= 0.5 ? "DECLINED" : "SUCCESS",
                        result.get("resolution_status"),
                        photo.path());
            }
            Map<String, Object> cues = data == null ? null : object(data.get("liveness_cues"));
            items.add(
                    cues == null
                            ? new LivenessFit.Item(
                                    photo.path(),
                                    photo.source(),
                                    photo.label(),
                                    false,
                                    Double.NaN,
                                    Map.of(),
                                    (String) reason(firstAnalysis(reply)),
                                    "ATTACK_BESIDE_LIVE_FACE".equals(reason(result)))
                            : new LivenessFit.Item(
                                    photo.path(),
                                    photo.source(),
                                    photo.label(),
                                    false,
                                    number(cues.get("model_log_odds")),
                                    weighted.stream()
                                            .collect(java.util.stream.Collectors.toMap(
                                                    cue -> cue, cue -> number(cues.get(cue)))),
                                    null,
                                    false));
        }
        LivenessFit.Rates rates = LivenessFit.rates(items, LivenessFit.leaveOneSourceOut(items, weighted), 0.5);
        assertEquals(130, rates.attacks());
        assertEquals(132, rates.bonaFide());
        String measured = "APCER %d/%d, BPCER %d/%d (%d not judged), ROC AUC %.4f"
                .formatted(
                        rates.attacksAccepted(),
                        rates.attacks(),
                        rates.bonaFideRefused(),
                        rates.bonaFide(),
                        rates.bonaFideNotJudged(),
                        rates.auc());
        assertTrue(rates.attacksAccepted() <= 26, measured);
        assertTrue(rates.bonaFideRefused() <= 27, measured);
        assertTrue(rates.bonaFideNotJudged() <= 2, measured);
        assertTrue(rates.auc() >= 0.848, measured);
    }

    @Test
    void samePersonMatchesAndStrangersDoNot() {
        Reply same = oz.postFolder(
                Map.of(
                        "photo1",
                        TestMedia.file("match/df-a/img1.jpg"),
                        "photo2",
                        TestMedia.file("match/df-a/img2.jpg")),
                "{\"analyses\": [{\"type\": \"biometry\"}]}");
        assertEquals(201, same.status());
        assertEquals("SUCCESS", firstAnalysis(same).get("resolution"));
        assertTrue(number(object(firstAnalysis(same).get("results_data")).get("min_confidence")) >= 0.85);

        Reply strangers = oz.postFolder(
                Map.of(
                        "photo1",
                        TestMedia.file("match/df-a/img1.jpg"),
                        "photo2",
                        TestMedia.file("match/df-b/img3.jpg")),
                "{\"analyses\": [{\"type\": \"biometry\"}]}");
        assertEquals("DECLINED", firstAnalysis(strangers).get("resolution"));
        assertEquals("DECLINED", strangers.body().get("system_resolution"));
        assertTrue(number(object(firstAnalysis(strangers).get("results_data")).get("max_confidence")) < 0.5);
    }

    @Test
    void videoAndPhotoOfTheSamePersonMatchWhileLivenessRuns() {
        Reply reply = oz.postFolder(
                Map.of(
                        "video1",
                        TestMedia.file("video/selfie-real-3s.mp4"),
                        "photo1",
                        TestMedia.file("liveness/real/tv-real-02.jpg")),
                "{\"media:tags\": {\"photo1\": [\"photo_selfie\"]}, \"analyses\": [{\"type\": \"quality\"}, {\"type\": \"biometry\"}]}");
        assertEquals(201, reply.status());
        List<Map<String, Object>> analyses = list(reply.body().get("analyses"));
        assertEquals(
                List.of("QUALITY", "BIOMETRY"),
                analyses.stream().map(a -> a.get("type")).toList());
        assertEquals(
                "SUCCESS", analyses.get(1).get("resolution"), analyses.get(1).toString());
        assertEquals(2, list(analyses.get(0).get("results_media")).size());
        assertEquals(analyses.get(0).get("group_id"), analyses.get(1).get("group_id"));
    }

    @Test
    void faceLessAndCrowdedMediaFailWithAReason() {
        Reply noFace = oz.postFolder(
                Map.of("photo1", TestMedia.file("nonface/fruits.jpg")), "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, noFace.status());
        assertEquals("FAILED", firstAnalysis(noFace).get("resolution"));
        assertEquals("FINISHED", firstAnalysis(noFace).get("state"));
        assertEquals("NO_FACE_DETECTED", reason(firstAnalysis(noFace)));
        assertNotNull(firstAnalysis(noFace).get("error_message"));
        assertEquals("FAILED", noFace.body().get("system_resolution"));

        Reply crowd = oz.postFolder(
                Map.of("video1", TestMedia.file("video/stage-multiface.mp4")),
                "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals("MULTIPLE_FACES", reason(firstResult(crowd)));
        assertEquals("FAILED", firstAnalysis(crowd).get("resolution"));
    }

    @Test
    void biometryNeedsTwoMedia() {
        Reply reply = oz.postFolder(
                Map.of("photo1", TestMedia.file("match/df-a/img1.jpg")), "{\"analyses\": [{\"type\": \"biometry\"}]}");
        assertEquals(201, reply.status());
        assertEquals("FAILED", firstAnalysis(reply).get("resolution"));
        Map<String, Object> photo = list(reply.body().get("media")).getFirst();
        assertEquals("IMAGE_FOLDER", photo.get("media_type"));
        assertNull(photo.get("video_url"));
        assertEquals("BIOMETRY_NEEDS_TWO_MEDIA", reason(firstAnalysis(reply)));
    }

    @Test
    void folderReadsBackAndFilesDownloadWithTheToken() {
        Reply created = oz.postFolder(Map.of("video1", TestMedia.file("video/selfie-real-3s.mp4")), SELFIE_PAYLOAD);
        Reply read = oz.getFolder(created.body().get("folder_id"));
        assertEquals(200, read.status());
        assertEquals(created.body(), read.body());

        Map<String, Object> media = list(created.body().get("media")).getFirst();
        HttpResponse<byte[]> original = oz.download((String) media.get("original_url"), oz.token());
        assertEquals(200, original.code());
        assertArrayEquals(readAll("video/selfie-real-3s.mp4"), original.body());
        assertEquals(401, oz.download((String) media.get("original_url"), null).code());
        assertEquals(media.get("original_url"), media.get("video_url"));

        HttpResponse<byte[]> thumb = oz.download((String) media.get("thumb_url"), oz.token());
        assertEquals(200, thumb.code());
        assertJpeg(thumb.body());

        Map<String, Object> bestShot =
                list(firstResult(created).get("output_images")).getFirst();
        HttpResponse<byte[]> shot = oz.download((String) bestShot.get("original_url"), oz.token());
        assertEquals(200, shot.code());
        assertJpeg(shot.body());

        assertEquals(404, oz.getFolder(UUID.randomUUID()).status());
        assertEquals("NOT_FOUND", oz.getFolder(UUID.randomUUID()).errorCode());
    }

    @Test
    void withoutAnalysesTheFolderIsCreatedWithItsMedia() {
        Reply reply = oz.postFolder(
                Map.of("photo1", TestMedia.file("match/df-c/img13.jpg")),
                "{\"folder:meta_data\": {\"k\": 1}, \"media:tags\": {\"photo1\": [\"photo_id_front\"]}}");
        assertEquals(201, reply.status());
        assertEquals("INITIAL", reply.body().get("resolution_status"));
        assertEquals("INITIAL", reply.body().get("system_resolution"));
        assertEquals(List.of(), reply.body().get("analyses"));
        Map<String, Object> media = list(reply.body().get("media")).getFirst();
        assertEquals("IMAGE_FOLDER", media.get("media_type"));
        assertEquals("jpeg", object(media.get("info")).get("codec"));
        assertEquals(
                200, oz.download((String) media.get("thumb_url"), oz.token()).code());
    }

    private static byte[] readAll(String media) {
        try {
            return java.nio.file.Files.readAllBytes(TestMedia.file(media));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertJpeg(byte[] bytes) {
        assertTrue(bytes.length > 100 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8, "not a JPEG");
    }

    private static void assertUuid(Object value) {
        assertInstanceOf(String.class, value);
        assertNotNull(UUID.fromString((String) value));
    }

    /** Unix seconds as a number with a fractional part, within a minute of now. */
    private static void assertEpochSeconds(Object value) {
        assertInstanceOf(Number.class, value);
        double seconds = number(value);
        assertTrue(Math.abs(seconds - System.currentTimeMillis() / 1000.0) < 60, "not a current epoch time: " + value);
    }
}
