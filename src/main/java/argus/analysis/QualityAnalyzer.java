package argus.analysis;

import argus.ErrorCode;
import argus.vision.Frame;
import argus.vision.PackManifest;
import argus.vision.Thumbnails;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * QUALITY (liveness): for the prominent face of frames spread over the media, the anti-spoofing ensemble's attack
 * log-odds and the frame cues ({@link LivenessCues}: a device or print frame around the face, moiré) are averaged over the
 * frames, weighted by face quality (large, sharp, confidently detected faces count more than small, blurred ones); a
 * video adds what its motion shows (planarity, a blink). The liveness pack's calibration combines them in log-odds
 * into {@code confidence_spoofing}. At or above the threshold the media is DECLINED, and so is a face judged an attack
 * beside a live one, and a gesture performed by a flat face. Media without a face that can be judged (none even
 * turned, several people) are FAILED with a reason. A face that fills the picture is judged like any other: held out,
 * the networks judge tight crops about as well as faces with surroundings (the evaluation command measures it).
 */
@Singleton
public class QualityAnalyzer implements Analyzer {
    static final String THRESHOLD = "threshold_spoofing";
    static final String BEST_SHOT = "extract_best_shot";
    /** Score every sampled frame rather than a spread of at most {@link #LIVENESS_SAMPLES}, with no early verdict. */
    public static final String EVERY_FRAME = "score_every_frame";

    public static final double DEFAULT_THRESHOLD = 0.5;
    private static final int BEST_SHOT_SIDE = 1920;
    /** Share of the frames with faces that may show several people before the media is refused (one stray frame may). */
    private static final double CROWDED_SHARE = 0.2;

    private static final int FIRST_PASS_STRIDE = 3;
    private static final int LIVENESS_SAMPLES = 8;
    /** Most frames that could tell moved as one plane. */
    private static final double FLAT_GESTURE_PLANARITY = 0.5;

    @Override
    public AnalysisType type() {
        return AnalysisType.QUALITY;
    }

    @Override
    public void validate(Map<String, Object> params) {
        Params.threshold(params, THRESHOLD, DEFAULT_THRESHOLD);
        Params.flag(params, BEST_SHOT);
        Params.flag(params, EVERY_FRAME);
    }

    @Override
    public AnalysisOutcome analyze(AnalysisRequest request, List<MediaEvidence> sources, UUID companyId) {
        double threshold = Params.threshold(request.params(), THRESHOLD, DEFAULT_THRESHOLD);
        boolean bestShot = Params.flag(request.params(), BEST_SHOT);
        List<MediaResult> results = new ArrayList<>();
        List<OutputImage> images = new ArrayList<>();
        double worst = 0;
        for (MediaEvidence evidence : sources) {
            MediaResult result =
                    assess(evidence, threshold, bestShot, Params.flag(request.params(), EVERY_FRAME), images);
            results.add(result);
            if (result.resultsData().get("confidence_spoofing") instanceof Double confidence) {
                worst = Math.max(worst, confidence);
            }
        }
        if (results.stream().allMatch(r -> r.resolution() == Resolution.FAILED)) {
            return AnalysisOutcome.of(results, null, images);
        }
        return AnalysisOutcome.of(results, Map.of("confidence_spoofing", worst), images)
                .scored(worst, threshold);
    }

    /**
     * Scores every third of the liveness samples first (so that decoding can stop before the last samples); the
     * remaining ones are decoded and scored only when that evidence is not clear-cut (scores on both sides of the
     * threshold, or frames without a face or with several). A plain selfie costs a third of the inference and less
     * decoding; a doubtful one gets all of it ({@link #EVERY_FRAME} asks for every sampled frame at once). A video
     * tagged with a gesture is sampled densely and the gesture checked on every frame; without the gesture the media is
     * DECLINED.
     */
    private MediaResult assess(
            MediaEvidence evidence, double threshold, boolean bestShot, boolean everyFrame, List<OutputImage> images) {
        List<Integer> liveness = everyFrame
                ? IntStream.range(0, evidence.frameCount()).boxed().toList()
                : livenessSamples(evidence.frameCount());
        List<Integer> firstPass = everyFrame
                ? liveness
                : IntStream.range(0, liveness.size())
                        .filter(i -> i % FIRST_PASS_STRIDE == 0)
                        .mapToObj(liveness::get)
                        .toList();
        PackManifest.LivenessCalibration calibration =
                evidence.models().liveness().calibration();
        Map<Integer, FaceLiveness> scored = new HashMap<>();
        LivenessLook seen = LivenessLook.of(evidence, firstPass, scored, calibration, threshold);
        if (firstPass.size() < liveness.size() && !seen.clearCut(threshold, calibration)) {
            seen = LivenessLook.of(evidence, liveness, scored, calibration, threshold);
        }
        Optional<MediaResult> unjudged = unjudged(evidence, seen);
        if (unjudged.isPresent()) {
            return unjudged.get();
        }
        Optional<GestureCheck.Gesture> gesture =
                evidence.kind().moving() ? GestureCheck.Gesture.requested(evidence.tags()) : Optional.empty();
        double model = seen.weightedMean(frame -> PackManifest.LivenessCalibration.capped(frame.modelLogOdds()));
        LivenessCues.Motion motion = LivenessCues.Motion.of(
                evidence,
                gesture.isPresent()
                        ? IntStream.range(0, evidence.frameCount()).boxed().toList()
                        : new ArrayList<>(scored.keySet()));
        Map<String, Double> cueValues = new LinkedHashMap<>();
        cueValues.put(LivenessCues.ENCLOSURE, seen.weightedMean(FaceLiveness::enclosure));
        cueValues.put(LivenessCues.MOIRE, seen.weightedMean(FaceLiveness::moire));
        cueValues.putAll(motion.values());
        double confidence = Scores.round(FaceLiveness.sigmoid(calibration.logOdds(model, cueValues)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("confidence_spoofing", confidence);
        data.put("frames_sampled", evidence.frameCount());
        data.put("frames_analyzed", seen.frames().size());
        data.put("liveness_model", evidence.models().liveness().pack());
        data.put("liveness_cues", cues(seen, model, cueValues, motion, calibration));
        data.put("frame_scores", frameScores(evidence, scored, calibration, motion));
        List<UUID> produced = List.of();
        if (bestShot) {
            OutputImage image = bestShot(evidence);
            images.add(image);
            produced = List.of(image.mediaId());
        }
        Resolution resolution = confidence >= threshold ? Resolution.DECLINED : Resolution.SUCCESS;
        if (gesture.isPresent()) {
            Optional<MediaResult> refused = gestureRefusal(evidence, gesture.get(), motion, data, produced);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        return new MediaResult(evidence.mediaId(), resolution, data, null, null, produced);
    }

    /**
     * A gesture not seen DECLINES the media; so does a head movement performed by a flat face — a print or a screen
     * turned before the camera, whose facial points moved as one plane in most frames that could tell.
     */
    private static Optional<MediaResult> gestureRefusal(
            MediaEvidence evidence,
            GestureCheck.Gesture gesture,
            LivenessCues.Motion motion,
            Map<String, Object> data,
            List<UUID> produced) {
        List<MediaEvidence.FaceSignals> followed = IntStream.range(0, evidence.frameCount())
                .mapToObj(evidence::signalsAt)
                .flatMap(Optional::stream)
                .toList();
        GestureCheck.Result checked = GestureCheck.check(gesture, followed);
        data.put("gesture", checked.asResultsData(followed));
        return refusal(checked, motion)
                .map(refused -> new MediaResult(
                        evidence.mediaId(),
                        Resolution.DECLINED,
                        data,
                        refused.code().name(),
                        refused.message(),
                        produced));
    }

    /** Why a checked gesture refuses the media. */
    record Refusal(ErrorCode code, String message) {}

    static Optional<Refusal> refusal(GestureCheck.Result checked, LivenessCues.Motion motion) {
        if (!checked.performed()) {
            return Optional.of(new Refusal(ErrorCode.GESTURE_NOT_PERFORMED, checked.reason()));
        }
        if (checked.gesture().movesTheHead() && motion.planarity().orElse(0) >= FLAT_GESTURE_PLANARITY) {
            return Optional.of(new Refusal(
                    ErrorCode.GESTURE_BY_FLAT_FACE,
                    "the head movement was made by a flat face: a print or a screen moved before the camera"));
        }
        return Optional.empty();
    }

    /**
     * A media that cannot be judged as one live face: no face (even turned), or several people. An
     * attack shown beside a live person is not a capture problem but an attack: DECLINED, with the reason.
     */
    private static Optional<MediaResult> unjudged(MediaEvidence evidence, LivenessLook seen) {
        if (seen.withFace() == 0) {
            return Optional.of(MediaResult.failed(
                    evidence.mediaId(), ErrorCode.NO_FACE_DETECTED, "no face was found in the media"));
        }
        if (seen.crowded() >= Math.max(1, Math.ceil(CROWDED_SHARE * seen.withFace()))) {
            if (seen.attackBesideLiveFace().isPresent()) {
                Map<String, Object> data = Map.of(
                        "confidence_spoofing",
                        Scores.round(seen.attackBesideLiveFace().getAsDouble()),
                        "liveness_model",
                        evidence.models().liveness().pack());
                return Optional.of(new MediaResult(
                        evidence.mediaId(),
                        Resolution.DECLINED,
                        data,
                        "ATTACK_BESIDE_LIVE_FACE",
                        "a face shown on a screen or print appears beside a live face",
                        List.of()));
            }
            return Optional.of(MediaResult.failed(
                    evidence.mediaId(),
                    ErrorCode.MULTIPLE_FACES,
                    "several faces of similar size appear in %d of %d frames; a selfie must show one person"
                            .formatted(seen.crowded(), seen.withFace())));
        }
        return Optional.empty();
    }

    /** The frames liveness looks at: all of them, or a fixed number spread evenly over a densely sampled video. */
    private static List<Integer> livenessSamples(int frames) {
        if (frames <= LIVENESS_SAMPLES) {
            return IntStream.range(0, frames).boxed().toList();
        }
        return IntStream.range(0, LIVENESS_SAMPLES)
                .mapToObj(i -> (int) ((i + 0.5) * frames / LIVENESS_SAMPLES))
                .toList();
    }

    /**
     * Each cue's value — the ensemble's attack log-odds (capped) and the frame cue averaged over the frames as the score
     * is, the motion cues of a video (null where they could not be measured) — and what each contributed to the
     * log-odds that make {@code confidence_spoofing} (0 for a cue the pack reports without weighting).
     */
    private static Map<String, Object> cues(
            LivenessLook seen,
            double model,
            Map<String, Double> values,
            LivenessCues.Motion motion,
            PackManifest.LivenessCalibration calibration) {
        Map<String, Object> cues = new LinkedHashMap<>();
        cues.put("model_attack_probability", Scores.round(FaceLiveness.sigmoid(model)));
        cues.put("model_log_odds", Scores.round(model));
        cues.put(LivenessCues.ENCLOSURE, Scores.round(values.get(LivenessCues.ENCLOSURE)));
        cues.put(LivenessCues.MOIRE, Scores.round(values.get(LivenessCues.MOIRE)));
        cues.put(
                LivenessCues.PLANARITY,
                motion.planarity().isPresent() ? Scores.round(motion.planarity().getAsDouble()) : null);
        cues.put(
                LivenessCues.BLINK,
                motion.blink().map(blinked -> blinked ? 1.0 : 0.0).orElse(null));
        cues.put("frames_turned", seen.turned());
        Map<String, Object> logOdds = new LinkedHashMap<>();
        logOdds.put("intercept", Scores.round(calibration.intercept()));
        logOdds.put("model", Scores.round(calibration.model() * model));
        values.forEach((cue, value) -> logOdds.put(cue, Scores.round(calibration.weight(cue) * value)));
        cues.put("log_odds", logOdds);
        return cues;
    }

    /** Every frame that was scored, in time order, with its own attack probability. */
    private static List<Map<String, Object>> frameScores(
            MediaEvidence evidence,
            Map<Integer, FaceLiveness> scored,
            PackManifest.LivenessCalibration calibration,
            LivenessCues.Motion motion) {
        return new TreeMap<>(scored)
                .entrySet().stream()
                        .map(entry -> {
                            Frame frame = evidence.facesAt(entry.getKey()).frame();
                            Map<String, Double> values =
                                    new LinkedHashMap<>(entry.getValue().cues());
                            values.putAll(motion.values());
                            Map<String, Object> score = new LinkedHashMap<>();
                            score.put("frame", frame.index());
                            score.put("time", Scores.round(frame.timestampSeconds()));
                            score.put(
                                    "confidence_spoofing",
                                    Scores.round(FaceLiveness.sigmoid(
                                            calibration.logOdds(entry.getValue().modelLogOdds(), values))));
                            return score;
                        })
                        .toList();
    }

    private static OutputImage bestShot(MediaEvidence evidence) {
        MediaEvidence.FaceSample best = evidence.rankedFaces().getFirst();
        var image = best.frame().image();
        byte[] jpeg = Thumbnails.jpeg(image, BEST_SHOT_SIDE, 92);
        double scale = Math.min(1.0, (double) BEST_SHOT_SIDE / Math.max(image.cols(), image.rows()));
        return new OutputImage(
                UUID.randomUUID(), evidence.mediaId(), jpeg, (int) Math.round(image.cols() * scale), (int)
                        Math.round(image.rows() * scale));
    }
}
