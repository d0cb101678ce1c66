package argus.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A token as stored: only its SHA-256 is kept, so a database leak does not leak usable tokens. */
@MappedEntity("access_token")
public record AccessToken(@Id String tokenHash, UUID userId, Instant expiresAt, boolean revoked, Instant timeCreated) {
}
