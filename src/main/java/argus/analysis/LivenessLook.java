package argus.analysis;

import argus.vision.FaceBox;
import argus.vision.PackManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * What a set of sampled frames showed: how many had a face, how many several people, how many only turned a quarter
 * turn, the evidence of the frames with one face, and — in frames with several faces — the attack probability of any
 * face judged an attack beside one judged live (a screen held up next to a live person).
 */
record LivenessLook(
        int sampled,
        int withFace,
        int crowded,
        int turned,
        List<FaceLiveness> frames,
        OptionalDouble attackBesideLiveFace) {
    /** Looks at the given frames; each frame is scored at most once ({@code scored} keeps them across looks). */
    static LivenessLook of(
            MediaEvidence evidence,
            List<Integer> indexes,
            Map<Integer, FaceLiveness> scored,
            PackManifest.LivenessCalibration calibration,
            double threshold) {
        int withFace = 0;
        int crowded = 0;
        int turned = 0;
        double besideLive = -1;
        List<FaceLiveness> frames = new ArrayList<>();
        for (int index : indexes) {
            MediaEvidence.FrameFaces frame = evidence.facesAt(index);
            if (!frame.hasFace()) {
                continue;
            }
            withFace++;
            turned += frame.turned() != 0 ? 1 : 0;
            if (!frame.hasSingleSubject()) {
                crowded++;
                besideLive = Math.max(besideLive, attackBesideLive(evidence, frame, calibration, threshold));
                continue;
            }
            FaceBox face = frame.faces().getFirst();
            frames.add(scored.computeIfAbsent(index, i -> FaceLiveness.of(evidence, frame.image(), face)));
        }
        return new LivenessLook(
                indexes.size(),
                withFace,
                crowded,
                turned,
                frames,
                besideLive < 0 ? OptionalDouble.empty() : OptionalDouble.of(besideLive));
    }

    /** The highest attack probability among the prominent faces, when another prominent face is judged live; else -1. */
    private static double attackBesideLive(
            MediaEvidence evidence,
            MediaEvidence.FrameFaces frame,
            PackManifest.LivenessCalibration calibration,
            double threshold) {
        List<Double> attacks = frame.prominent().stream()
                .map(face -> FaceLiveness.of(evidence, frame.image(), face).attackProbability(calibration))
                .toList();
        boolean live = attacks.stream().anyMatch(p -> p < threshold);
        double attack = attacks.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return live && attack >= threshold ? attack : -1;
    }

    double weightedMean(ToDoubleFunction<FaceLiveness> value) {
        double weights = frames.stream().mapToDouble(FaceLiveness::weight).sum();
        return frames.stream()
                        .mapToDouble(frame -> frame.weight() * value.applyAsDouble(frame))
                        .sum()
                / weights;
    }

    /** Every frame shows one judgeable face and all scores sit well on the same side of the threshold. */
    boolean clearCut(double threshold, PackManifest.LivenessCalibration calibration) {
        if (withFace < sampled || crowded > 0 || frames.isEmpty()) {
            return false;
        }
        double max = frames.stream()
                .mapToDouble(frame -> frame.attackProbability(calibration))
                .max()
                .orElseThrow();
        double min = frames.stream()
                .mapToDouble(frame -> frame.attackProbability(calibration))
                .min()
                .orElseThrow();
        return max < threshold / 2 || min > (1 + threshold) / 2;
    }
}
