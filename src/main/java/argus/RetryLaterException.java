package argus;

import io.micronaut.http.HttpStatus;

/** A refusal for now (429): the caller may try again after {@link #retryAfterSeconds()}, sent as {@code Retry-After}. */
public class RetryLaterException extends ArgusException {
    private final long retryAfterSeconds;

    public RetryLaterException(String code, String message, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
