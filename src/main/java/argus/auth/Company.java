package argus.auth;

import argus.JsonColumn;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A tenant. {@code webhookSecret} signs the webhooks sent for its folders; {@code metaData} is the client's JSON. */
@MappedEntity(value = "company", escape = false)
public record Company(
        @Id UUID id,
        String name,
        boolean active,
        String webhookSecret,

        @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> metaData,

        Instant timeCreated,
        Instant timeUpdated) {

    public Company withMetaData(Map<String, Object> json, Instant time) {
        return new Company(id, name, active, webhookSecret, json, timeCreated, time);
    }
}
