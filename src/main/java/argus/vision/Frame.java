package argus.vision;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded picture, upright, as 8-bit BGR.
 *
 * @param index            position of the frame among the decoded frames of its media
 * @param timestampSeconds presentation time from the start of the media (0 for a photo)
 */
public record Frame(int index, double timestampSeconds, Mat image) {

    public int width() {
        return image.cols();
    }

    public int height() {
        return image.rows();
    }
}
