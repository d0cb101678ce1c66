package argus.analysis;

import argus.vision.DeviceFrame;
import argus.vision.FaceBox;
import argus.vision.FaceQuality;
import argus.vision.PackManifest;
import argus.vision.ScreenTexture;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The liveness evidence of one face in one frame: the anti-spoofing ensemble's attack log-odds, whether a device or
 * print frame encloses the face ({@link DeviceFrame}), a screen's or print's periodic texture on it
 * ({@link ScreenTexture}), and how much the frame counts (its face quality).
 */
record FaceLiveness(double modelLogOdds, double enclosure, double moire, double weight) {
    private static final double MAX_LOG_ODDS = 9.2;

    static FaceLiveness of(MediaEvidence evidence, Mat image, FaceBox face) {
        double attack = evidence.models().liveness().spoofProbability(image, face);
        return new FaceLiveness(
                logOdds(attack),
                DeviceFrame.around(image, face).value(),
                ScreenTexture.moire(image, face),
                Math.max(1e-6, FaceQuality.score(image, face)));
    }

    /** The frame's own cue values, by their reported names. */
    Map<String, Double> cues() {
        return Map.of(LivenessCues.ENCLOSURE, enclosure, LivenessCues.MOIRE, moire);
    }

    double attackLogOdds(PackManifest.LivenessCalibration calibration) {
        return calibration.logOdds(modelLogOdds, cues());
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
