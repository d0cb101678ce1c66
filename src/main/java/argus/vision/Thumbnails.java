package argus.vision;

import static org.bytedeco.opencv.global.opencv_core.hconcat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/** JPEG encoding of frames: previews of uploads and images produced by analyses. */
public final class Thumbnails {
    public static final int PREVIEW_SIDE = 320;

    private Thumbnails() {}

    /** The frame scaled down to fit {@code maxSide} (never up), as JPEG. */
    public static byte[] jpeg(Mat bgr, int maxSide, int quality) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(bgr.cols(), bgr.rows()));
        try (Mat scaled = new Mat();
                BytePointer encoded = new BytePointer();
                IntPointer parameters = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            Mat source = bgr;
            if (scale < 1.0) {
                resize(
                        bgr,
                        scaled,
                        new Size((int) Math.round(bgr.cols() * scale), (int) Math.round(bgr.rows() * scale)),
                        0,
                        0,
                        INTER_AREA);
                source = scaled;
            }
            if (!imencode(".jpg", source, encoded, parameters)) {
                throw new IllegalStateException("JPEG encoding failed");
            }
            byte[] bytes = new byte[(int) encoded.limit()];
            encoded.get(bytes);
            return bytes;
        }
    }

    /** The frames side by side, each scaled to {@code height} pixels high, as one JPEG (a shot set at a glance). */
    public static byte[] strip(List<Mat> frames, int height, int quality) {
        MatVector scaled = new MatVector(frames.size());
        try (Mat joined = new Mat()) {
            for (int i = 0; i < frames.size(); i++) {
                Mat frame = frames.get(i);
                Mat resized = new Mat();
                resize(
                        frame,
                        resized,
                        new Size((int) Math.round(frame.cols() * (double) height / frame.rows()), height),
                        0,
                        0,
                        INTER_AREA);
                scaled.put(i, resized);
            }
            hconcat(scaled, joined);
            return jpeg(joined, Integer.MAX_VALUE, quality);
        } finally {
            for (long i = 0; i < scaled.size(); i++) {
                scaled.get(i).close();
            }
            scaled.close();
        }
    }
}
