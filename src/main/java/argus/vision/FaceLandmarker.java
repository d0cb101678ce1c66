package argus.vision;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** The 68-point landmark model of the faceplugin pack: a square grey face crop in, relative point positions out. */
public final class FaceLandmarker {
    private final OnnxModel model;

    FaceLandmarker(OnnxModel model) {
        this.model = model;
    }

    public FaceLandmarks landmarks(Mat bgr, FaceBox face) {
        ModelSpec spec = model.spec();
        float[] input;
        int left;
        int top;
        int width;
        int height;
        try (Rect region = FaceCrops.region(bgr, face.square(), 1f);
             Mat crop = new Mat(bgr, region);
             Mat small = new Mat();
             Mat gray = new Mat()) {
            left = region.x();
            top = region.y();
            width = region.width();
            height = region.height();
            resize(crop, small, new Size(spec.inputWidth(), spec.inputHeight()), 0, 0, INTER_AREA);
            cvtColor(small, gray, COLOR_BGR2GRAY);
            input = Tensors.gray(gray, 256f);
        }
        float[] relative = model.runSingle(input);
        float[] points = new float[relative.length];
        for (int i = 0; i < relative.length; i += 2) {
            points[i] = left + relative[i] * width;
            points[i + 1] = top + relative[i + 1] * height;
        }
        return new FaceLandmarks(points);
    }
}
