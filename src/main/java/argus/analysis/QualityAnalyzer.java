package argus.analysis;

import argus.vision.Thumbnails;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    public AnalysisOutcome analyze(AnalysisRequest request, List<MediaEvidence> sources) {
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

    private MediaResult assess(MediaEvidence evidence, double threshold, boolean bestShot, List<OutputImage> images) {
        List<MediaEvidence.FrameFaces> frames = evidence.faces();
        long withFace = frames.stream().filter(MediaEvidence.FrameFaces::hasFace).count();
        if (withFace == 0) {
            return MediaResult.failed(evidence.mediaId(), "NO_FACE_DETECTED", "no face was found in the media");
        }
        List<MediaEvidence.FrameFaces> usable = frames.stream().filter(MediaEvidence.FrameFaces::hasSingleSubject).toList();
        long crowded = withFace - usable.size();
        if (crowded >= Math.max(1, Math.ceil(CROWDED_SHARE * withFace))) {
            return MediaResult.failed(evidence.mediaId(), "MULTIPLE_FACES",
                    "several faces of similar size appear in %d of %d frames; a selfie must show one person".formatted(crowded, withFace));
        }
        double sum = 0;
        for (MediaEvidence.FrameFaces frame : usable) {
            sum += evidence.models().liveness().spoofProbability(frame.frame().image(), frame.faces().getFirst());
        }
        double confidence = Scores.round(sum / usable.size());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("confidence_spoofing", confidence);
        data.put("frames_sampled", frames.size());
        data.put("frames_analyzed", usable.size());
        data.put("liveness_model", evidence.models().liveness().pack());
        List<UUID> produced = List.of();
        if (bestShot) {
            OutputImage image = bestShot(evidence);
            images.add(image);
            produced = List.of(image.mediaId());
        }
        Resolution resolution = confidence >= threshold ? Resolution.DECLINED : Resolution.SUCCESS;
        return new MediaResult(evidence.mediaId(), resolution, data, null, null, produced);
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
