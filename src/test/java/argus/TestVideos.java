package argus;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Re-encodes a real clip into other containers, codecs, sizes and orientations, for decoder tests and benchmarks, and
 * sets two clips side by side (a replay held up beside a live person) to test the mechanics of that case.
 */
public final class TestVideos {
    private TestVideos() {
    }

    /** Options for the encoder, e.g. {@code coder=cabac}, {@code profile=high}, and for the muxer, e.g. {@code movflags=faststart}. */
    public record Encoding(String format, String codec, int bitrate, java.util.Map<String, String> options,
                           java.util.Map<String, String> muxerOptions) {

        public Encoding(String format, String codec, int bitrate, java.util.Map<String, String> options) {
            this(format, codec, bitrate, options, java.util.Map.of());
        }
    }

    public static Path encode(Path source, Path target, String format, String codec, int rotateStored, double displayRotation,
                              int width, int height, double maxSeconds) throws Exception {
        return encode(source, target, new Encoding(format, codec, 2_000_000, java.util.Map.of()), rotateStored, displayRotation, width, height, maxSeconds);
    }

    /**
     * @param rotateStored OpenCV rotate code applied to every stored picture, or -1
     * @param displayRotation counter-clockwise degrees written to the display matrix (0 for none)
     * @param width        stored width before rotation (0 keeps the source size); height follows the aspect ratio
     */
    public static Path encode(Path source, Path target, Encoding encoding, int rotateStored, double displayRotation,
                              int width, int height, double maxSeconds) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            int w = width > 0 ? width : grabber.getImageWidth();
            int h = height > 0 ? height : grabber.getImageHeight();
            boolean sideways = rotateStored == 0 || rotateStored == 2;
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), sideways ? h : w, sideways ? w : h)) {
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

    /** Two clips of the same height side by side, frame by frame, for as long as both last (H.264 in mp4). */
    public static Path sideBySide(Path left, Path right, Path target) throws Exception {
        try (FFmpegFrameGrabber a = new FFmpegFrameGrabber(left.toFile()); FFmpegFrameGrabber b = new FFmpegFrameGrabber(right.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            a.start();
            b.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), a.getImageWidth() + b.getImageWidth(), a.getImageHeight())) {
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
                    org.bytedeco.opencv.global.opencv_core.hconcat(new org.bytedeco.opencv.opencv_core.MatVector(pa, pb), joined);
                    recorder.record(converter.convert(joined));
                }
                recorder.stop();
            }
        }
        return target;
    }
}
