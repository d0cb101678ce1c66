package argus.blacklist;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A company's list of persons to look for (known fraudsters); {@code metaData} is the client's JSON. */
@MappedEntity(value = "face_collection", escape = false)
public record FaceCollection(
        @Id UUID id, UUID companyId, String alias, String metaData, Instant timeCreated, Instant timeUpdated) {

    public FaceCollection withMetaData(String json, Instant time) {
        return new FaceCollection(id, companyId, alias, json, timeCreated, time);
    }
}
