package argus.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Small picture operations shared by the decoders. */
final class Frames {
    private Frames() {}

    /** The picture itself when it fits in {@code maxSide}, else a downscaled copy (the original is released). */
    static Mat fitWithin(Mat image, int maxSide) {
        int longSide = Math.max(image.cols(), image.rows());
        if (longSide <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / longSide;
        Mat scaled = new Mat();
        resize(
                image,
                scaled,
                new Size((int) Math.round(image.cols() * scale), (int) Math.round(image.rows() * scale)),
                0,
                0,
                INTER_AREA);
        image.close();
        return scaled;
    }
}
