package argus.analysis;

import argus.ArgusException;
import io.micronaut.http.HttpStatus;

/** The engine is full: the caller should come back after {@link #retryAfterSeconds()}. */
public class OverloadedException extends ArgusException {
    private final long retryAfterSeconds;

    public OverloadedException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", "all analysis slots are busy; retry later");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
