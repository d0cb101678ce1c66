package argus.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A tenant. {@code webhookSecret} signs the webhooks sent for its folders. */
@MappedEntity(value = "company", escape = false)
public record Company(@Id UUID id, String name, boolean active, String webhookSecret, Instant timeCreated, Instant timeUpdated) {
}
