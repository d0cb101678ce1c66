package argus;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Shot sets (ZIP archives of frames) as the Oz Web SDK sends them, made from the frames of a real clip, and hostile
 * archives: bombs, nested archives, unsafe entry names, entries that are not frames, too many or too large frames.
 */
public final class TestShotSets {
    private TestShotSets() {}

    /** JPEG frames of the clip, at most {@code perSecond} a second, named {@code frame_1.jpg}, {@code frame_2.jpg}... */
    public static List<byte[]> frames(Path video, double perSecond) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            double next = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                double seconds = frame.timestamp / 1e6;
                if (seconds + 1e-6 >= next) {
                    frames.add(jpeg(converter.convert(frame)));
                    next += 1 / perSecond;
                }
            }
        }
        return frames;
    }

    /** The frames zipped under the given names ({@code %d} counts from 1), deflated. */
    public static byte[] zip(List<byte[]> frames, String namePattern) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            entries.put(namePattern.formatted(i + 1), frames.get(i));
        }
        return zip(entries);
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Path write(Path dir, String name, byte[] zip) throws IOException {
        return Files.write(dir.resolve(name), zip);
    }

    /** A plain image of the given size, as JPEG. */
    public static byte[] blankJpeg(int width, int height) {
        try (Mat image = new Mat(height, width, CV_8UC3, new Scalar(90, 120, 150, 0))) {
            return jpeg(image);
        }
    }

    /** One entry that inflates a thousandfold: megabytes of zeros behind a JPEG signature. */
    public static byte[] bomb(int inflatedMegabytes) {
        byte[] content = new byte[inflatedMegabytes << 20];
        content[0] = (byte) 0xFF;
        content[1] = (byte) 0xD8;
        content[2] = (byte) 0xFF;
        return zip(Map.of("frame_1.jpg", content));
    }

    /**
     * Valid frames padded after their end to 8 MB each, inflating about 45 times (well under a bomb's ratio) to
     * {@code totalMegabytes} in all: too much data, though no entry looks like a bomb.
     */
    public static byte[] tooMuchData(int totalMegabytes) {
        Random random = new Random(7);
        byte[] frame = blankJpeg(64, 64);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int perEntry = 8 << 20;
        for (int i = 0; (long) i * perEntry < (long) totalMegabytes << 20; i++) {
            byte[] content = new byte[perEntry];
            for (int block = 0; block < perEntry; block += 64 * 1024) {
                byte[] noise = new byte[1400];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, content, block, noise.length);
            }
            System.arraycopy(frame, 0, content, 0, frame.length);
            entries.put("frame_%d.jpg".formatted(i + 1), content);
        }
        return zip(entries);
    }

    private static byte[] jpeg(Mat image) {
        try (BytePointer encoded = new BytePointer()) {
            imencode(".jpg", image, encoded);
            byte[] bytes = new byte[(int) encoded.limit()];
            encoded.get(bytes);
            return bytes;
        }
    }
}
