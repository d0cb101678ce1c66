package argus.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * @param tokenTtl        how long an access token lives without use; each use extends it
 * @param refreshTtl      how long the expire token of a pair can renew it
 * @param serviceTokenTtl access token lifetime of CLIENT SERVICE accounts (machine clients)
 * @param adminEmail      the first administrator, created at start-up when no user exists
 * @param adminPassword   its password; when unset a random one is generated and printed once
 * @param jwtSecret       HS256 key (at least 32 bytes) of the bearer JWTs of the {@code /api-gateway} contract
 * @param jwtJwksUrl      JWKS of a partner identity provider whose RS/ES-signed JWTs are accepted as well
 * @param jwtJwksCache    how long the fetched JWKS is used before it is read again (keys rotate)
 * @param jwtAudience     the {@code aud} partner JWTs must carry, when set
 * @param jwtIssuer       the {@code iss} partner JWTs must carry, when set
 */
@ConfigurationProperties("argus.auth")
public record AuthConfig(
        @Bindable(defaultValue = "15m") Duration tokenTtl,
        @Bindable(defaultValue = "7d") Duration refreshTtl,
        @Bindable(defaultValue = "1826d") Duration serviceTokenTtl,
        @Bindable(defaultValue = "admin@argus.local") String adminEmail,
        @Nullable String adminPassword,
        @Nullable String jwtSecret,
        @Nullable String jwtJwksUrl,
        @Bindable(defaultValue = "5m") Duration jwtJwksCache,
        @Nullable String jwtAudience,
        @Nullable String jwtIssuer) {

    public Duration accessTtl(Role role) {
        return role == Role.CLIENT_SERVICE ? serviceTokenTtl : tokenTtl;
    }

    public Duration expireTtl(Role role) {
        return role == Role.CLIENT_SERVICE ? serviceTokenTtl : refreshTtl;
    }
}
