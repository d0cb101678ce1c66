package argus.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** A JPEG, PNG or WebP photo; OpenCV decodes it and applies its EXIF orientation. */
public final class ImageSource implements MediaSource {
    private final MediaData data;
    private final MediaInfo info;
    private final int maxFrameSide;

    ImageSource(MediaData data, ImageHeader header, MediaLimits limits) {
        long pixels = (long) header.width() * header.height();
        if (header.width() <= 0 || header.height() <= 0) {
            throw MediaRejectedException.corrupt("photo declares an empty picture");
        }
        if (pixels > limits.maxImagePixels()) {
            throw MediaRejectedException.limitExceeded("photo of %dx%d exceeds the limit of %d pixels"
                    .formatted(header.width(), header.height(), limits.maxImagePixels()));
        }
        this.data = data;
        this.maxFrameSide = limits.maxFrameSide();
        this.info = new MediaInfo(
                MediaKind.IMAGE,
                "image",
                header.format(),
                header.displayWidth(),
                header.displayHeight(),
                null,
                null,
                header.rotation(),
                1L);
    }

    @Override
    public MediaInfo info() {
        return info;
    }

    @Override
    public FrameSeries sample(int count) {
        byte[] bytes = data.readAll();
        Mat decoded;
        try (BytePointer data = new BytePointer(bytes);
                Mat encoded = new Mat(1, bytes.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, data)) {
            decoded = imdecode(encoded, reducedReadMode());
        }
        if (decoded == null || decoded.empty()) {
            throw MediaRejectedException.corrupt("the photo cannot be decoded");
        }
        return new DecodedMedia(info, List.of(new Frame(0, 0, Frames.fitWithin(decoded, maxFrameSide))));
    }

    @Override
    public FrameSeries preview() {
        return sample(1);
    }

    /** JPEG decoders scale by 1/2, 1/4 or 1/8 almost for free: never decode more pixels than the analyses keep. */
    private int reducedReadMode() {
        int longSide = Math.max(info.width(), info.height());
        if (longSide >= maxFrameSide * 8) {
            return IMREAD_REDUCED_COLOR_8;
        }
        if (longSide >= maxFrameSide * 4) {
            return IMREAD_REDUCED_COLOR_4;
        }
        if (longSide >= maxFrameSide * 2) {
            return IMREAD_REDUCED_COLOR_2;
        }
        return IMREAD_COLOR;
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }
}
