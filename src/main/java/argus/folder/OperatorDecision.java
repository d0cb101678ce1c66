package argus.folder;

import argus.analysis.Resolution;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * An operator's manual decision on a folder ({@code analysisId} null) or on one of its analyses, with who made it and
 * when. Decisions are kept, never overwritten: the latest one on a target stands.
 */
@MappedEntity(value = "operator_decision", escape = false)
public record OperatorDecision(
        @Id UUID id,
        UUID folderId,
        @Nullable UUID analysisId,
        UUID companyId,
        Resolution resolution,
        String comment,
        UUID userId,
        String userEmail,
        Instant timeCreated) {}
