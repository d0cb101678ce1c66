package argus.videodetect;

import argus.Digests;
import argus.analysis.AnalysisEngine;
import argus.analysis.AnalysisRequest;
import argus.analysis.AnalysisRunner;
import argus.analysis.AnalysisType;
import argus.analysis.MediaEvidence;
import argus.analysis.MediaResult;
import argus.folder.JsonText;
import argus.storage.MediaStore;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Video liveness for the video-detect contract, on QUALITY: a model alias {@code mixed-N-v2} samples N frames of the
 * video and costs one credit per 10 frames, charged with a conditional update before the work and refunded when the
 * video cannot be judged (refused, or no usable face: the submission then ends {@code failed} with the reason). The submission is recorded with its result before it is acknowledged; the video is not
 * kept.
 */
@Singleton
public class VideoDetectService {
    public static final String DEFAULT_MODEL = "mixed-10-v2";
    static final Map<String, Integer> MODEL_FRAMES = Map.of("mixed-10-v2", 10, "mixed-30-v2", 30);
    private static final Set<String> EXTENSIONS = Set.of("mp4", "avi", "mov", "webm", "mkv");

    private final VideoTenantRepository tenants;
    private final ApiKeyRepository keys;
    private final VideoSubmissionRepository submissions;
    private final VideoDownloader downloader;
    private final MediaStore store;
    private final MediaOpener opener;
    private final AnalysisEngine engine;
    private final AnalysisRunner runner;
    private final JsonText json;

    public VideoDetectService(VideoTenantRepository tenants, ApiKeyRepository keys, VideoSubmissionRepository submissions,
                              VideoDownloader downloader, MediaStore store, MediaOpener opener, AnalysisEngine engine,
                              AnalysisRunner runner, JsonText json) {
        this.tenants = tenants;
        this.keys = keys;
        this.submissions = submissions;
        this.downloader = downloader;
        this.store = store;
        this.opener = opener;
        this.engine = engine;
        this.runner = runner;
        this.json = json;
    }

    /** The key an {@code X-API-Key} header names, if it is a live one. */
    public Optional<ApiKey> key(@Nullable String header) {
        return header == null || header.isBlank() ? Optional.empty()
                : keys.findByKeyHashAndRevokedFalse(Digests.sha256Hex(header.trim().getBytes(StandardCharsets.UTF_8)));
    }

    /** The tenant of the path, which the key must belong to and whose scope it must carry. */
    public VideoTenant tenant(ApiKey key, String slug, String scope) {
        VideoTenant tenant = tenants.findByTenantSlug(slug)
                .orElseThrow(() -> new VideoDetectException(HttpStatus.NOT_FOUND, "tenant_not_found", "no tenant '" + slug + "'"));
        if (!tenant.companyId().equals(key.companyId())) {
            throw new VideoDetectException(HttpStatus.FORBIDDEN, "tenant_mismatch", "the API key does not belong to tenant '" + slug + "'");
        }
        if (!key.allows(scope)) {
            throw new VideoDetectException(HttpStatus.FORBIDDEN, "insufficient_scope", "the API key lacks the scope " + scope);
        }
        return tenant;
    }

    /** What a submission carries besides its key and tenant. */
    public record Submission(@Nullable InputStream file, @Nullable String fileName, @Nullable String videoUrl, @Nullable String model,
                             @Nullable Map<String, Object> metadata, @Nullable String idempotencyKey) {
    }

    public VideoSubmission submit(ApiKey key, VideoTenant tenant, Submission submission) {
        if (submission.idempotencyKey() != null) {
            Optional<VideoSubmission> earlier = submissions.findByApiKeyIdAndIdempotencyKey(key.id(), submission.idempotencyKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if ((submission.file() == null) == (submission.videoUrl() == null)) {
            throw VideoDetectException.invalidInput("provide exactly one of video_file or video_url");
        }
        if (submission.file() != null && !EXTENSIONS.contains(extension(submission.fileName()))) {
            throw VideoDetectException.invalidInput("allowed file extensions: mp4, avi, mov, webm, mkv");
        }
        String model = submission.model() == null || submission.model().isBlank() ? DEFAULT_MODEL : submission.model();
        Integer frames = MODEL_FRAMES.get(model);
        if (frames == null) {
            throw VideoDetectException.invalidInput("unknown model '%s'; available: %s".formatted(model, MODEL_FRAMES.keySet()));
        }
        if (submission.metadata() != null && tenant.metadataSchema() != null) {
            List<String> violations = MetadataSchema.violations(json.object(tenant.metadataSchema()), submission.metadata());
            if (!violations.isEmpty()) {
                throw VideoDetectException.invalidMetadata(String.join("; ", violations));
            }
        }
        long cost = frames / 10;
        if (tenants.charge(tenant.companyId(), cost) != 1) {
            throw new VideoDetectException(HttpStatus.PAYMENT_REQUIRED, "insufficient_credits",
                    "model %s needs %d credit(s)".formatted(model, cost));
        }
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Judgement judgement;
        try {
            judgement = judge(submission, frames, tenant, created, model);
        } catch (RuntimeException e) {
            tenants.refund(tenant.companyId(), cost);
            throw e;
        }
        if (judgement.error() != null) {
            tenants.refund(tenant.companyId(), cost);
        }
        return record(key, submission, model, created, judgement);
    }

    public Optional<VideoSubmission> find(VideoTenant tenant, UUID id) {
        return submissions.findByIdAndCompanyId(id, tenant.companyId());
    }

    public Map<String, Object> object(@Nullable String text) {
        return text == null ? null : json.object(text);
    }

    /** The QUALITY verdict on the video, or the reason there is none. */
    private record Judgement(@Nullable Map<String, Object> result, @Nullable String error) {
    }

    private Judgement judge(Submission submission, int frames, VideoTenant tenant, Instant created, String model) {
        long start = System.nanoTime();
        try (AnalysisEngine.Admission ignored = engine.admit()) {
            MediaStore.StagedFile staged = submission.file() != null ? store.stageUpload(submission.file()) : downloader.fetch(submission.videoUrl());
            try (MediaSource source = openVideo(staged)) {
                List<MediaEvidence> evidence = runner.decode(List.of(new AnalysisRunner.DecodeJob(UUID.randomUUID(), List.of(), source,
                        s -> s.sample(frames))));
                try {
                    MediaResult quality = runner.run(List.of(new AnalysisRunner.Planned(new AnalysisRequest(AnalysisType.QUALITY, Map.of(), Map.of()),
                            evidence, tenant.companyId()))).getFirst().mediaResults().getFirst();
                    if (!(quality.resultsData().get("confidence_spoofing") instanceof Double spoofing)) {
                        return new Judgement(null, quality.errorMessage());
                    }
                    return new Judgement(result(1 - spoofing, quality, model, submission, start, created), null);
                } finally {
                    evidence.forEach(MediaEvidence::close);
                }
            } finally {
                store.discard(staged);
            }
        }
    }

    private MediaSource openVideo(MediaStore.StagedFile staged) {
        try {
            return opener.openVideo(staged.path());
        } catch (MediaRejectedException e) {
            throw VideoDetectException.invalidInput(e.getMessage());
        }
    }

    private Map<String, Object> result(double real, MediaResult quality, String model, Submission submission, long start, Instant created) {
        boolean live = real >= 0.5;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verdict", live ? "live" : "fake");
        result.put("confidence", round(live ? real : 1 - real));
        result.put("real_score", round(real));
        result.put("score", Math.round(real * 1000) / 10.0);
        result.put("type", band(real));
        result.put("model", model);
        result.put("input_source", submission.file() != null ? "video_upload" : "video_url");
        result.put("processing_ms", (System.nanoTime() - start) / 1_000_000);
        result.put("frames_processed", quality.resultsData().get("frames_analyzed"));
        result.put("warning", null);
        result.put("created_at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return result;
    }

    /** The liveness band of a real score, in fifths. */
    static String band(double real) {
        return real < 0.2 ? "VERY LOW" : real < 0.4 ? "LOW" : real < 0.6 ? "MEDIUM" : real < 0.8 ? "HIGH" : "VERY HIGH";
    }

    private VideoSubmission record(ApiKey key, Submission submission, String model, Instant created, Judgement judgement) {
        boolean completed = judgement.error() == null;
        VideoSubmission row = new VideoSubmission(UUID.randomUUID(), key.companyId(), key.id(), submission.idempotencyKey(),
                completed ? "completed" : "failed", model, submission.file() != null ? "video_upload" : "video_url",
                submission.metadata() == null ? null : json.write(submission.metadata()), completed ? json.write(judgement.result()) : null,
                completed ? "Processing complete." : "Processing failed.", judgement.error(), created, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            return submissions.save(row);
        } catch (DataAccessException raced) {
            return submissions.findByApiKeyIdAndIdempotencyKey(key.id(), submission.idempotencyKey()).orElseThrow(() -> raced);
        }
    }

    private static String extension(@Nullable String fileName) {
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return "";
        }
        return fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
