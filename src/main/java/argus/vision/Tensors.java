package argus.vision;

import org.bytedeco.opencv.opencv_core.Mat;

/** Conversions from 8-bit OpenCV pictures to the planar float tensors the models take. */
final class Tensors {
    private Tensors() {
    }

    /** A BGR picture as planar floats {@code (value - mean) / std} in the given channel order. */
    static float[] planar(Mat bgr, ChannelOrder order, float mean, float std) {
        int pixels = bgr.rows() * bgr.cols();
        byte[] interleaved = new byte[pixels * 3];
        bgr.data().get(interleaved);
        float[] planes = new float[pixels * 3];
        int first = order == ChannelOrder.RGB ? 2 : 0;
        int third = 2 - first;
        for (int p = 0, i = 0; p < pixels; p++, i += 3) {
            planes[p] = ((interleaved[i + first] & 0xFF) - mean) / std;
            planes[pixels + p] = ((interleaved[i + 1] & 0xFF) - mean) / std;
            planes[2 * pixels + p] = ((interleaved[i + third] & 0xFF) - mean) / std;
        }
        return planes;
    }

    /** A single-channel picture as floats {@code value / divisor}. */
    static float[] gray(Mat gray, float divisor) {
        int pixels = gray.rows() * gray.cols();
        byte[] values = new byte[pixels];
        gray.data().get(values);
        float[] plane = new float[pixels];
        for (int p = 0; p < pixels; p++) {
            plane[p] = (values[p] & 0xFF) / divisor;
        }
        return plane;
    }

    static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        float sum = 0;
        float[] probabilities = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = (float) Math.exp(logits[i] - max);
            sum += probabilities[i];
        }
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }
}
