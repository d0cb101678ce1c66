package argus.videodetect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A company as a video-detect tenant: its slug in the paths, its credit balance and its metadata JSON schema. */
@MappedEntity(value = "video_tenant", escape = false)
public record VideoTenant(
        @Id UUID companyId,
        String tenantSlug,
        long credits,
        @Nullable String metadataSchema,
        Instant timeUpdated) {}
