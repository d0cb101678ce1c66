package argus.blacklist;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A photo of a person with the embedding of its face (512 float32, little-endian, base64). */
@MappedEntity(value = "person_image", escape = false)
public record PersonImage(
        @Id UUID id,
        UUID personId,
        UUID collectionId,
        UUID companyId,
        String originalName,
        String contentType,
        String storageKey,
        String embedding,
        Instant timeCreated) {}
