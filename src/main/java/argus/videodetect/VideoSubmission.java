package argus.videodetect;

import argus.JsonColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A submitted video and, once done, its result or error. {@code tenantMetadata} is the validated metadata;
 * {@code storageKey} holds the video until it has been judged.
 */
@MappedEntity(value = "video_submission", escape = false)
public record VideoSubmission(
        @Id UUID id,
        UUID companyId,
        UUID apiKeyId,
        @Nullable String idempotencyKey,
        String status,
        String model,
        String inputSource,

        @Nullable @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> tenantMetadata,

        @Nullable @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> result,

        @Nullable String message,
        @Nullable String error,
        Instant createdAt,
        @Nullable Instant completedAt,
        @Nullable String storageKey) {

    VideoSubmission processing() {
        return new VideoSubmission(
                id,
                companyId,
                apiKeyId,
                idempotencyKey,
                "processing",
                model,
                inputSource,
                tenantMetadata,
                null,
                "Processing.",
                null,
                createdAt,
                null,
                storageKey);
    }

    VideoSubmission finished(@Nullable Map<String, Object> result, @Nullable String error, Instant time) {
        return new VideoSubmission(
                id,
                companyId,
                apiKeyId,
                idempotencyKey,
                error == null ? "completed" : "failed",
                model,
                inputSource,
                tenantMetadata,
                result,
                error == null ? "Processing complete." : "Processing failed.",
                error,
                createdAt,
                time,
                null);
    }

    boolean open() {
        return status.equals("pending") || status.equals("processing");
    }
}
