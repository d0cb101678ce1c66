package argus.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("company")
public record Company(@Id UUID id, String name, Instant timeCreated) {
}
