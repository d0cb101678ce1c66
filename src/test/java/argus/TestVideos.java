package argus;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Re-encodes a real clip into other containers, codecs, sizes and orientations, for decoder tests and benchmarks; sets
 * two clips side by side (a replay held up beside a live person); and films a still photo turned as a flat print
 * would be — each to test the mechanics of that case, never to fit anything.
 */
public final class TestVideos {
    private TestVideos() {}

    /** Options for the encoder, e.g. {@code coder=cabac}, {@code profile=high}, and for the muxer, e.g. {@code movflags=faststart}. */
    public record Encoding(
            String format,
            String codec,
            int bitrate,
            java.util.Map<String, String> options,
            java.util.Map<String, String> muxerOptions) {

        public Encoding(String format, String codec, int bitrate, java.util.Map<String, String> options) {
            this(format, codec, bitrate, options, java.util.Map.of());
        }
    }

    public static Path encode(
            Path source,
            Path target,
            String format,
            String codec,
            int rotateStored,
            double displayRotation,
            int width,
            int height,
            double maxSeconds)
            throws Exception {
        return encode(
                source,
                target,
                new Encoding(format, codec, 2_000_000, java.util.Map.of()),
                rotateStored,
                displayRotation,
                width,
                height,
                maxSeconds);
    }

    /**
     * @param rotateStored OpenCV rotate code applied to every stored picture, or -1
     * @param displayRotation counter-clockwise degrees written to the display matrix (0 for none)
     * @param width        stored width before rotation (0 keeps the source size); height follows the aspect ratio
     */
    public static Path encode(
            Path source,
            Path target,
            Encoding encoding,
            int rotateStored,
            double displayRotation,
            int width,
            int height,
            double maxSeconds)
            throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            int w = width > 0 ? width : grabber.getImageWidth();
            int h = height > 0 ? height : grabber.getImageHeight();
            boolean sideways = rotateStored == 0 || rotateStored == 2;
            try (FFmpegFrameRecorder recorder =
                    new FFmpegFrameRecorder(target.toFile(), sideways ? h : w, sideways ? w : h)) {
                recorder.setFormat(encoding.format());
                recorder.setVideoCodecName(encoding.codec());
                recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(grabber.getFrameRate());
                recorder.setVideoBitrate(encoding.bitrate());
                encoding.options().forEach(recorder::setVideoOption);
                encoding.muxerOptions().forEach(recorder::setOption);
                if (displayRotation != 0) {
                    recorder.setDisplayRotation(displayRotation);
                }
                recorder.start();
                Frame frame;
                while ((frame = grabber.grabImage()) != null && frame.timestamp <= maxSeconds * 1_000_000) {
                    Mat picture = converter.convert(frame);
                    Mat sized = new Mat();
                    resize(picture, sized, new Size(w, h), 0, 0, INTER_CUBIC);
                    if (rotateStored >= 0) {
                        Mat turned = new Mat();
                        rotate(sized, turned, rotateStored);
                        sized = turned;
                    }
                    recorder.record(converter.convert(sized));
                }
                recorder.stop();
            }
        }
        return target;
    }

    /**
     * A still photo filmed as a print turned before a pinhole camera: the plane turns about its vertical axis from 0 to
     * {@code degrees} and back over {@code seconds} (H.264 in mp4, 25 frames per second).
     */
    public static Path turnedStill(Path photo, Path target, double degrees, double seconds) throws Exception {
        Mat still = org.bytedeco.opencv.global.opencv_imgcodecs.imread(photo.toString());
        int w = still.cols() & ~1;
        int h = still.rows() & ~1;
        double focal = 1.5 * w;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), w, h);
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libx264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(25);
            recorder.setVideoBitrate(4_000_000);
            recorder.start();
            int frames = (int) Math.round(seconds * 25);
            for (int i = 0; i < frames; i++) {
                double yaw = Math.toRadians(degrees * Math.sin(Math.PI * i / (frames - 1)));
                float[] corners = {0, 0, w, 0, w, h, 0, h};
                float[] turned = new float[8];
                for (int c = 0; c < 4; c++) {
                    double x = corners[2 * c] - w / 2.0;
                    double y = corners[2 * c + 1] - h / 2.0;
                    double depth = focal + x * Math.sin(yaw);
                    turned[2 * c] = (float) (w / 2.0 + focal * x * Math.cos(yaw) / depth);
                    turned[2 * c + 1] = (float) (h / 2.0 + focal * y / depth);
                }
                Mat warp = org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform(
                        new Mat(
                                4,
                                1,
                                org.bytedeco.opencv.global.opencv_core.CV_32FC2,
                                new org.bytedeco.javacpp.FloatPointer(corners)),
                        new Mat(
                                4,
                                1,
                                org.bytedeco.opencv.global.opencv_core.CV_32FC2,
                                new org.bytedeco.javacpp.FloatPointer(turned)));
                Mat frame = new Mat();
                org.bytedeco.opencv.global.opencv_imgproc.warpPerspective(
                        still,
                        frame,
                        warp,
                        new Size(w, h),
                        INTER_CUBIC,
                        org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT,
                        new org.bytedeco.opencv.opencv_core.Scalar(128, 128, 128, 0));
                recorder.record(converter.convert(frame));
            }
            recorder.stop();
        }
        return target;
    }

    /** Two clips of the same height side by side, frame by frame, for as long as both last (H.264 in mp4). */
    public static Path sideBySide(Path left, Path right, Path target) throws Exception {
        try (FFmpegFrameGrabber a = new FFmpegFrameGrabber(left.toFile());
                FFmpegFrameGrabber b = new FFmpegFrameGrabber(right.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            a.start();
            b.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(
                    target.toFile(), a.getImageWidth() + b.getImageWidth(), a.getImageHeight())) {
                recorder.setFormat("mp4");
                recorder.setVideoCodecName("libx264");
                recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(a.getFrameRate());
                recorder.setVideoBitrate(4_000_000);
                recorder.start();
                Frame fa;
                Frame fb;
                while ((fa = a.grabImage()) != null && (fb = b.grabImage()) != null) {
                    Mat joined = new Mat();
                    Mat pa = converter.convert(fa).clone();
                    Mat pb = converter.convert(fb);
                    org.bytedeco.opencv.global.opencv_core.hconcat(
                            new org.bytedeco.opencv.opencv_core.MatVector(pa, pb), joined);
                    recorder.record(converter.convert(joined));
                }
                recorder.stop();
            }
        }
        return target;
    }
}
