package argus.blacklist;

import argus.JsonColumn;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A person of a collection; {@code metaData} is the client's JSON object as text. */
@MappedEntity(value = "person", escape = false)
public record Person(
        @Id UUID id,
        UUID collectionId,
        UUID companyId,

        @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> metaData,

        Instant timeCreated,
        Instant timeUpdated) {}
