package argus.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The RFB-320 single-shot face detector of the faceplugin pack: RGB input normalised to about [-1, 1], outputs a
 * face score and a corner-form box (relative to the picture) for each of its 4420 priors.
 */
public final class FaceDetector {
    private static final float NMS_IOU = 0.4f;
    /** A box this much inside a larger one is a part of that face (an eye region, say), not another person. */
    private static final float CONTAINED = 0.6f;

    private final OnnxModel model;
    private final float threshold;

    FaceDetector(OnnxModel model, float threshold) {
        this.model = model;
        this.threshold = threshold;
    }

    /** Faces found in the picture, largest first. */
    public List<FaceBox> detect(Mat bgr) {
        Map<String, float[]> outputs = model.run(bgr, ChannelOrder.RGB, 127f, 128f);
        float[] scores = outputs.get("scores");
        float[] boxes = outputs.get("boxes");
        List<FaceBox> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length / 2; i++) {
            float score = scores[2 * i + 1];
            if (score >= threshold) {
                candidates.add(new FaceBox(
                        clamp(boxes[4 * i]) * bgr.cols(),
                        clamp(boxes[4 * i + 1]) * bgr.rows(),
                        clamp(boxes[4 * i + 2]) * bgr.cols(),
                        clamp(boxes[4 * i + 3]) * bgr.rows(),
                        score));
            }
        }
        List<FaceBox> faces = suppressOverlaps(candidates);
        faces.sort(Comparator.comparingDouble(FaceBox::area).reversed());
        return withoutParts(faces);
    }

    /** The faces, largest first, without those lying mostly inside a larger one. */
    private static List<FaceBox> withoutParts(List<FaceBox> largestFirst) {
        List<FaceBox> kept = new ArrayList<>();
        for (FaceBox face : largestFirst) {
            if (kept.stream().noneMatch(larger -> larger.intersection(face) > CONTAINED * face.area())) {
                kept.add(face);
            }
        }
        return kept;
    }

    private static List<FaceBox> suppressOverlaps(List<FaceBox> candidates) {
        candidates.sort(Comparator.comparingDouble(FaceBox::score).reversed());
        List<FaceBox> kept = new ArrayList<>();
        for (FaceBox candidate : candidates) {
            if (candidate.area() > 0 && kept.stream().noneMatch(face -> face.iou(candidate) > NMS_IOU)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private static float clamp(float relative) {
        return Math.max(0f, Math.min(1f, relative));
    }
}
