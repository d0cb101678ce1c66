package argus.folder;

import argus.analysis.Resolution;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A folder row; {@code metaData} holds the client's JSON object as text. */
@MappedEntity("folder")
public record Folder(@Id UUID id,
                     UUID companyId,
                     UUID userId,
                     @Nullable String resolutionEndpoint,
                     FolderStatus resolutionStatus,
                     String resolutionComment,
                     Resolution systemResolution,
                     String metaData,
                     Instant timeCreated,
                     Instant timeUpdated) {
}
