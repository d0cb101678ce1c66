package argus.authenticity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A finished audio authenticity task; {@code result} is the JSON list of per-channel scores. */
@MappedEntity("authenticity_task")
public record AuthenticityTask(@Id UUID id,
                               UUID companyId,
                               UUID userId,
                               @Nullable String fileName,
                               @Nullable Double segmentStart,
                               @Nullable Double segmentEnd,
                               String result,
                               Instant timeCreated) {
}
