package argus.analysis;

import argus.vision.MediaKind;
import argus.vision.Thumbnails;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * QUALITY (liveness): the anti-spoofing ensemble scores the prominent face of every sampled frame and the attack
 * probabilities are averaged over the frames into {@code confidence_spoofing}. At or above the threshold the media is
 * DECLINED. Media without a usable face cannot be judged and are FAILED with a reason.
 */
@Singleton
public class QualityAnalyzer implements Analyzer {
    static final String THRESHOLD = "threshold_spoofing";
    static final String BEST_SHOT = "extract_best_shot";
    static final double DEFAULT_THRESHOLD = 0.5;
    private static final int BEST_SHOT_SIDE = 1920;
    /** Share of the frames with faces that may show several people before the media is refused (one stray frame may). */
    private static final double CROWDED_SHARE = 0.2;
    private static final int FIRST_PASS_STRIDE = 3;
    private static final int LIVENESS_SAMPLES = 8;

    @Override
    public AnalysisType type() {
        return AnalysisType.QUALITY;
    }

    @Override
    public void validate(Map<String, Object> params) {
        Params.threshold(params, THRESHOLD, DEFAULT_THRESHOLD);
        Params.flag(params, BEST_SHOT);
    }

    @Override
    public AnalysisOutcome analyze(AnalysisRequest request, List<MediaEvidence> sources, UUID companyId) {
        double threshold = Params.threshold(request.params(), THRESHOLD, DEFAULT_THRESHOLD);
        boolean bestShot = Params.flag(request.params(), BEST_SHOT);
        List<MediaResult> results = new ArrayList<>();
        List<OutputImage> images = new ArrayList<>();
        double worst = 0;
        for (MediaEvidence evidence : sources) {
            MediaResult result = assess(evidence, threshold, bestShot, images);
            results.add(result);
            if (result.resultsData().get("confidence_spoofing") instanceof Double confidence) {
                worst = Math.max(worst, confidence);
            }
        }
        Map<String, Object> summary = results.stream().anyMatch(r -> r.resolution() != Resolution.FAILED)
                ? Map.of("confidence_spoofing", worst) : null;
        return AnalysisOutcome.of(results, summary, images);
    }

    /**
     * Scores every third of the liveness samples first (so that decoding can stop before the last samples); the
     * remaining ones are decoded and scored only when that evidence is not clear-cut (scores on both sides of the
     * threshold, or frames without a face or with several). A plain selfie costs a third of the inference and less
     * decoding; a doubtful one gets all of it. A video tagged with a gesture is sampled densely and the gesture checked
     * on every frame; without the gesture the media is DECLINED.
     */
    private MediaResult assess(MediaEvidence evidence, double threshold, boolean bestShot, List<OutputImage> images) {
        List<Integer> liveness = livenessSamples(evidence.frameCount());
        List<Integer> firstPass = IntStream.range(0, liveness.size()).filter(i -> i % FIRST_PASS_STRIDE == 0).mapToObj(liveness::get).toList();
        Map<Integer, Double> scores = new HashMap<>();
        Evidence seen = examine(evidence, firstPass, scores);
        if (firstPass.size() < liveness.size() && !seen.clearCut(threshold)) {
            seen = examine(evidence, liveness, scores);
        }
        if (seen.withFace() == 0) {
            return MediaResult.failed(evidence.mediaId(), "NO_FACE_DETECTED", "no face was found in the media");
        }
        if (seen.crowded() >= Math.max(1, Math.ceil(CROWDED_SHARE * seen.withFace()))) {
            return MediaResult.failed(evidence.mediaId(), "MULTIPLE_FACES", "several faces of similar size appear in %d of %d frames; a selfie must show one person"
                    .formatted(seen.crowded(), seen.withFace()));
        }
        double confidence = Scores.round(seen.scores().stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("confidence_spoofing", confidence);
        data.put("frames_sampled", evidence.frameCount());
        data.put("frames_analyzed", seen.scores().size());
        data.put("liveness_model", evidence.models().liveness().pack());
        List<UUID> produced = List.of();
        if (bestShot) {
            OutputImage image = bestShot(evidence);
            images.add(image);
            produced = List.of(image.mediaId());
        }
        Resolution resolution = confidence >= threshold ? Resolution.DECLINED : Resolution.SUCCESS;
        Optional<GestureCheck.Gesture> gesture = evidence.kind() == MediaKind.VIDEO ? GestureCheck.Gesture.requested(evidence.tags()) : Optional.empty();
        if (gesture.isPresent()) {
            GestureCheck.Result checked = GestureCheck.check(gesture.get(), IntStream.range(0, evidence.frameCount())
                    .mapToObj(evidence::signalsAt).flatMap(Optional::stream).toList());
            data.put("gesture", checked.asResultsData());
            if (!checked.performed()) {
                return new MediaResult(evidence.mediaId(), Resolution.DECLINED, data, "GESTURE_NOT_PERFORMED", checked.reason(), produced);
            }
        }
        return new MediaResult(evidence.mediaId(), resolution, data, null, null, produced);
    }

    /** The frames liveness looks at: all of them, or a fixed number spread evenly over a densely sampled video. */
    private static List<Integer> livenessSamples(int frames) {
        if (frames <= LIVENESS_SAMPLES) {
            return IntStream.range(0, frames).boxed().toList();
        }
        return IntStream.range(0, LIVENESS_SAMPLES).mapToObj(i -> (int) ((i + 0.5) * frames / LIVENESS_SAMPLES)).toList();
    }

    /** Detects faces on the given frames and scores those showing one person (each frame at most once). */
    private static Evidence examine(MediaEvidence evidence, List<Integer> frames, Map<Integer, Double> scores) {
        int withFace = 0;
        int crowded = 0;
        List<Double> frameScores = new ArrayList<>();
        for (int index : frames) {
            MediaEvidence.FrameFaces frame = evidence.facesAt(index);
            if (!frame.hasFace()) {
                continue;
            }
            withFace++;
            if (!frame.hasSingleSubject()) {
                crowded++;
                continue;
            }
            frameScores.add(scores.computeIfAbsent(index, i -> (double) evidence.models().liveness()
                    .spoofProbability(frame.frame().image(), frame.faces().getFirst())));
        }
        return new Evidence(frames.size(), withFace, crowded, frameScores);
    }

    /** What a set of frames showed: how many had a face, how many several, and the attack scores of the others. */
    private record Evidence(int frames, int withFace, int crowded, List<Double> scores) {

        /** Every frame shows one face and all scores sit well on the same side of the threshold. */
        boolean clearCut(double threshold) {
            if (withFace < frames || crowded > 0 || scores.isEmpty()) {
                return false;
            }
            double max = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double min = scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            return max < threshold / 2 || min > (1 + threshold) / 2;
        }
    }

    private static OutputImage bestShot(MediaEvidence evidence) {
        MediaEvidence.FaceSample best = evidence.rankedFaces().getFirst();
        var image = best.frame().image();
        byte[] jpeg = Thumbnails.jpeg(image, BEST_SHOT_SIDE, 92);
        double scale = Math.min(1.0, (double) BEST_SHOT_SIDE / Math.max(image.cols(), image.rows()));
        return new OutputImage(UUID.randomUUID(), evidence.mediaId(), jpeg,
                (int) Math.round(image.cols() * scale), (int) Math.round(image.rows() * scale));
    }
}
