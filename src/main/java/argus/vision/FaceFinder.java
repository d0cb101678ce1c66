package argus.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.rotate;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Finds the faces of a picture, looking again before giving up: a face filling the whole picture (the detector's
 * largest anchors are smaller) is found in a copy with a neutral margin around it, and a face shown turned a quarter
 * or half turn (a phone held on its side in front of the camera) in a turned copy. The faces come with the picture
 * they lie upright in, so that every later step (liveness, landmarks, matching) sees them upright.
 */
public final class FaceFinder {
    /** Margin added on every side, as a share of the picture's longer side. */
    private static final double MARGIN = 0.5;

    private static final Scalar NEUTRAL = new Scalar(127, 127, 127, 0);
    private static final int[] TURNS = {ROTATE_90_CLOCKWISE, ROTATE_90_COUNTERCLOCKWISE, ROTATE_180};
    private static final int[] TURN_DEGREES = {90, 270, 180};

    private final FaceDetector detector;

    public FaceFinder(FaceDetector detector) {
        this.detector = detector;
    }

    /**
     * The faces found, largest first.
     *
     * @param upright the picture the faces lie upright in: the frame itself, or a turned copy the caller must close
     * @param turned  clockwise degrees the frame was turned by to show the faces upright (0, 90, 180 or 270)
     * @param framed  whether the faces were only found with a margin added (the face fills the picture)
     */
    public record Found(Mat upright, int turned, boolean framed, List<FaceBox> faces) {
        public boolean isTurned() {
            return turned != 0;
        }
    }

    public Found find(Mat frame) {
        Found found = lookInto(frame, 0);
        for (int i = 0; i < TURNS.length && found.faces().isEmpty(); i++) {
            Mat turned = new Mat();
            rotate(frame, turned, TURNS[i]);
            found = lookInto(turned, TURN_DEGREES[i]);
            if (found.faces().isEmpty()) {
                turned.close();
            }
        }
        return found.faces().isEmpty() ? new Found(frame, 0, false, List.of()) : found;
    }

    private Found lookInto(Mat picture, int turned) {
        List<FaceBox> faces = detector.detect(picture);
        if (!faces.isEmpty()) {
            return new Found(picture, turned, false, faces);
        }
        int margin = (int) Math.round(MARGIN * Math.max(picture.cols(), picture.rows()));
        try (Mat framed = new Mat()) {
            copyMakeBorder(picture, framed, margin, margin, margin, margin, BORDER_CONSTANT, NEUTRAL);
            List<FaceBox> inFramed = detector.detect(framed);
            return new Found(
                    picture,
                    turned,
                    true,
                    inFramed.stream()
                            .map(face -> clipped(face, margin, picture))
                            .filter(face -> face.area() > 0)
                            .toList());
        }
    }

    private static FaceBox clipped(FaceBox face, int margin, Mat picture) {
        return new FaceBox(
                clamp(face.x1() - margin, picture.cols()),
                clamp(face.y1() - margin, picture.rows()),
                clamp(face.x2() - margin, picture.cols()),
                clamp(face.y2() - margin, picture.rows()),
                face.score());
    }

    private static float clamp(float value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
