package argus;

import io.micronaut.http.HttpStatus;

/**
 * The one error family of the service: every refusal carries the HTTP status, a stable machine-readable code and a
 * message safe to show to the caller.
 */
public class ArgusException extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    public ArgusException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public ArgusException(HttpStatus status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ArgusException badRequest(String code, String message) {
        return new ArgusException(HttpStatus.BAD_REQUEST, code, message);
    }

    /** Client input echoed in a message, cut short so that an error never reflects a huge value back. */
    public static String clip(String value) {
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }

    public static ArgusException notFound(String what) {
        return new ArgusException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
    }
}
