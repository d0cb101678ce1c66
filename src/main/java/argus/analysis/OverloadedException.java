package argus.analysis;

import argus.ArgusException;
import io.micronaut.http.HttpStatus;

/**
 * The engine is full: the caller should come back after {@link #retryAfterSeconds()}. {@code slots} is how many
 * requests the engine admits at once, the "window" of rate-limit headers.
 */
public class OverloadedException extends ArgusException {
    private final long retryAfterSeconds;
    private final int slots;

    public OverloadedException(long retryAfterSeconds, int slots) {
        this("all analysis slots are busy; retry later", retryAfterSeconds, slots);
    }

    public OverloadedException(String message, long retryAfterSeconds, int slots) {
        super(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", message);
        this.retryAfterSeconds = retryAfterSeconds;
        this.slots = slots;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int slots() {
        return slots;
    }
}
