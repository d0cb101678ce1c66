package argus.api.videodetect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The video-detect wire shapes, each inside the standard {@code {data, success, message}} envelope. */
final class VideoDetectJson {
    private VideoDetectJson() {}

    @Serdeable
    record Envelope<T>(T data, boolean success, String message) {
        static <T> Envelope<T> ok(T data) {
            return new Envelope<>(data, true, "OK");
        }
    }

    @Serdeable
    record Submitted(
            @JsonProperty("submission_id") UUID submissionId,
            String tenant,
            String status,
            String model,
            String message,
            @JsonProperty("tenant_metadata") @Nullable Map<String, Object> tenantMetadata,
            @JsonProperty("created_at") String createdAt) {}

    @Serdeable
    record Status(
            @JsonProperty("submission_id") UUID submissionId,
            String tenant,
            String status,
            @Nullable Map<String, Object> result,
            @JsonProperty("tenant_metadata") @Nullable Map<String, Object> tenantMetadata,
            @Nullable String message,
            @Nullable String error,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("completed_at") @Nullable String completedAt) {}

    @Serdeable
    record TenantSettings(
            @JsonProperty("tenant_slug") String tenantSlug,
            long credits,
            @JsonProperty("metadata_schema") @Nullable Map<String, Object> metadataSchema) {}

    @Serdeable
    record KeyRequest(List<String> scopes) {}

    @Serdeable
    record IssuedKey(
            @JsonProperty("key_id") UUID keyId,
            @JsonProperty("api_key") String apiKey,
            List<String> scopes) {}
}
