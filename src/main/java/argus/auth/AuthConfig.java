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
 * @param jwtSecret       HS256 key of the bearer JWTs of the {@code /api-gateway} contract; unset, none is accepted
 */
@ConfigurationProperties("argus.auth")
public record AuthConfig(@Bindable(defaultValue = "15m") Duration tokenTtl,
                         @Bindable(defaultValue = "7d") Duration refreshTtl,
                         @Bindable(defaultValue = "3650d") Duration serviceTokenTtl,
                         @Bindable(defaultValue = "admin@argus.local") String adminEmail,
                         @Nullable String adminPassword,
                         @Nullable String jwtSecret) {

    public Duration accessTtl(Role role) {
        return role == Role.CLIENT_SERVICE ? serviceTokenTtl : tokenTtl;
    }

    public Duration expireTtl(Role role) {
        return role == Role.CLIENT_SERVICE ? serviceTokenTtl : refreshTtl;
    }
}
