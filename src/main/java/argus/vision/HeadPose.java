package argus.vision;

import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The head-pose model of the faceplugin pack (Hopenet style): a face crop with a quarter of the box added on each side,
 * ImageNet-normalised RGB, gives 66 bins of 3 degrees for each of yaw, pitch and roll; the angle is the expectation
 * over the bins. Measured on the shared selfie videos: yaw is negative when the face turns towards the right of the
 * picture and pitch positive when the head is raised.
 */
public final class HeadPose {
    private static final float[] MEAN = {0.485f * 255, 0.456f * 255, 0.406f * 255};
    private static final float[] STD = {0.229f * 255, 0.224f * 255, 0.225f * 255};

    private final OnnxModel model;

    HeadPose(OnnxModel model) {
        this.model = model;
    }

    /** Yaw, pitch and roll in degrees. */
    public record Angles(double yaw, double pitch, double roll) {}

    public Angles estimate(Mat bgr, FaceBox face) {
        int x1 = (int) Math.max(0, face.x1() - face.width() / 4);
        int y1 = (int) Math.max(0, face.y1() - face.height() / 4);
        int x2 = (int) Math.min(bgr.cols(), face.x2() + face.width() / 4);
        int y2 = (int) Math.min(bgr.rows(), face.y2() + face.height() / 4);
        Map<String, float[]> outputs;
        try (Rect region = new Rect(x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1));
                Mat crop = new Mat(bgr, region)) {
            outputs = model.run(crop, ChannelOrder.RGB, MEAN, STD);
        }
        return new Angles(degrees(outputs.get("output")), degrees(outputs.get("617")), degrees(outputs.get("618")));
    }

    private static double degrees(float[] logits) {
        float[] probabilities = Tensors.softmax(logits);
        double expectation = 0;
        for (int i = 0; i < probabilities.length; i++) {
            expectation += probabilities[i] * i;
        }
        return expectation * 3 - 99;
    }
}
