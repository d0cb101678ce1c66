package argus.videodetect;

import argus.JsonColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A company as a video-detect tenant: its slug in the paths, its credit balance and its metadata JSON schema. */
@MappedEntity(value = "video_tenant", escape = false)
public record VideoTenant(
        @Id UUID companyId,
        String tenantSlug,
        long credits,

        @Nullable @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> metadataSchema,

        Instant timeUpdated) {}
