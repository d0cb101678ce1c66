package argus.vision;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.TestMedia;
import argus.TestVideos;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding of every accepted container and photo format, upright whatever the orientation metadata says. */
@MicronautTest(startApplication = false)
class MediaDecodingTest {
    @Inject
    MediaOpener opener;

    @Inject
    FaceModels models;

    @TempDir
    Path temp;

    private final Path selfie = TestMedia.file("video/selfie-real-3s.mp4");

    @ParameterizedTest
    @CsvSource({
        "mp4,libopenh264,h264",
        "mov,libopenh264,h264",
        "webm,libvpx,vp8",
        "matroska,libvpx-vp9,vp9",
        "avi,mpeg4,mpeg4"
    })
    void everyContainerDecodesToUprightFacesWithProbeData(String format, String encoder, String codec)
            throws Exception {
        Path clip = TestVideos.encode(selfie, temp.resolve("clip." + format), format, encoder, -1, 0, 0, 0, 3);
        try (MediaSource source = opener.open(clip);
                FrameSeries media = source.sample(8)) {
            MediaInfo info = source.info();
            assertEquals(MediaKind.VIDEO, info.kind());
            assertEquals(codec, info.codec());
            assertEquals(368, info.width());
            assertEquals(656, info.height());
            assertEquals(30, info.fps(), 0.5);
            assertEquals(3.0, info.durationSeconds(), 0.2);
            assertEquals(8, media.frames().size());
            assertTrue(media.frames().getLast().timestampSeconds() > 2.5);
            assertFacesInEveryFrame(media);
        }
    }

    /**
     * A WebM written as a live stream, the way a browser's MediaRecorder writes one: no duration in its header and no
     * index. Its length is measured from its packets, so the samples spread over the whole clip, not its first frames.
     */
    @Test
    void aWebmWithoutADeclaredDurationIsSampledOverItsWholeLength() throws Exception {
        Path clip = TestVideos.encode(
                selfie,
                temp.resolve("recorded.webm"),
                new TestVideos.Encoding("webm", "libvpx", 2_000_000, java.util.Map.of(), java.util.Map.of("live", "1")),
                -1,
                0,
                0,
                0,
                3);
        try (MediaSource source = opener.open(clip);
                FrameSeries media = source.sample(8)) {
            assertEquals(3.0, source.info().durationSeconds(), 0.2);
            assertEquals(8, media.frames().size());
            assertTrue(media.frames().getLast().timestampSeconds() > 2.5, "the last sample near the end");
        }
    }

    @Test
    void displayMatrixRotationIsApplied() throws Exception {
        // stored with the head to the left, as phones record portrait video; the display matrix turns it back
        Path clip = TestVideos.encode(
                selfie, temp.resolve("rotated.mp4"), "mp4", "libopenh264", ROTATE_90_COUNTERCLOCKWISE, -90, 0, 0, 3);
        try (MediaSource source = opener.open(clip);
                FrameSeries media = source.sample(4)) {
            assertEquals(90, source.info().rotation());
            assertEquals(368, source.info().width());
            assertEquals(656, source.info().height());
            assertEquals(368, media.frames().getFirst().width());
            assertFacesInEveryFrame(media);
        }
    }

    @Test
    void pngAndWebpPhotosDecode() throws Exception {
        Mat photo = imread(TestMedia.file("match/df-a/img2.jpg").toString());
        for (String extension : new String[] {".png", ".webp"}) {
            Path file = temp.resolve("photo" + extension);
            Files.write(file, encode(photo, extension));
            try (MediaSource source = opener.open(file);
                    FrameSeries media = source.sample(8)) {
                assertEquals(MediaKind.IMAGE, source.info().kind());
                assertEquals(extension.substring(1), source.info().codec());
                assertEquals(photo.cols(), source.info().width());
                assertEquals(1, media.frames().size());
                assertFacesInEveryFrame(media);
            }
        }
    }

    @Test
    void exifOrientationIsApplied() throws Exception {
        Mat photo = imread(TestMedia.file("match/df-a/img2.jpg").toString());
        Mat sideways = new Mat();
        rotate(photo, sideways, ROTATE_90_COUNTERCLOCKWISE);
        Path file = temp.resolve("exif.jpg");
        Files.write(file, withExifOrientation(encode(sideways, ".jpg"), 6));
        try (MediaSource source = opener.open(file);
                FrameSeries media = source.sample(1)) {
            assertEquals(90, source.info().rotation());
            assertEquals(photo.cols(), source.info().width());
            assertEquals(photo.rows(), source.info().height());
            assertFacesInEveryFrame(media);
        }
        try (MediaSource source = opener.open(TestMedia.file("match/df-a/img2.jpg"))) {
            assertEquals(0, source.info().rotation());
        }
    }

    @Test
    void previewIsTheFirstFrame() {
        try (MediaSource source = opener.open(selfie);
                FrameSeries media = source.preview()) {
            assertEquals(1, media.frames().size());
            assertEquals(0.0, media.frames().getFirst().timestampSeconds(), 0.05);
        }
    }

    private void assertFacesInEveryFrame(FrameSeries media) {
        for (Frame frame : media.frames()) {
            assertFalse(
                    models.detector().detect(frame.image()).isEmpty(),
                    "no upright face at " + frame.timestampSeconds() + " s");
        }
    }

    private static byte[] encode(Mat image, String extension) {
        try (BytePointer buffer = new BytePointer()) {
            assertTrue(imencode(extension, image, buffer));
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }

    /** Inserts an EXIF APP1 segment holding only the orientation tag right after the JPEG's SOI marker. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {
            'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
