package argus.analysis;

import argus.analysis.MediaEvidence.FaceSignals;
import argus.vision.FaceLandmarks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The liveness cues measured beside the network, by the names {@code results_data.liveness_cues} reports them and the
 * liveness pack's calibration weights them (a cue without a weight is reported, not weighted):
 *
 * <pre>
 * enclosure  per frame: a frame closed around the face on three or four sides (a device's bezel, a print's edge)
 * moire      per frame: a periodic pattern on the face (a screen's pixel grid beating with the camera's, halftone)
 * planarity  per video: the share of the frames with 3-D-informative motion whose facial points move as one plane
 * blink      per video: 1 when a natural blink is seen (evidence of life), measured only on densely sampled frames
 * </pre>
 * Each is 0 where it sees nothing or cannot be measured, so that it adds nothing to the log-odds; the report says
 * which could not be measured.
 */
final class LivenessCues {
    static final String ENCLOSURE = "enclosure";
    static final String MOIRE = "moire";
    static final String PLANARITY = "planarity";
    static final String BLINK = "blink";
    /** Samples per second of clip below which a blink (a tenth of a second or two) falls between samples too often. */
    private static final double BLINK_SAMPLES_PER_SECOND = 5;

    private LivenessCues() {}

    /** What the frames of a moving media show; each measure is empty when the frames cannot tell. */
    record Motion(OptionalDouble planarity, Optional<Boolean> blink) {
        static final Motion NONE = new Motion(OptionalDouble.empty(), Optional.empty());

        /**
         * Planarity from the landmarks of the given frames; a blink from the eye opening of every frame when the media
         * was sampled densely enough to catch one.
         */
        static Motion of(MediaEvidence evidence, List<Integer> frames) {
            if (!evidence.kind().moving()) {
                return NONE;
            }
            List<FaceLandmarks> points = frames.stream()
                    .sorted()
                    .map(evidence::landmarksAt)
                    .flatMap(Optional::stream)
                    .toList();
            Double duration = evidence.media().info().durationSeconds();
            boolean dense =
                    duration != null && duration > 0 && evidence.frameCount() / duration >= BLINK_SAMPLES_PER_SECOND;
            Optional<Boolean> blink = Optional.empty();
            if (dense) {
                List<FaceSignals> followed = java.util.stream.IntStream.range(0, evidence.frameCount())
                        .mapToObj(evidence::signalsAt)
                        .flatMap(Optional::stream)
                        .toList();
                blink = Optional.of(
                        GestureCheck.check(GestureCheck.Gesture.EYES, followed).performed());
            }
            return new Motion(Planarity.of(points), blink);
        }

        /** The values the calibration weighs: 0 where not measured. */
        Map<String, Double> values() {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(PLANARITY, planarity.orElse(0));
            values.put(BLINK, blink.orElse(false) ? 1.0 : 0.0);
            return values;
        }
    }
}
