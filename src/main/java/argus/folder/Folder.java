package argus.folder;

import argus.JsonColumn;
import argus.analysis.Resolution;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A folder row; {@code metaData} holds the client's JSON object as text. The request context (session, device,
 * location headers) and the idempotency key of the creating request are kept with it.
 */
@MappedEntity(value = "folder", escape = false)
public record Folder(
        @Id UUID id,
        UUID companyId,
        UUID userId,
        @Nullable String resolutionEndpoint,
        FolderStatus resolutionStatus,
        String resolutionComment,
        Resolution systemResolution,

        @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> metaData,

        @Nullable String sessionId,
        @Nullable String deviceInfo,
        @Nullable String geoLocation,
        @Nullable String idempotencyKey,
        Instant timeCreated,
        Instant timeUpdated) {

    public Folder withStatus(FolderStatus status, Resolution resolution, Instant time) {
        return new Folder(
                id,
                companyId,
                userId,
                resolutionEndpoint,
                status,
                resolutionComment,
                resolution,
                metaData,
                sessionId,
                deviceInfo,
                geoLocation,
                idempotencyKey,
                timeCreated,
                time);
    }

    public Folder withResolutionEndpoint(String endpoint, Instant time) {
        return new Folder(
                id,
                companyId,
                userId,
                endpoint,
                resolutionStatus,
                resolutionComment,
                systemResolution,
                metaData,
                sessionId,
                deviceInfo,
                geoLocation,
                idempotencyKey,
                timeCreated,
                time);
    }

    public Folder withMetaData(Map<String, Object> json, Instant time) {
        return new Folder(
                id,
                companyId,
                userId,
                resolutionEndpoint,
                resolutionStatus,
                resolutionComment,
                systemResolution,
                json,
                sessionId,
                deviceInfo,
                geoLocation,
                idempotencyKey,
                timeCreated,
                time);
    }
}
