package argus.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The 512-d face embedding model of the faceplugin pack. The face is aligned by the similarity transform that best
 * maps its five landmarks onto the usual 112 x 112 ArcFace reference points, then embedded and L2-normalised, so
 * that two embeddings compare by their dot product (cosine similarity).
 */
public final class FaceEmbedder {
    private static final float[][] REFERENCE = {
        {38.2946f, 51.6963f}, {73.5318f, 51.5014f}, {56.0252f, 71.7366f}, {41.5493f, 92.3655f}, {70.7299f, 92.2041f}
    };

    private final OnnxModel model;

    FaceEmbedder(OnnxModel model) {
        this.model = model;
    }

    public float[] embed(Mat bgr, FaceLandmarks landmarks) {
        ModelSpec spec = model.spec();
        try (Mat transform = similarityTransform(landmarks.fivePoints());
                Mat aligned = new Mat()) {
            warpAffine(bgr, aligned, transform, new Size(spec.inputWidth(), spec.inputHeight()), INTER_LINEAR, 0, null);
            return normalize(model.runSingle(aligned, spec.channels(), spec.mean(), spec.std()));
        }
    }

    /** Least-squares similarity (rotation, uniform scale, translation) from the face points to the reference. */
    static Mat similarityTransform(float[][] points) {
        double meanPx = 0, meanPy = 0, meanQx = 0, meanQy = 0;
        for (int i = 0; i < points.length; i++) {
            meanPx += points[i][0];
            meanPy += points[i][1];
            meanQx += REFERENCE[i][0];
            meanQy += REFERENCE[i][1];
        }
        meanPx /= points.length;
        meanPy /= points.length;
        meanQx /= points.length;
        meanQy /= points.length;
        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < points.length; i++) {
            double px = points[i][0] - meanPx, py = points[i][1] - meanPy;
            double qx = REFERENCE[i][0] - meanQx, qy = REFERENCE[i][1] - meanQy;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        double a = norm == 0 ? 1 : dot / norm;
        double b = norm == 0 ? 0 : cross / norm;
        Mat transform = new Mat(2, 3, CV_64F);
        try (DoubleIndexer m = transform.createIndexer()) {
            m.put(0, 0, a);
            m.put(0, 1, -b);
            m.put(0, 2, meanQx - (a * meanPx - b * meanPy));
            m.put(1, 0, b);
            m.put(1, 1, a);
            m.put(1, 2, meanQy - (b * meanPx + a * meanPy));
        }
        return transform;
    }

    public static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : vector[i] / norm;
        }
        return unit;
    }

    /** How likely two embeddings belong to the same person, in [0, 1], through the pack's calibration of the cosine. */
    public float similarity(float[] a, float[] b) {
        return calibrated(cosine(a, b));
    }

    /** A cosine similarity of two embeddings of this model as a same-person confidence in [0, 1]. */
    public float calibrated(float cosine) {
        ModelSpec.Calibration calibration = model.spec().calibration();
        return calibration == null ? Math.max(0, cosine) : calibration.apply(cosine);
    }

    public static float cosine(float[] a, float[] b) {
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
