package argus.api;

import io.micronaut.http.HttpStatus;

import java.util.Set;

/**
 * The numeric {@code error_code} of Oz error bodies (the Oz table: 0 unknown, 1 not allowed, 2 not realized, 3 invalid
 * structure, 4 invalid value, 5 invalid type, 6 no token, 7 invalid token, 8 expired token, 9 forbidden, 10 not
 * found, 11 external service), derived from the service's precise reason and the HTTP status it answers with.
 */
public final class OzErrorCodes {
    public static final int UNKNOWN = 0;
    public static final int NOT_ALLOWED = 1;
    public static final int NOT_REALIZED = 2;
    public static final int INVALID_STRUCTURE = 3;
    public static final int INVALID_VALUE = 4;
    public static final int INVALID_TYPE = 5;
    public static final int AUTH_NOT_PROVIDED = 6;
    public static final int AUTH_INVALID = 7;
    public static final int AUTH_EXPIRED = 8;
    public static final int AUTH_FORBIDDEN = 9;
    public static final int NOT_EXIST = 10;
    public static final int EXTERNAL_SERVICE = 11;

    /** A body that is not what the endpoint reads: missing, unreadable, or of the wrong shape. */
    private static final Set<String> STRUCTURE = Set.of("MALFORMED_PAYLOAD", "MALFORMED_MULTIPART", "MISSING_MEDIA", "MISSING_FILE",
            "MISSING_ANALYSES", "MISSING_FIELD", "DUPLICATE_PART", "TOO_MANY_PARTS", "BAD_REQUEST");
    /** A value of the wrong JSON type, or a file of a kind the endpoint does not take. */
    private static final Set<String> TYPE = Set.of("INVALID_TYPE", "UNSUPPORTED_MEDIA_TYPE");
    /** Failures of what the request depends on rather than of the request itself. */
    private static final Set<String> EXTERNAL = Set.of("MEDIA_UNAVAILABLE", "PROCESSING_ABANDONED", "INTERRUPTED", "ANALYSIS_TIMEOUT",
            "INSUFFICIENT_STORAGE", "TOO_MANY_REQUESTS");

    private OzErrorCodes() {
    }

    /** The code of an analysis that ended without a verdict: its media did not allow one, or the engine failed. */
    public static int ofAnalysis(String reason) {
        return of(HttpStatus.UNPROCESSABLE_ENTITY, reason);
    }

    public static int of(HttpStatus status, String reason) {
        if (reason.equals("NO_TOKEN")) {
            return AUTH_NOT_PROVIDED;
        }
        if (reason.equals("TOKEN_EXPIRED")) {
            return AUTH_EXPIRED;
        }
        if (reason.equals("NOT_REALIZED")) {
            return NOT_REALIZED;
        }
        if (STRUCTURE.contains(reason)) {
            return INVALID_STRUCTURE;
        }
        if (TYPE.contains(reason)) {
            return INVALID_TYPE;
        }
        if (EXTERNAL.contains(reason)) {
            return EXTERNAL_SERVICE;
        }
        return switch (status) {
            case UNAUTHORIZED -> AUTH_INVALID;
            case FORBIDDEN, TOO_MANY_REQUESTS -> AUTH_FORBIDDEN;
            case NOT_FOUND -> NOT_EXIST;
            case METHOD_NOT_ALLOWED -> NOT_ALLOWED;
            case NOT_IMPLEMENTED -> NOT_REALIZED;
            case UNSUPPORTED_MEDIA_TYPE -> INVALID_TYPE;
            case BAD_GATEWAY, SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, INSUFFICIENT_STORAGE -> EXTERNAL_SERVICE;
            default -> status.getCode() >= 500 ? UNKNOWN : INVALID_VALUE;
        };
    }
}
