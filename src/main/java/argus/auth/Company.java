package argus.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A tenant. {@code webhookSecret} signs the webhooks sent for its folders; {@code metaData} is the client's JSON. */
@MappedEntity(value = "company", escape = false)
public record Company(
        @Id UUID id,
        String name,
        boolean active,
        String webhookSecret,
        String metaData,
        Instant timeCreated,
        Instant timeUpdated) {

    public Company withMetaData(String json, Instant time) {
        return new Company(id, name, active, webhookSecret, json, timeCreated, time);
    }
}
