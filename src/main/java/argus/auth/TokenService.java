package argus.auth;

import argus.ArgusException;
import argus.Digests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Token pairs: an access token (sent as X-Forensic-Access-Token) and an expire token (to renew the pair), each 256
 * random bits handed out once and stored only as SHA-256. A token is found by its hash, so secrets are never compared
 * byte by byte in application code, and a token string is never logged. Access tokens expire after the configured
 * time without use (each use extends them); a refresh issues a new pair, and the old pair stops working as soon as
 * the new one is used.
 */
@Singleton
public class TokenService {
    private static final int MAX_TOKEN_LENGTH = 256;

    private final AuthSessionRepository sessions;
    private final UserRepository users;
    private final CompanyRepository companies;
    private final AuthConfig config;
    private final SecureRandom random = new SecureRandom();

    public TokenService(AuthSessionRepository sessions, UserRepository users, CompanyRepository companies, AuthConfig config) {
        this.sessions = sessions;
        this.users = users;
        this.companies = companies;
        this.config = config;
    }

    public record TokenPair(String accessToken, String expireToken, Instant accessExpiresAt, User user) {
    }

    @Transactional
    public TokenPair issue(User user, @Nullable UUID replacing) {
        String access = newToken();
        String expire = newToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuthSession session = new AuthSession(UUID.randomUUID(), user.id(), hash(access), hash(expire),
                now.plus(config.accessTtl(user.role())), now.plus(config.expireTtl(user.role())), false, replacing, now);
        sessions.save(session);
        return new TokenPair(access, expire, session.accessExpiresAt(), user);
    }

    /** The caller an access token identifies, if the token is valid and its user and company active. */
    @Transactional
    public Optional<Caller> authenticate(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<AuthSession> found = sessions.findByAccessHash(hash(token.trim()))
                .filter(session -> !session.revoked() && session.accessExpiresAt().isAfter(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AuthSession session = found.get();
        Optional<User> user = users.findById(session.userId()).filter(User::active)
                .filter(u -> companies.findById(u.companyId()).map(Company::active).orElse(false));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        touch(session, user.get().role(), now);
        return Optional.of(new Caller(user.get().id(), user.get().companyId(), user.get().email(), user.get().role(), session.id()));
    }

    /**
     * First use of a refreshed pair retires the pair it replaced; a use when less than half the lifetime is left
     * extends it (bounded by the expire token), so that storage sees at most one write per half lifetime.
     */
    private void touch(AuthSession session, Role role, Instant now) {
        if (session.previousSessionId() != null) {
            sessions.findById(session.previousSessionId()).ifPresent(previous -> sessions.update(previous.revoke()));
        }
        Instant extended = now.plus(config.accessTtl(role)).truncatedTo(ChronoUnit.MICROS);
        if (extended.isAfter(session.expireExpiresAt())) {
            extended = session.expireExpiresAt();
        }
        boolean halfSpent = extended.isAfter(session.accessExpiresAt().plus(config.accessTtl(role).dividedBy(2)));
        if (halfSpent || session.previousSessionId() != null) {
            sessions.update(session.extendedTo(halfSpent ? extended : session.accessExpiresAt()));
        }
    }

    /** A new pair for the session the expire token belongs to (and, when given, the access token too). */
    @Transactional
    public TokenPair refresh(@Nullable String accessToken, String expireToken) {
        Instant now = Instant.now();
        AuthSession session = sessions.findByExpireHash(hash(expireToken.trim()))
                .filter(s -> !s.revoked() && s.expireExpiresAt().isAfter(now))
                .filter(s -> accessToken == null || accessToken.isBlank() || sameHash(s.accessHash(), hash(accessToken.trim())))
                .orElseThrow(() -> new ArgusException(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "unknown, revoked or expired expire_token"));
        User user = users.findById(session.userId()).filter(User::active)
                .orElseThrow(() -> new ArgusException(HttpStatus.UNAUTHORIZED, "INVALID_TOKEN", "the user is deactivated"));
        return issue(user, session.id());
    }

    @Transactional
    public void revoke(UUID sessionId) {
        sessions.findById(sessionId).ifPresent(session -> sessions.update(session.revoke()));
    }

    @Transactional
    public void revokeAll(UUID userId) {
        sessions.revokeAllOfUser(userId);
    }

    private String newToken() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static boolean sameHash(String stored, String presented) {
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String token) {
        return Digests.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
