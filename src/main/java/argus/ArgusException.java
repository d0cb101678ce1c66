package argus;

import io.micronaut.http.HttpStatus;

/**
 * The one error family of the service: every refusal carries its {@link ErrorCode}, the HTTP status it is answered
 * with (the code's own, unless a vendor contract documents another) and a message safe to show to the caller.
 */
public class ArgusException extends RuntimeException {
    private final ErrorCode code;
    private final HttpStatus status;

    public ArgusException(ErrorCode code, String message) {
        this(code, code.status(), message);
    }

    /** A refusal answered with the status a vendor contract documents for it rather than the code's own. */
    public ArgusException(ErrorCode code, HttpStatus status, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public ArgusException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = code.status();
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    /** Client input echoed in a message, cut short so that an error never reflects a huge value back. */
    public static String clip(String value) {
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }

    public static ArgusException notFound(String what) {
        return new ArgusException(ErrorCode.NOT_FOUND, what + " not found");
    }
}
