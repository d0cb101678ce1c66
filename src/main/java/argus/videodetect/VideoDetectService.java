package argus.videodetect;

import argus.ArgusException;
import argus.Digests;
import argus.ErrorCode;
import argus.Timestamps;
import argus.auth.ActiveAccounts;
import argus.jobs.JobQueue;
import argus.storage.MediaStore;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Submissions of the video-detect contract. A submission is checked (input, model, metadata against the tenant's
 * schema, the file being a video), charged — a model alias {@code mixed-N-v2} samples N frames and costs one credit
 * per 10, taken with a conditional update — and its video stored; then it is recorded {@code pending} and queued
 * ({@link argus.folder.JobQueue#submit}). {@link VideoDetectWork} judges it on the engine ({@code processing}, then {@code completed} or
 * {@code failed}).
 */
@Singleton
public class VideoDetectService {
    private final Timestamps timestamps;
    private static final String DEFAULT_MODEL = "mixed-10-v2";
    static final Map<String, Integer> MODEL_FRAMES = Map.of("mixed-10-v2", 10, "mixed-30-v2", 30);
    private static final Set<String> EXTENSIONS = Set.of("mp4", "avi", "mov", "webm", "mkv");

    private final VideoTenantRepository tenants;
    private final ApiKeyRepository keys;
    private final VideoSubmissionRepository submissions;
    private final VideoDownloader downloader;
    private final MediaStore store;
    private final MediaOpener opener;
    private final JobQueue queue;
    private final ActiveAccounts accounts;

    public VideoDetectService(
            Timestamps timestamps,
            VideoTenantRepository tenants,
            ApiKeyRepository keys,
            VideoSubmissionRepository submissions,
            VideoDownloader downloader,
            MediaStore store,
            MediaOpener opener,
            JobQueue queue,
            ActiveAccounts accounts) {
        this.timestamps = timestamps;
        this.accounts = accounts;
        this.tenants = tenants;
        this.keys = keys;
        this.submissions = submissions;
        this.downloader = downloader;
        this.store = store;
        this.opener = opener;
        this.queue = queue;
    }

    /** The key an {@code X-API-Key} header names, if it is a live one of an active company. */
    public Optional<ApiKey> key(@Nullable String header) {
        return header == null || header.isBlank()
                ? Optional.empty()
                : keys.findByKeyHashAndRevokedFalse(
                                Digests.sha256Hex(header.trim().getBytes(StandardCharsets.UTF_8)))
                        .filter(key -> accounts.companyActive(key.companyId()));
    }

    /** The tenant of the path, which the key must belong to and whose scope it must carry. */
    public VideoTenant tenant(ApiKey key, String slug, String scope) {
        VideoTenant tenant = tenants.findByTenantSlug(slug)
                .orElseThrow(() -> new ArgusException(ErrorCode.TENANT_NOT_FOUND, "no tenant '" + slug + "'"));
        if (!tenant.companyId().equals(key.companyId())) {
            throw new ArgusException(ErrorCode.TENANT_MISMATCH, "the API key does not belong to tenant '" + slug + "'");
        }
        if (!key.allows(scope)) {
            throw new ArgusException(ErrorCode.INSUFFICIENT_SCOPE, "the API key lacks the scope " + scope);
        }
        return tenant;
    }

    /** What a submission carries besides its key and tenant. */
    public record Submission(
            @Nullable InputStream file,
            @Nullable String fileName,
            @Nullable String videoUrl,
            @Nullable String model,
            @Nullable Map<String, Object> metadata,
            @Nullable String idempotencyKey) {}

    public VideoSubmission submit(ApiKey key, VideoTenant tenant, Submission submission) {
        if (submission.idempotencyKey() != null) {
            Optional<VideoSubmission> earlier =
                    submissions.findByApiKeyIdAndIdempotencyKey(key.id(), submission.idempotencyKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if ((submission.file() == null) == (submission.videoUrl() == null)) {
            throw new ArgusException(ErrorCode.INVALID_VIDEO_INPUT, "provide exactly one of video_file or video_url");
        }
        if (submission.file() != null && !EXTENSIONS.contains(extension(submission.fileName()))) {
            throw new ArgusException(
                    ErrorCode.INVALID_VIDEO_INPUT, "allowed file extensions: mp4, avi, mov, webm, mkv");
        }
        String model = submission.model() == null || submission.model().isBlank() ? DEFAULT_MODEL : submission.model();
        Integer frames = MODEL_FRAMES.get(model);
        if (frames == null) {
            throw new ArgusException(
                    ErrorCode.INVALID_VIDEO_INPUT,
                    "unknown model '%s'; available: %s".formatted(model, MODEL_FRAMES.keySet()));
        }
        if (submission.metadata() != null && tenant.metadataSchema() != null) {
            List<String> violations = MetadataSchema.violations(tenant.metadataSchema(), submission.metadata());
            if (!violations.isEmpty()) {
                throw new ArgusException(ErrorCode.INVALID_METADATA, String.join("; ", violations));
            }
        }
        long cost = cost(model);
        if (tenants.charge(tenant.companyId(), cost) != 1) {
            throw new ArgusException(
                    ErrorCode.INSUFFICIENT_CREDITS, "model %s needs %d credit(s)".formatted(model, cost));
        }
        UUID id = UUID.randomUUID();
        String storageKey = "%s/video-detect/%s".formatted(tenant.companyId(), id);
        try {
            store(submission, storageKey);
            Instant now = timestamps.nowInMillis();
            Map<String, Object> metadata = submission.metadata();
            return queue.submit(
                    VideoDetectWork.KIND,
                    id,
                    tenant.companyId(),
                    storageKey,
                    () -> submissions.save(new VideoSubmission(
                            id,
                            tenant.companyId(),
                            key.id(),
                            submission.idempotencyKey(),
                            "pending",
                            model,
                            submission.file() != null ? "video_upload" : "video_url",
                            metadata,
                            null,
                            null,
                            null,
                            now,
                            null,
                            storageKey)));
        } catch (RuntimeException e) {
            tenants.refund(tenant.companyId(), cost);
            if (e instanceof DataAccessException && submission.idempotencyKey() != null) {
                Optional<VideoSubmission> raced =
                        submissions.findByApiKeyIdAndIdempotencyKey(key.id(), submission.idempotencyKey());
                if (raced.isPresent()) {
                    return raced.get();
                }
            }
            throw e;
        }
    }

    /** Stages the upload or download, checks that it is a video, and stores it under {@code storageKey}. */
    private void store(Submission submission, String storageKey) {
        MediaStore.StagedFile staged = submission.file() != null
                ? store.stageUpload(submission.file())
                : downloader.fetch(submission.videoUrl());
        store.keep(staged, storageKey, file -> {
            try {
                opener.openVideo(file).close();
            } catch (MediaRejectedException e) {
                throw new ArgusException(ErrorCode.INVALID_VIDEO_INPUT, e.getMessage());
            }
        });
    }

    public Optional<VideoSubmission> find(VideoTenant tenant, UUID id) {
        return submissions.findByIdAndCompanyId(id, tenant.companyId());
    }

    static long cost(String model) {
        return MODEL_FRAMES.get(model) / 10;
    }

    private static String extension(@Nullable String fileName) {
        if (fileName == null || fileName.lastIndexOf('.') < 0) {
            return "";
        }
        return fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
