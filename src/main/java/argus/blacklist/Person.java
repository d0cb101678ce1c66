package argus.blacklist;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A person of a collection; {@code metaData} is the client's JSON object as text. */
@MappedEntity(value = "person", escape = false)
public record Person(
        @Id UUID id, UUID collectionId, UUID companyId, String metaData, Instant timeCreated, Instant timeUpdated) {}
