package argus.api.videodetect;

import argus.Application;
import argus.ArgusException;
import argus.ErrorCode;
import argus.api.JsonPayloadReader;
import argus.api.Refusals;
import argus.api.RequestContexts;
import argus.videodetect.ApiKey;
import argus.videodetect.VideoDetectService;
import argus.videodetect.VideoSubmission;
import argus.videodetect.VideoTenant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The video-detect contract: {@code POST /api/v1/{tenant_slug}/video/detect} (multipart {@code video_file} xor
 * {@code video_url}, {@code model}, {@code metadata}; optional {@code Idempotency-Key}) answers 201 with the
 * submission, and {@code GET .../video/detect/{submission_id}} its status and result. The video is judged before the
 * 201 is sent, so the first poll is final.
 */
@SecurityRequirement(name = Application.VIDEO_DETECT_KEY)
@Tag(name = "Video detect")
@Refusals.VideoDetect
@Controller("/api/v1/{tenantSlug}/video/detect")
@ExecuteOn(TaskExecutors.BLOCKING)
class VideoDetectController {
    private final VideoDetectService service;
    private final JsonPayloadReader reader;

    VideoDetectController(VideoDetectService service, JsonPayloadReader reader) {
        this.service = service;
        this.reader = reader;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<VideoDetectJson.Envelope<VideoDetectJson.Submitted>> submitVideoDetection(
            HttpRequest<?> request,
            @PathVariable String tenantSlug,
            @RequestAttribute(VideoKeyFilter.KEY_ATTRIBUTE) ApiKey key,
            @Nullable @Part("video_file") @Schema(name = "video_file") CompletedFileUpload videoFile,
            @Nullable @Part("video_url") @Schema(name = "video_url") String videoUrl,
            @Nullable @Part("model") String model,
            @Nullable @Part("metadata") String metadata) {
        VideoTenant tenant = service.tenant(key, tenantSlug, ApiKey.WRITE);
        String idempotencyKey = RequestContexts.of(request).idempotencyKey();
        VideoSubmission submission;
        try {
            submission = service.submit(
                    key,
                    tenant,
                    new VideoDetectService.Submission(
                            videoFile == null ? null : videoFile.getInputStream(),
                            videoFile == null ? null : videoFile.getFilename(),
                            videoUrl,
                            model,
                            metadata(metadata),
                            idempotencyKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.status(HttpStatus.CREATED)
                .body(VideoDetectJson.Envelope.ok(new VideoDetectJson.Submitted(
                        submission.id(),
                        tenant.tenantSlug(),
                        submission.status(),
                        submission.model(),
                        "Video submitted for processing. Poll the status endpoint for results.",
                        submission.tenantMetadata(),
                        submission.createdAt().toString())));
    }

    @Get("/{submissionId}")
    VideoDetectJson.Envelope<VideoDetectJson.Status> getVideoDetection(
            @PathVariable String tenantSlug,
            @PathVariable UUID submissionId,
            @RequestAttribute(VideoKeyFilter.KEY_ATTRIBUTE) ApiKey key) {
        VideoTenant tenant = service.tenant(key, tenantSlug, ApiKey.READ);
        VideoSubmission submission = service.find(tenant, submissionId)
                .orElseThrow(() -> new ArgusException(ErrorCode.SUBMISSION_NOT_FOUND, "no submission " + submissionId));
        Map<String, Object> metadata = submission.tenantMetadata();
        Map<String, Object> result = submission.result();
        if (result != null) {
            Map<String, Object> full = new LinkedHashMap<>(result);
            full.put("session_id", submission.id());
            full.put("tenant_metadata", metadata);
            result = full;
        }
        return VideoDetectJson.Envelope.ok(new VideoDetectJson.Status(
                submission.id(),
                tenant.tenantSlug(),
                submission.status(),
                result,
                metadata,
                submission.message(),
                submission.error(),
                submission.createdAt().toString(),
                submission.completedAt() == null
                        ? null
                        : submission.completedAt().toString()));
    }

    private @Nullable Map<String, Object> metadata(@Nullable String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return null;
        }
        try {
            return reader.readObject(metadata.getBytes(StandardCharsets.UTF_8), "metadata");
        } catch (ArgusException e) {
            throw new ArgusException(ErrorCode.INVALID_METADATA, "metadata must be a JSON object: " + e.getMessage());
        }
    }
}
