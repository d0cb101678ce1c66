package argus.analysis;

import argus.vision.FaceBox;
import argus.vision.FaceQuality;
import argus.vision.MediaKind;
import argus.vision.PackManifest;
import argus.vision.ScreenEdges;
import argus.vision.Thumbnails;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * QUALITY (liveness): for the prominent face of frames spread over the media, the anti-spoofing ensemble's attack
 * probability and the screen-border cue ({@link ScreenEdges}) are combined in log-odds as the liveness pack's
 * calibration says, and averaged over the frames, weighted by face quality (large, sharp, confidently detected faces
 * count more than small, blurred ones), into {@code confidence_spoofing}. At or above the
 * threshold the media is DECLINED. Media without a usable face cannot be judged and are FAILED with a reason.
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
    private static final double MAX_LOG_ODDS = 9.2;

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
        PackManifest.LivenessCalibration calibration = evidence.models().liveness().calibration();
        Map<Integer, FrameLiveness> scored = new HashMap<>();
        Evidence seen = examine(evidence, firstPass, scored);
        if (firstPass.size() < liveness.size() && !seen.clearCut(threshold, calibration)) {
            seen = examine(evidence, liveness, scored);
        }
        if (seen.withFace() == 0) {
            return MediaResult.failed(evidence.mediaId(), "NO_FACE_DETECTED", "no face was found in the media");
        }
        if (seen.crowded() >= Math.max(1, Math.ceil(CROWDED_SHARE * seen.withFace()))) {
            return MediaResult.failed(evidence.mediaId(), "MULTIPLE_FACES", "several faces of similar size appear in %d of %d frames; a selfie must show one person"
                    .formatted(seen.crowded(), seen.withFace()));
        }
        double model = seen.weightedMean(frame -> logOdds(frame.attackProbability()));
        double border = seen.weightedMean(frame -> frame.screenSides() / 4.0);
        double confidence = Scores.round(sigmoid(model + calibration.borderWeight() * border - calibration.offset()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("confidence_spoofing", confidence);
        data.put("frames_sampled", evidence.frameCount());
        data.put("frames_analyzed", seen.frames().size());
        data.put("liveness_model", evidence.models().liveness().pack());
        data.put("liveness_cues", cues(seen, model, border, calibration));
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

    /** What each cue contributed, in the log-odds that make {@code confidence_spoofing}. */
    private static Map<String, Object> cues(Evidence seen, double model, double border, PackManifest.LivenessCalibration calibration) {
        Map<String, Object> cues = new LinkedHashMap<>();
        cues.put("model_attack_probability", Scores.round(sigmoid(model)));
        cues.put("screen_border", Scores.round(border));
        Map<String, Object> logOdds = new LinkedHashMap<>();
        logOdds.put("model", Scores.round(model));
        logOdds.put("screen_border", Scores.round(calibration.borderWeight() * border));
        logOdds.put("calibration_offset", Scores.round(-calibration.offset()));
        cues.put("log_odds", logOdds);
        return cues;
    }

    /** Detects faces on the given frames and scores those showing one person (each frame at most once). */
    private static Evidence examine(MediaEvidence evidence, List<Integer> frames, Map<Integer, FrameLiveness> scored) {
        int withFace = 0;
        int crowded = 0;
        List<FrameLiveness> frameScores = new ArrayList<>();
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
            frameScores.add(scored.computeIfAbsent(index, i -> score(evidence, frame)));
        }
        return new Evidence(frames.size(), withFace, crowded, frameScores);
    }

    private static FrameLiveness score(MediaEvidence evidence, MediaEvidence.FrameFaces frame) {
        FaceBox face = frame.faces().getFirst();
        var image = frame.frame().image();
        double attack = evidence.models().liveness().spoofProbability(image, face);
        return new FrameLiveness(attack, ScreenEdges.sides(image, face), Math.max(1e-6, FaceQuality.score(image, face)));
    }

    private static double logOdds(double probability) {
        double p = Math.min(Math.max(probability, 1e-6), 1 - 1e-6);
        return Math.max(-MAX_LOG_ODDS, Math.min(MAX_LOG_ODDS, Math.log(p / (1 - p))));
    }

    private static double sigmoid(double logOdds) {
        return 1 / (1 + Math.exp(-logOdds));
    }

    /** One scored frame: the ensemble's attack probability, the sides framed by screen edges, and its weight. */
    private record FrameLiveness(double attackProbability, int screenSides, double weight) {

        double calibrated(PackManifest.LivenessCalibration calibration) {
            return sigmoid(logOdds(attackProbability) + calibration.borderWeight() * screenSides / 4.0 - calibration.offset());
        }
    }

    /** What a set of frames showed: how many had a face, how many several, and the scores of the others. */
    private record Evidence(int sampled, int withFace, int crowded, List<FrameLiveness> frames) {

        double weightedMean(ToDoubleFunction<FrameLiveness> value) {
            double weights = frames.stream().mapToDouble(FrameLiveness::weight).sum();
            return frames.stream().mapToDouble(frame -> frame.weight() * value.applyAsDouble(frame)).sum() / weights;
        }

        /** Every frame shows one face and all calibrated scores sit well on the same side of the threshold. */
        boolean clearCut(double threshold, PackManifest.LivenessCalibration calibration) {
            if (withFace < sampled || crowded > 0 || frames.isEmpty()) {
                return false;
            }
            double max = frames.stream().mapToDouble(frame -> frame.calibrated(calibration)).max().orElseThrow();
            double min = frames.stream().mapToDouble(frame -> frame.calibrated(calibration)).min().orElseThrow();
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
