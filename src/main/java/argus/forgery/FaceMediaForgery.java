package argus.forgery;

import argus.analysis.AnalysisEngine;
import argus.analysis.AnalysisRunner;
import argus.analysis.MediaEvidence;
import argus.analysis.MediaResult;
import argus.analysis.Scores;
import argus.vision.FaceForgery;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import argus.vision.PackManifest;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Forgery evidence for a photo or video, from one decode: the face-swap detector ({@link FaceForgery}), its median over
 * the sampled frames showing one face (a few odd frames do not decide), and QUALITY's {@code confidence_spoofing} as
 * the replay (re-capture) evidence. Re-capture decides when it says attack; otherwise the face-swap score, read
 * through its fitted bands, says manipulated, authentic, or that it cannot tell. A face crop too close for liveness is
 * judged on its face-swap score; a face shown beside a live one (QUALITY's {@code ATTACK_BESIDE_LIVE_FACE}) is
 * re-capture evidence on its own.
 */
@Singleton
public class FaceMediaForgery {
    static final double REPLAY_FROM = 0.5;

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
     * What the frames showed. {@code probability} (of manipulation, on the verdict scale of
     * {@link PackManifest.EvidenceBands#onVerdictScale}) and {@code verdict} are null when no frame had a
     * usable face; {@code reason} then says why, and otherwise what decided.
     */
    public record Evidence(
            @Nullable Double probability,
            @Nullable Double faceSwap,
            @Nullable Double replay,
            int frames,
            PackManifest.EvidenceBands.@Nullable Verdict verdict,
            String reason) {

        public boolean judged() {
            return verdict != null;
        }
    }

    /** Refuses at once when the face-swap pack is not installed ({@code MODEL_UNAVAILABLE}). */
    public void requireInstalled() {
        forgery.requireInstalled();
    }

    /** Decodes the media's sampled frames once and measures both cues on them (call within an engine slot). */
    public Evidence assess(MediaSource source, UUID companyId) {
        return runner.withSamples(source, opener.limits().sampledFrames(), evidence -> {
            double[] perFrame = engine.call(
                    () -> IntStream.range(0, evidence.frameCount())
                            .mapToObj(evidence::facesAt)
                            .filter(MediaEvidence.FrameFaces::hasSingleSubject)
                            .mapToDouble(frame -> forgery.forgeryProbability(
                                    frame.image(), frame.faces().getFirst()))
                            .sorted()
                            .toArray(),
                    "the face-swap check");
            MediaResult quality = runner.quality(evidence, companyId);
            Double replay =
                    quality.resultsData().get("confidence_spoofing") instanceof Double spoofing ? spoofing : null;
            Double swap = perFrame.length == 0 ? null : Scores.round(median(perFrame));
            return judge(swap, replay, quality, evidence.frameCount());
        });
    }

    /**
     * The verdict, and the probability of manipulation on the verdict scale: a re-capture from its threshold up
     * decides (its own probability, above 0.5); otherwise the face-swap score read through its bands, and below them a
     * re-capture's probability scaled into the authentic band, whichever is higher.
     */
    private Evidence judge(@Nullable Double swap, @Nullable Double replay, MediaResult quality, int frames) {
        if (swap == null && replay == null) {
            return new Evidence(
                    null,
                    null,
                    null,
                    frames,
                    null,
                    quality.errorMessage() != null ? quality.errorMessage() : "no single face was found");
        }
        double probability = replay != null && replay >= REPLAY_FROM
                ? replay
                : Math.max(
                        swap == null ? 0 : forgery.bands().onVerdictScale(swap),
                        replay == null ? 0 : replay / REPLAY_FROM * PackManifest.EvidenceBands.INCONCLUSIVE_ON_SCALE);
        if (replay != null && replay >= REPLAY_FROM) {
            String why = quality.errorMessage() != null
                    ? quality.errorMessage()
                    : "the face was re-captured from a screen or a print";
            return new Evidence(probability, swap, replay, frames, PackManifest.EvidenceBands.Verdict.MANIPULATED, why);
        }
        if (swap == null) {
            return new Evidence(
                    probability,
                    null,
                    replay,
                    frames,
                    PackManifest.EvidenceBands.Verdict.AUTHENTIC,
                    "a live face, not re-captured");
        }
        PackManifest.EvidenceBands.Verdict verdict = forgery.bands().verdict(swap);
        String why = switch (verdict) {
            case MANIPULATED -> "the face shows the traces a face swap leaves";
            case INCONCLUSIVE ->
                "the face-swap score lies where genuine faces from ordinary cameras also reach; no verdict";
            case AUTHENTIC ->
                replay == null
                        ? "no trace of a face swap; re-capture could not be judged (" + quality.errorMessage() + ")"
                        : "neither a face swap nor a re-capture";
        };
        return new Evidence(probability, swap, replay, frames, verdict, why);
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
