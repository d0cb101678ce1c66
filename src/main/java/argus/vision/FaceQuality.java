package argus.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/** Cheap measures of how usable a face picture is, to choose the best frame of a video. */
public final class FaceQuality {
    private static final int SHARPNESS_SIDE = 112;

    private FaceQuality() {}

    /**
     * Variance of the Laplacian of the face, resized to a fixed size so that large and small faces compare: blurred or
     * motion-smeared faces score low.
     */
    public static double sharpness(Mat bgr, FaceBox face) {
        try (Rect region = FaceCrops.region(bgr, face, 1f);
                Mat crop = new Mat(bgr, region);
                Mat small = new Mat();
                Mat gray = new Mat();
                Mat laplacian = new Mat();
                Mat mean = new Mat();
                Mat deviation = new Mat()) {
            resize(crop, small, new Size(SHARPNESS_SIDE, SHARPNESS_SIDE), 0, 0, INTER_AREA);
            cvtColor(small, gray, COLOR_BGR2GRAY);
            Laplacian(gray, laplacian, CV_64F);
            meanStdDev(laplacian, mean, deviation);
            try (DoubleIndexer indexer = deviation.createIndexer()) {
                double sd = indexer.get(0);
                return sd * sd;
            }
        }
    }

    /** Larger, sharper, more confidently detected faces score higher. */
    public static double score(Mat bgr, FaceBox face) {
        return face.score() * Math.sqrt(face.area()) * Math.log1p(sharpness(bgr, face));
    }
}
