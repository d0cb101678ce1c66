package argus.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** The 68-point landmark model of the faceplugin pack: a square grey face crop in, relative point positions out. */
public final class FaceLandmarker {
    private final OnnxModel model;

    FaceLandmarker(OnnxModel model) {
        this.model = model;
    }

    public FaceLandmarks landmarks(Mat bgr, FaceBox face) {
        float[] relative;
        int left;
        int top;
        int width;
        int height;
        try (Rect region = FaceCrops.region(bgr, face.square(), 1f);
                Mat crop = new Mat(bgr, region);
                Mat gray = new Mat()) {
            left = region.x();
            top = region.y();
            width = region.width();
            height = region.height();
            cvtColor(crop, gray, COLOR_BGR2GRAY);
            relative = model.runSingle(gray, ChannelOrder.BGR, 0f, 256f);
        }
        float[] points = new float[relative.length];
        for (int i = 0; i < relative.length; i += 2) {
            points[i] = left + relative[i] * width;
            points[i + 1] = top + relative[i + 1] * height;
        }
        return new FaceLandmarks(points);
    }
}
