package argus.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A token pair as stored: only the SHA-256 of the access token and of the expire (refresh) token are kept, so a
 * database leak does not leak usable tokens. {@code previousSessionId} is the pair a refresh replaced; it is revoked
 * when this one is first used. Every pair of one login shares its {@code familyId}; {@code expireSpent} marks an
 * expire token already used for a refresh, whose reuse revokes the whole family.
 */
@MappedEntity(value = "auth_session", escape = false)
public record AuthSession(
        @Id UUID id,
        UUID userId,
        String accessHash,
        String expireHash,
        Instant accessExpiresAt,
        Instant expireExpiresAt,
        boolean revoked,
        @Nullable UUID previousSessionId,
        Instant timeCreated,
        UUID familyId,
        boolean expireSpent) {

    AuthSession revoke() {
        return new AuthSession(
                id,
                userId,
                accessHash,
                expireHash,
                accessExpiresAt,
                expireExpiresAt,
                true,
                previousSessionId,
                timeCreated,
                familyId,
                expireSpent);
    }

    AuthSession extendedTo(Instant accessExpiry) {
        return new AuthSession(
                id,
                userId,
                accessHash,
                expireHash,
                accessExpiry,
                expireExpiresAt,
                revoked,
                null,
                timeCreated,
                familyId,
                expireSpent);
    }
}
