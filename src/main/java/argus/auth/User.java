package argus.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity(value = "app_user", escape = false)
public record User(@Id UUID id,
                   UUID companyId,
                   String email,
                   String passwordHash,
                   Role role,
                   boolean active,
                   String firstName,
                   String lastName,
                   Instant timeCreated,
                   Instant timeUpdated) {
}
