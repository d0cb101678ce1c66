package argus.api;

import static argus.OzClient.firstAnalysis;
import static argus.OzClient.firstResult;
import static argus.OzClient.number;
import static argus.OzClient.object;
import static argus.OzClient.reason;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.hconcat;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each liveness cue on the media that shows it: faces that fill the picture, a bowed head, a device held up on its side,
 * a screen held up beside a live face, and the frame of a device around a replayed face (and the rooms it must not
 * take for one). Where no real media
 * shows a case (a phone on its side, a screen beside a live person), real photos are turned or set side by side:
 * that tests the mechanics, it fits nothing.
 */
@MicronautTest
class LivenessCuesTest {
    private static final String QUALITY = "{\"analyses\": [{\"type\": \"quality\"}]}";

    @Inject
    @Client("/")
    HttpClient http;

    @TempDir
    Path temp;

    private Reply quality(Path photo) {
        Reply reply = new OzClient(http).postFolder(Map.of("photo1", photo), QUALITY);
        assertEquals(201, reply.status(), reply.body().toString());
        return reply;
    }

    private static Map<String, Object> results(Reply reply) {
        return object(firstResult(reply).get("results_data"));
    }

    @Test
    void aBowedHeadIsFoundByLookingAgainWithAMargin() {
        Reply reply = quality(TestMedia.file("liveness/real/tv-real-13.jpg"));
        assertEquals(
                "SUCCESS", firstAnalysis(reply).get("resolution"), reply.body().toString());
    }

    /**
     * A face that fills the whole picture (a tight crop) is found and judged like any other: held out, the networks
     * judge such crops about as well as faces with surroundings, so they are not refused.
     */
    @Test
    void aFaceFillingThePictureIsFoundAndJudged() {
        for (String photo : new String[] {
            "liveness/real/vk-real-02.png", "liveness/spoof/vk-spoof-03.png", "liveness/real/js-real-crop-04.jpg"
        }) {
            Reply reply = quality(TestMedia.file(photo));
            assertEquals("FINISHED", firstAnalysis(reply).get("state"), photo);
            assertTrue(results(reply).get("confidence_spoofing") instanceof Number, photo + " " + reply.body());
        }
    }

    @Test
    void aReplayOnADeviceTurnedOnItsSideIsJudgedAnAttack() throws Exception {
        Path turned = temp.resolve("replay-on-its-side.jpg");
        try (Mat replay =
                        imread(TestMedia.file("liveness/spoof/tv-replay-03.jpg").toString());
                Mat side = new Mat()) {
            rotate(replay, side, ROTATE_90_CLOCKWISE);
            imwrite(turned.toString(), side);
        }
        Reply reply = quality(turned);
        assertEquals(
                "DECLINED", firstAnalysis(reply).get("resolution"), reply.body().toString());
        assertEquals(1, number(object(results(reply).get("liveness_cues")).get("frames_turned")));
    }

    @Test
    void aScreenHeldUpBesideALiveFaceIsAnAttackWhileTwoLivePeopleAreACaptureError() throws Exception {
        Reply beside = quality(sideBySide("liveness/real/ls-real-01.jpg", "liveness/spoof/ls-replay-01.jpg"));
        assertEquals(
                "DECLINED",
                firstAnalysis(beside).get("resolution"),
                beside.body().toString());
        assertEquals("DECLINED", beside.body().get("system_resolution"));
        assertEquals(
                "ATTACK_BESIDE_LIVE_FACE",
                reason(firstResult(beside)),
                beside.body().toString());
        assertTrue(number(results(beside).get("confidence_spoofing")) >= 0.5);

        Reply twoPeople = quality(sideBySide("liveness/real/ls-real-01.jpg", "liveness/real/ls-real-02.jpg"));
        assertEquals(
                "FAILED",
                firstAnalysis(twoPeople).get("resolution"),
                twoPeople.body().toString());
        assertEquals("MULTIPLE_FACES", reason(firstAnalysis(twoPeople)));
    }

    private Path sideBySide(String left, String right) {
        Path composed = temp.resolve("side-by-side-" + System.nanoTime() + ".jpg");
        try (Mat a = imread(TestMedia.file(left).toString());
                Mat b = imread(TestMedia.file(right).toString());
                MatVector both = new MatVector(a, b);
                Mat joined = new Mat()) {
            hconcat(both, joined);
            imwrite(composed.toString(), joined);
        }
        return composed;
    }

    /**
     * The device-frame cue on real media of both classes: the bezel of a phone held up with a replayed face closes
     * around it on four sides; the straight lines of rooms behind real people — a picture frame behind the head,
     * shelves, a cot's bars, a door frame — do not, because the person's shoulders cross them below the face.
     */
    @Test
    void aDeviceFrameAroundAReplayedFaceIsSeenAndTheLinesOfARoomAreNot() {
        Map<String, Object> replay = object(results(quality(TestMedia.file("liveness/spoof/td-replay-09.jpg")))
                .get("liveness_cues"));
        assertTrue(number(replay.get("enclosure")) >= 0.75, replay.toString());
        for (String photo : new String[] {
            "liveness/real/sj-real-04.jpg",
            "liveness/real/sv-real-14.jpg",
            "liveness/real/sv-real-17.jpg",
            "liveness/real/cf-real-06.jpg"
        }) {
            Map<String, Object> cues =
                    object(results(quality(TestMedia.file(photo))).get("liveness_cues"));
            assertEquals(0.0, number(cues.get("enclosure")), photo + " " + cues);
        }
    }

    /**
     * The moiré cue on real media of both classes: a phone replay's face carries a strong periodic pattern, a plain
     * selfie none; and it fires on some real photos too (a real person before a patterned wall), which is why its
     * fitted weight is small and it never decides on its own.
     */
    @Test
    void moireFiresOnAReplayAndOnSomeRealPhotosWithASmallWeight() {
        Map<String, Object> replay = object(results(quality(TestMedia.file("liveness/spoof/mk-replay-09.jpg")))
                .get("liveness_cues"));
        assertTrue(number(replay.get("moire")) > 0.9, replay.toString());
        assertTrue(number(object(replay.get("log_odds")).get("moire")) > 0, replay.toString());
        Map<String, Object> plain = object(
                results(quality(TestMedia.file("liveness/real/cf-real-03.jpg"))).get("liveness_cues"));
        assertEquals(0.0, number(plain.get("moire")), plain.toString());
        Reply patterned = quality(TestMedia.file("liveness/real/sj-real-04.jpg"));
        Map<String, Object> cues = object(results(patterned).get("liveness_cues"));
        assertTrue(number(cues.get("moire")) > 0.9, cues.toString());
        assertTrue(number(object(cues.get("log_odds")).get("moire")) < 0.25, cues.toString());
    }
}
