package argus;

/** A refusal for now (429): the caller may try again after {@link #retryAfterSeconds()}, sent as {@code Retry-After}. */
public class RetryLaterException extends ArgusException {
    private final long retryAfterSeconds;

    public RetryLaterException(ErrorCode code, String message, long retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
