package argus.blacklist;

import argus.JsonColumn;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A company's list of persons to look for (known fraudsters); {@code metaData} is the client's JSON. */
@MappedEntity(value = "face_collection", escape = false)
public record FaceCollection(
        @Id UUID id,
        UUID companyId,
        String alias,

        @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> metaData,

        Instant timeCreated,
        Instant timeUpdated) {

    public FaceCollection withMetaData(Map<String, Object> json, Instant time) {
        return new FaceCollection(id, companyId, alias, json, timeCreated, time);
    }
}
