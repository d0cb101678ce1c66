package argus.forgery;

import argus.analysis.Scores;
import argus.analysis.AnalysisEngine;
import argus.analysis.AnalysisRunner;
import argus.analysis.MediaEvidence;
import argus.analysis.MediaResult;
import argus.vision.FaceForgery;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Forgery evidence for a photo or video, from one decode: the face-swap detector ({@link FaceForgery}) averaged over
 * the sampled frames showing one face, and QUALITY's {@code confidence_spoofing} as the replay (re-capture) evidence.
 * The forgery probability is the larger of the two, or the one there is: a face filling the picture (a face crop)
 * cannot be judged for re-capture, and a face shown beside a live one has no face-swap score of its own.
 */
@Singleton
public class FaceMediaForgery {
    static final double FORGED_FROM = 0.5;

    private final AnalysisEngine engine;
    private final AnalysisRunner runner;
    private final MediaOpener opener;
    private final FaceForgery forgery;

    public FaceMediaForgery(AnalysisEngine engine, AnalysisRunner runner, MediaOpener opener, FaceForgery forgery) {
        this.engine = engine;
        this.runner = runner;
        this.opener = opener;
        this.forgery = forgery;
    }

    /**
     * What the frames showed. {@code probability} is null when no frame had a usable face; {@code reason} then says
     * why.
     */
    public record Evidence(@Nullable Double probability, @Nullable Double faceSwap, @Nullable Double replay, int frames,
                           @Nullable String reason) {

        public boolean forged() {
            return probability != null && probability >= FORGED_FROM;
        }
    }

    /** Decodes the media's sampled frames once and measures both cues on them (call within an engine slot). */
    public Evidence assess(MediaSource source, UUID companyId) {
        return runner.withSamples(source, opener.limits().sampledFrames(), evidence -> {
            OptionalDouble faceSwap = engine.call(() -> IntStream.range(0, evidence.frameCount())
                    .mapToObj(evidence::facesAt)
                    .filter(MediaEvidence.FrameFaces::hasSingleSubject)
                    .mapToDouble(frame -> forgery.forgeryProbability(frame.image(), frame.faces().getFirst()))
                    .average(), "the face-swap check");
            MediaResult quality = runner.quality(evidence, companyId);
            Double replay = quality.resultsData().get("confidence_spoofing") instanceof Double spoofing ? spoofing : null;
            Double swap = faceSwap.isPresent() ? Scores.round(faceSwap.getAsDouble()) : null;
            if (swap == null && replay == null) {
                String reason = quality.errorMessage() != null ? quality.errorMessage() : "no single face was found";
                return new Evidence(null, null, null, evidence.frameCount(), reason);
            }
            double probability = Math.max(swap == null ? 0 : swap, replay == null ? 0 : replay);
            return new Evidence(probability, swap, replay, evidence.frameCount(), null);
        });
    }
}
