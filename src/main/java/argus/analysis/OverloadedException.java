package argus.analysis;

import argus.ErrorCode;
import argus.RetryLaterException;

/**
 * The engine is full: the caller should come back after {@link #retryAfterSeconds()}. {@code slots} is how many
 * requests the engine admits at once, the "window" of rate-limit headers.
 */
public class OverloadedException extends RetryLaterException {
    private final int slots;

    public OverloadedException(long retryAfterSeconds, int slots) {
        this("all analysis slots are busy; retry later", retryAfterSeconds, slots);
    }

    public OverloadedException(String message, long retryAfterSeconds, int slots) {
        super(ErrorCode.TOO_MANY_REQUESTS, message, retryAfterSeconds);
        this.slots = slots;
    }

    public int slots() {
        return slots;
    }
}
