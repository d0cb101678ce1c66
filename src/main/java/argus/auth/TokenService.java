package argus.auth;

import argus.ArgusException;
import argus.Digests;
import argus.ErrorCode;
import argus.Timestamps;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token pairs: an access token (sent as X-Forensic-Access-Token) and an expire token (to renew the pair), each 512
 * random bits handed out once and stored only as SHA-256. A token is found by its hash, so secrets are never compared
 * byte by byte in application code, and a token string is never logged. Access tokens expire after the configured
 * time without use (each use extends them). A refresh spends the expire token it presents and issues a new pair;
 * the old access token keeps working until the new pair is first used. Presenting a spent expire token again means
 * it was copied: every pair descending from that login is revoked.
 */
@Singleton
public class TokenService {
    private final Timestamps timestamps;
    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
    private static final int MAX_TOKEN_LENGTH = 256;

    private final AuthSessionRepository sessions;
    private final ActiveAccounts accounts;
    private final AuthConfig config;
    private final SecureRandom random = new SecureRandom();

    public TokenService(
            Timestamps timestamps, AuthSessionRepository sessions, ActiveAccounts accounts, AuthConfig config) {
        this.timestamps = timestamps;
        this.sessions = sessions;
        this.accounts = accounts;
        this.config = config;
    }

    public record TokenPair(String accessToken, String expireToken, Instant accessExpiresAt, User user) {}

    /** A new pair for a sign-in: the first of its family. */
    public TokenPair issue(User user) {
        return issue(user, null, null);
    }

    private TokenPair issue(User user, @Nullable UUID replacing, @Nullable UUID familyId) {
        String access = newToken();
        String expire = newToken();
        Instant now = timestamps.now();
        UUID id = UUID.randomUUID();
        AuthSession session = new AuthSession(
                id,
                user.id(),
                hash(access),
                hash(expire),
                now.plus(config.accessTtl(user.role())),
                now.plus(config.expireTtl(user.role())),
                false,
                replacing,
                now,
                familyId == null ? id : familyId,
                false);
        sessions.save(session);
        return new TokenPair(access, expire, session.accessExpiresAt(), user);
    }

    /** The caller an access token identifies, if the token is valid and its user and company active. */
    @Transactional
    public Optional<Caller> authenticate(@Nullable String token) {
        try {
            return Optional.of(caller(token));
        } catch (ArgusException refused) {
            return Optional.empty();
        }
    }

    /**
     * The caller an access token identifies; refused as {@code NO_TOKEN}, {@code INVALID_TOKEN} (unknown, revoked, or
     * its user or company inactive) or {@code TOKEN_EXPIRED}, the three cases Oz clients tell apart.
     */
    @Transactional
    public Caller require(@Nullable String token) {
        return caller(token);
    }

    /** Not intercepted, so that a refusal inside {@link #authenticate} does not mark its transaction for rollback. */
    private Caller caller(@Nullable String token) {
        if (token == null || token.isBlank()) {
            throw new ArgusException(ErrorCode.NO_TOKEN, "the request carries no access token");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalidAccess();
        }
        Instant now = timestamps.now();
        AuthSession session = sessions.findByAccessHash(hash(token.trim()))
                .filter(found -> !found.revoked())
                .orElseThrow(TokenService::invalidAccess);
        if (!session.accessExpiresAt().isAfter(now)) {
            throw new ArgusException(
                    ErrorCode.TOKEN_EXPIRED, "the access token has expired; refresh it or sign in again");
        }
        User user = accounts.user(session.userId()).orElseThrow(TokenService::invalidAccess);
        touch(session, user.role(), now);
        return Caller.of(user, session.id());
    }

    private static ArgusException invalidAccess() {
        return new ArgusException(ErrorCode.INVALID_TOKEN, "unknown or revoked access token");
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
        boolean halfSpent = extended.isAfter(
                session.accessExpiresAt().plus(config.accessTtl(role).dividedBy(2)));
        if (halfSpent || session.previousSessionId() != null) {
            sessions.update(session.extendedTo(halfSpent ? extended : session.accessExpiresAt()));
        }
    }

    /**
     * A new pair for the session the expire token belongs to (and, when given, the access token too). Not one
     * transaction on purpose: the expire token is spent by a conditional update that commits on its own, so that two
     * refreshes racing with one token cannot both win, and a detected reuse stays revoked when the refusal is thrown.
     */
    public TokenPair refresh(@Nullable String accessToken, String expireToken) {
        Instant now = timestamps.now();
        AuthSession session = sessions.findByExpireHash(hash(expireToken.trim()))
                .orElseThrow(() -> invalid("unknown, revoked or expired expire_token"));
        if (session.expireSpent()) {
            throw reused(session);
        }
        if (session.revoked() || !session.expireExpiresAt().isAfter(now)) {
            throw invalid("unknown, revoked or expired expire_token");
        }
        if (accessToken != null
                && !accessToken.isBlank()
                && !sameHash(session.accessHash(), hash(accessToken.trim()))) {
            throw new ArgusException(
                    ErrorCode.PERMISSION_DENIED,
                    "the access token does not belong to the session of this expire_token");
        }
        User user =
                accounts.user(session.userId()).orElseThrow(() -> invalid("the account or its company is deactivated"));
        if (sessions.spendExpire(session.id()) != 1) {
            throw reused(session);
        }
        return issue(user, session.id(), session.familyId());
    }

    private ArgusException reused(AuthSession session) {
        sessions.revokeFamily(session.familyId());
        LOG.warn(
                "a spent expire token of user {} was presented again: every session of that sign-in is revoked",
                session.userId());
        return new ArgusException(
                ErrorCode.TOKEN_REUSED,
                "this expire_token was already used; every token of that sign-in is revoked, sign in again");
    }

    private static ArgusException invalid(String message) {
        return new ArgusException(ErrorCode.INVALID_TOKEN, message);
    }

    @Transactional
    public void revoke(UUID sessionId) {
        sessions.findById(sessionId).ifPresent(session -> sessions.update(session.revoke()));
    }

    @Transactional
    public void revokeAll(UUID userId) {
        sessions.revokeAllOfUser(userId);
    }

    /** After a user changed its own password: every other session ends, the one it used goes on. */
    @Transactional
    public void revokeAllBut(UUID userId, UUID keptSessionId) {
        sessions.revokeAllOfUserBut(userId, keptSessionId);
    }

    /** 64 random bytes as 128 lower-case hex digits, the form Oz tokens have (and scripts match on). */
    private String newToken() {
        byte[] secret = new byte[64];
        random.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static boolean sameHash(String stored, String presented) {
        return MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String token) {
        return Digests.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
