package argus.vision;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar4i;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_imgproc.Vec4iVector;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.HoughLinesP;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The screen-border cue: a phone or monitor held up to the camera frames the face with long straight edges (bezel,
 * screen border, taskbar) on its sides, which a live face in a room rarely has on several sides at once. Counts the
 * sides of the face — left, right, above, below — with a straight, nearly vertical or horizontal edge at least 35 %
 * of the picture's shorter side long, beside the face and overlapping its extent. Measured on {@code
 * ../shared/media/liveness}: 24 of 32 replay photos show at least one such side, 1 of 21 real photos does.
 */
public final class ScreenEdges {
    private static final int WORKING_SIDE = 640;
    private static final double MIN_LENGTH = 0.35;
    private static final double MAX_SLANT = 0.15;

    private ScreenEdges() {
    }

    /** Sides of the face (0 to 4) with a long straight edge beside it. */
    public static int sides(Mat bgr, FaceBox face) {
        double scale = Math.min(1.0, (double) WORKING_SIDE / Math.max(bgr.cols(), bgr.rows()));
        try (Mat small = new Mat(); Mat gray = new Mat(); Mat edges = new Mat(); Vec4iVector lines = new Vec4iVector()) {
            resize(bgr, small, new Size((int) Math.round(bgr.cols() * scale), (int) Math.round(bgr.rows() * scale)), 0, 0, INTER_AREA);
            cvtColor(small, gray, COLOR_BGR2GRAY);
            Canny(gray, edges, 50, 150);
            int width = small.cols();
            int height = small.rows();
            HoughLinesP(edges, lines, 1, Math.PI / 180, 60, MIN_LENGTH * Math.min(width, height), 5);
            double x1 = face.x1() * scale;
            double x2 = face.x2() * scale;
            double y1 = face.y1() * scale;
            double y2 = face.y2() * scale;
            double marginX = 0.05 * (x2 - x1);
            double marginY = 0.05 * (y2 - y1);
            boolean left = false;
            boolean right = false;
            boolean above = false;
            boolean below = false;
            for (long i = 0; i < lines.size(); i++) {
                Scalar4i line = lines.get(i);
                int ax = line.get(0);
                int ay = line.get(1);
                int bx = line.get(2);
                int by = line.get(3);
                double middleX = (ax + bx) / 2.0;
                double middleY = (ay + by) / 2.0;
                // Edges on the picture's own border are the frame, not a screen.
                boolean inside = middleX > 2 && middleX < width - 3 && middleY > 2 && middleY < height - 3;
                if (!inside) {
                    continue;
                }
                if (Math.abs(bx - ax) < MAX_SLANT * Math.abs(by - ay) && Math.min(ay, by) < y2 && Math.max(ay, by) > y1) {
                    left |= middleX < x1 - marginX;
                    right |= middleX > x2 + marginX;
                } else if (Math.abs(by - ay) < MAX_SLANT * Math.abs(bx - ax) && Math.min(ax, bx) < x2 && Math.max(ax, bx) > x1) {
                    above |= middleY < y1 - marginY;
                    below |= middleY > y2 + marginY;
                }
            }
            return (left ? 1 : 0) + (right ? 1 : 0) + (above ? 1 : 0) + (below ? 1 : 0);
        }
    }
}
