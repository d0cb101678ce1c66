package argus.videodetect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A submitted video and, once done, its result (JSON) or error. {@code tenantMetadata} is the validated JSON. */
@MappedEntity("video_submission")
public record VideoSubmission(@Id UUID id,
                              UUID companyId,
                              UUID apiKeyId,
                              @Nullable String idempotencyKey,
                              String status,
                              String model,
                              String inputSource,
                              @Nullable String tenantMetadata,
                              @Nullable String result,
                              @Nullable String message,
                              @Nullable String error,
                              Instant createdAt,
                              @Nullable Instant completedAt) {
}
