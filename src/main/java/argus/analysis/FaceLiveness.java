package argus.analysis;

import argus.vision.FaceBox;
import argus.vision.FaceQuality;
import argus.vision.PackManifest;
import argus.vision.ScreenEdges;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The liveness evidence of one face in one frame: the anti-spoofing ensemble's attack log-odds, the sides of the face
 * framed by a straight edge (a screen bezel, the edge of a print), and how much the frame counts (its face quality).
 */
record FaceLiveness(double modelLogOdds, int screenSides, double weight) {
    private static final double MAX_LOG_ODDS = 9.2;

    static FaceLiveness of(MediaEvidence evidence, Mat image, FaceBox face) {
        double attack = evidence.models().liveness().spoofProbability(image, face);
        return new FaceLiveness(logOdds(attack), ScreenEdges.sides(image, face), Math.max(1e-6, FaceQuality.score(image, face)));
    }

    /** The share of the face's sides framed by a straight edge: a screen bezel or the edge of a print. */
    double screenBorder() {
        return screenSides / 4.0;
    }

    double attackLogOdds(PackManifest.LivenessCalibration calibration) {
        return calibration.logOdds(modelLogOdds, screenBorder());
    }

    double attackProbability(PackManifest.LivenessCalibration calibration) {
        return sigmoid(attackLogOdds(calibration));
    }

    static double logOdds(double probability) {
        double p = Math.min(Math.max(probability, 1e-6), 1 - 1e-6);
        return Math.max(-MAX_LOG_ODDS, Math.min(MAX_LOG_ODDS, Math.log(p / (1 - p))));
    }

    static double sigmoid(double logOdds) {
        return 1 / (1 + Math.exp(-logOdds));
    }
}
