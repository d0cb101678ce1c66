package argus.vision;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** Face crops with context, as the anti-spoofing and landmark models were trained on. */
final class FaceCrops {
    private FaceCrops() {}

    /**
     * The face box enlarged {@code scale} times around its centre (less when the enlarged box would not fit in the
     * picture) and shifted to lie inside the picture.
     */
    static Rect region(Mat image, FaceBox box, float scale) {
        int width = image.cols();
        int height = image.rows();
        float boxWidth = Math.max(1, box.width());
        float boxHeight = Math.max(1, box.height());
        float fitted = Math.min(scale, Math.min((height - 1) / boxHeight, (width - 1) / boxWidth));
        float newWidth = boxWidth * fitted;
        float newHeight = boxHeight * fitted;
        float left = box.centerX() - newWidth / 2;
        float top = box.centerY() - newHeight / 2;
        left = Math.max(0, Math.min(left, width - 1 - newWidth));
        top = Math.max(0, Math.min(top, height - 1 - newHeight));
        int x = (int) left;
        int y = (int) top;
        int w = Math.max(1, Math.min((int) newWidth, width - x));
        int h = Math.max(1, Math.min((int) newHeight, height - y));
        return new Rect(x, y, w, h);
    }
}
