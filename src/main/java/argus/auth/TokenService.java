package argus.auth;

import argus.Digests;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Access tokens: 256 random bits handed to the client once, stored only as their SHA-256. A token is looked up by
 * its hash, so comparing secrets never happens byte by byte in application code. Tokens expire after the configured
 * time without use; each use pushes the expiry forward (written at most once per half lifetime).
 */
@Singleton
public class TokenService {
    private static final int MAX_TOKEN_LENGTH = 256;

    private final AccessTokenRepository tokens;
    private final UserRepository users;
    private final AuthConfig config;
    private final SecureRandom random = new SecureRandom();

    public TokenService(AccessTokenRepository tokens, UserRepository users, AuthConfig config) {
        this.tokens = tokens;
        this.users = users;
        this.config = config;
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public IssuedToken issue(User user) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        Instant expires = now.plus(config.tokenTtl());
        tokens.save(new AccessToken(hash(token), user.id(), expires, false, now));
        return new IssuedToken(token, expires);
    }

    public Optional<Caller> authenticate(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return tokens.findById(hash(token.trim()))
                .filter(stored -> !stored.revoked() && stored.expiresAt().isAfter(now))
                .flatMap(stored -> {
                    slide(stored, now);
                    return users.findById(stored.userId());
                })
                .filter(User::active)
                .map(user -> new Caller(user.id(), user.companyId(), user.email(), user.role()));
    }

    private void slide(AccessToken stored, Instant now) {
        Instant renewed = now.plus(config.tokenTtl());
        if (renewed.isAfter(stored.expiresAt().plus(config.tokenTtl().dividedBy(2)))) {
            tokens.update(new AccessToken(stored.tokenHash(), stored.userId(), renewed, false, stored.timeCreated()));
        }
    }

    private static String hash(String token) {
        return Digests.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
