package argus.auth;

import argus.ErrorCode;
import argus.RetryLaterException;
import argus.Timestamps;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down guessing. Failures are counted per key in the database (so every instance sees them); past a free
 * allowance each failure blocks the key for twice as long as the one before, up to a cap, and a blocked
 * attempt is refused with 429 and {@code Retry-After} before any password is hashed. Counts lapse after
 * {@link #WINDOW} without failures.
 *
 * <p>Sign-in is limited per account at one address (tight), per address (against spraying many accounts), and per
 * account from anywhere (against a distributed attack). The last one could let an attacker keep a victim out, so
 * its block is short and does not apply at an address the account signed in from successfully before.
 */
@Singleton
public class AttemptThrottle {
    private final Timestamps timestamps;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_BLOCK = Duration.ofSeconds(5);
    static final Duration KNOWN_ADDRESS = Duration.ofDays(90);

    /** What is counted: failures allowed before the first block, and the longest block. */
    public enum Limit {
        SIGN_IN_AT_ADDRESS(5, Duration.ofMinutes(15)),
        SIGN_IN_FROM_ADDRESS(30, Duration.ofMinutes(15)),
        SIGN_IN_TO_ACCOUNT(20, Duration.ofMinutes(2)),
        /** e-mail addresses a user found already taken while creating accounts */
        ACCOUNT_PROBES(10, Duration.ofHours(1));

        final int allowed;
        final Duration maxBlock;

        Limit(int allowed, Duration maxBlock) {
            this.allowed = allowed;
            this.maxBlock = maxBlock;
        }
    }

    private final ThrottleRepository entries;

    public AttemptThrottle(Timestamps timestamps, ThrottleRepository entries) {
        this.timestamps = timestamps;
        this.entries = entries;
    }

    /** Refuses a sign-in to the account from the address while any of its limits blocks it. */
    public void checkSignIn(String email, String address) {
        check(Limit.SIGN_IN_AT_ADDRESS, pair(email, address));
        check(Limit.SIGN_IN_FROM_ADDRESS, address);
        if (!knownAddress(email, address)) {
            check(Limit.SIGN_IN_TO_ACCOUNT, normalized(email));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void signInFailed(String email, String address) {
        failed(Limit.SIGN_IN_AT_ADDRESS, pair(email, address));
        failed(Limit.SIGN_IN_FROM_ADDRESS, address);
        failed(Limit.SIGN_IN_TO_ACCOUNT, normalized(email));
    }

    /** Clears the account's counts (not the address's: it may be trying other accounts) and remembers the address. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void signInSucceeded(String email, String address) {
        Instant now = timestamps.now();
        save(new ThrottleEntry(key(Limit.SIGN_IN_AT_ADDRESS, pair(email, address)), 0, null, null, now));
        entries.deleteById(key(Limit.SIGN_IN_TO_ACCOUNT, normalized(email)));
    }

    public void check(Limit limit, String subject) {
        Instant now = timestamps.now();
        entries.findById(key(limit, subject))
                .filter(entry ->
                        entry.blockedUntil() != null && entry.blockedUntil().isAfter(now))
                .ifPresent(entry -> {
                    throw new RetryLaterException(
                            ErrorCode.TOO_MANY_ATTEMPTS,
                            "too many failed attempts; retry later",
                            Duration.between(now, entry.blockedUntil()).toSeconds() + 1);
                });
    }

    /** Counted in a transaction of its own: the refusal that follows must not roll the count back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(Limit limit, String subject) {
        String key = key(limit, subject);
        Instant now = timestamps.now();
        Optional<ThrottleEntry> current = entries.findById(key);
        int failures = current.filter(entry -> entry.lastFailure() != null
                                && entry.lastFailure().plus(WINDOW).isAfter(now))
                        .map(ThrottleEntry::failures)
                        .orElse(0)
                + 1;
        Instant blockedUntil = failures >= limit.allowed ? now.plus(block(limit, failures - limit.allowed)) : null;
        save(new ThrottleEntry(
                key,
                failures,
                blockedUntil,
                now,
                current.map(ThrottleEntry::lastSuccess).orElse(null)));
    }

    /** 5 s after the last allowed failure, doubling with each one after it, up to the limit's cap. */
    static Duration block(Limit limit, int beyondAllowance) {
        Duration block = FIRST_BLOCK.multipliedBy(1L << Math.min(beyondAllowance, 20));
        return block.compareTo(limit.maxBlock) > 0 ? limit.maxBlock : block;
    }

    private boolean knownAddress(String email, String address) {
        Instant since = timestamps.now().minus(KNOWN_ADDRESS);
        return entries.findById(key(Limit.SIGN_IN_AT_ADDRESS, pair(email, address)))
                .map(ThrottleEntry::lastSuccess)
                .filter(success -> success.isAfter(since))
                .isPresent();
    }

    /** Two instances may count the same key at once: the loser of the insert updates instead (a count may be lost). */
    private void save(ThrottleEntry entry) {
        if (entries.existsById(entry.throttleKey())) {
            entries.update(entry);
            return;
        }
        try {
            entries.save(entry);
        } catch (DataAccessException raced) {
            entries.update(entry);
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void forgetStale() {
        Instant now = timestamps.now();
        entries.deleteStale(now.minus(Duration.ofDays(1)), now.minus(KNOWN_ADDRESS));
    }

    private static String key(Limit limit, String subject) {
        String key = limit.name() + ":" + subject;
        return key.length() <= 400 ? key : key.substring(0, 400);
    }

    private static String pair(String email, String address) {
        return normalized(email) + "|" + address;
    }

    private static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
