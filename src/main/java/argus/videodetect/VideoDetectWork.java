package argus.videodetect;

import argus.ErrorCode;
import argus.Timestamps;
import argus.analysis.AnalysisRunner;
import argus.analysis.MediaEvidence;
import argus.analysis.MediaResult;
import argus.analysis.QualityAnalyzer;
import argus.analysis.Scores;
import argus.jobs.QueuedWork;
import argus.storage.MediaStore;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Judges a queued video-detect submission with QUALITY on every one of the model's frames (10 for {@code mixed-10-v2},
 * 30 for {@code mixed-30-v2}, fewer only when the video has fewer): {@code real_score} is 1 - {@code confidence_spoofing},
 * the verdict {@code live} from 0.5, {@code score} its percentage and {@code type} its fifth; a screen held up beside a
 * live face is {@code fake} with the reason in {@code warning}. A video that cannot be judged (no usable face,
 * unreadable) ends {@code failed} and its credits are given back. The stored video is removed once judged.
 */
@Singleton
public class VideoDetectWork implements QueuedWork {
    private final Timestamps timestamps;
    static final String KIND = "VIDEO_DETECT";

    private final VideoSubmissionRepository submissions;
    private final VideoTenantRepository tenants;
    private final MediaStore store;
    private final MediaOpener opener;
    private final AnalysisRunner runner;

    public VideoDetectWork(
            Timestamps timestamps,
            VideoSubmissionRepository submissions,
            VideoTenantRepository tenants,
            MediaStore store,
            MediaOpener opener,
            AnalysisRunner runner) {
        this.timestamps = timestamps;
        this.submissions = submissions;
        this.tenants = tenants;
        this.store = store;
        this.opener = opener;
        this.runner = runner;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(UUID submissionId) {
        VideoSubmission submission =
                submissions.findById(submissionId).filter(VideoSubmission::open).orElse(null);
        if (submission == null) {
            return;
        }
        submission = submissions.update(submission.processing());
        long start = System.nanoTime();
        try (MediaStore.LocalFile file = store.fetch(submission.storageKey());
                MediaSource source = opener.openVideo(file.path())) {
            UUID companyId = submission.companyId();
            Judged judged = runner.withSamples(
                    source,
                    VideoDetectService.MODEL_FRAMES.get(submission.model()),
                    evidence -> new Judged(
                            runner.quality(evidence, companyId, Map.of(QualityAnalyzer.EVERY_FRAME, true)),
                            distinctFrames(evidence)));
            MediaResult quality = judged.quality();
            if (quality.resultsData().get("confidence_spoofing") instanceof Double spoofing) {
                finish(submission, result(1 - spoofing, judged, submission, start), null);
            } else {
                finish(submission, null, quality.errorMessage());
            }
        } catch (MediaRejectedException e) {
            finish(submission, null, e.getMessage());
        } catch (IOException e) {
            finish(submission, null, "the stored video cannot be read");
        }
    }

    @Override
    public void abandon(UUID submissionId, ErrorCode code, String reason) {
        submissions
                .findById(submissionId)
                .filter(VideoSubmission::open)
                .ifPresent(submission -> finish(submission, null, reason));
    }

    private void finish(VideoSubmission submission, @Nullable Map<String, Object> result, @Nullable String error) {
        submissions.update(submission.finished(result, error, timestamps.nowInMillis()));
        if (error != null) {
            tenants.refund(submission.companyId(), VideoDetectService.cost(submission.model()));
        }
        store.deleteQuietly(submission.storageKey());
    }

    /** QUALITY's result, and how many of the clip's frames it was given. */
    private record Judged(MediaResult quality, int frames) {}

    /** The clip's frames among the samples: N for a clip of at least N frames, all of them for a shorter one. */
    private static int distinctFrames(MediaEvidence evidence) {
        return (int) IntStream.range(0, evidence.frameCount())
                .map(i -> evidence.media().frame(i).index())
                .distinct()
                .count();
    }

    private Map<String, Object> result(double real, Judged judged, VideoSubmission submission, long start) {
        MediaResult quality = judged.quality();
        boolean live = real >= 0.5;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verdict", live ? "live" : "fake");
        result.put("confidence", Scores.round(live ? real : 1 - real));
        result.put("real_score", Scores.round(real));
        result.put("score", Math.round(real * 1000) / 10.0);
        result.put("type", band(real));
        result.put("model", submission.model());
        result.put("input_source", submission.inputSource());
        result.put("processing_ms", (System.nanoTime() - start) / 1_000_000);
        result.put("frames_processed", judged.frames());
        result.put("warning", quality.errorMessage());
        result.put("created_at", timestamps.nowInMillis().toString());
        return result;
    }

    /** The liveness band of a real score, in fifths. */
    static String band(double real) {
        return real < 0.2 ? "VERY LOW" : real < 0.4 ? "LOW" : real < 0.6 ? "MEDIUM" : real < 0.8 ? "HIGH" : "VERY HIGH";
    }
}
