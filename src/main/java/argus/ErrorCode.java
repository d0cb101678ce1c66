package argus;

import io.micronaut.http.HttpStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every reason the service gives for a refusal or for an analysis that ended without a verdict: its name (the
 * {@code reason} on the wire; the video-detect contract writes it in lower case), the HTTP status it is answered with,
 * and the number of the Oz error table ({@code error_code} of Oz bodies and of FAILED analyses).
 */
public enum ErrorCode {
    // The request's structure: a body, part or field missing, unreadable or repeated.
    BAD_REQUEST(HttpStatus.BAD_REQUEST, Oz.INVALID_STRUCTURE),
    MALFORMED_PAYLOAD(HttpStatus.BAD_REQUEST, Oz.INVALID_STRUCTURE),
    MALFORMED_MULTIPART(HttpStatus.BAD_REQUEST, Oz.INVALID_STRUCTURE),
    MISSING_MEDIA(HttpStatus.BAD_REQUEST, Oz.INVALID_STRUCTURE),
    MISSING_FILE(HttpStatus.BAD_REQUEST, Oz.INVALID_STRUCTURE),
    MISSING_ANALYSES(HttpStatus.BAD_REQUEST, Oz.INVALID_STRUCTURE),
    MISSING_FIELD(HttpStatus.BAD_REQUEST, Oz.INVALID_STRUCTURE),
    DUPLICATE_PART(HttpStatus.BAD_REQUEST, Oz.INVALID_STRUCTURE),
    TOO_MANY_PARTS(HttpStatus.BAD_REQUEST, Oz.INVALID_STRUCTURE),

    // A value of the wrong JSON type, or a file of a kind the endpoint does not take.
    INVALID_TYPE(HttpStatus.BAD_REQUEST, Oz.INVALID_TYPE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Oz.INVALID_TYPE),
    UNSUPPORTED_FILE_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Oz.INVALID_TYPE),

    // A value the service does not accept.
    INVALID_VALUE(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_PAYLOAD(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_PARAMS(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_QUERY(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_CREDITS(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_EXTERNAL_ID(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_FILE_FORMAT(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_FILE_TYPE(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_IDEMPOTENCY_KEY(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_MEDIA_KEY(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_METADATA_SCHEMA(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_METADATA(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_SCOPES(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_TENANT_SLUG(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_VIDEO_INPUT(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    INVALID_SEGMENT(HttpStatus.UNPROCESSABLE_ENTITY, Oz.INVALID_VALUE),
    UNKNOWN_MEDIA(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    UNKNOWN_TAG(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    UNSUPPORTED_ANALYSIS_TYPE(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    TOO_MANY_ANALYSES(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    TOO_MANY_MEDIA(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, Oz.INVALID_VALUE),
    INSUFFICIENT_CREDITS(HttpStatus.PAYMENT_REQUIRED, Oz.INVALID_VALUE),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, Oz.INVALID_VALUE),
    REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, Oz.INVALID_VALUE),

    // Media the service refuses to decode, or that allows no verdict.
    EMPTY_FILE(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    EMPTY_SHOT_SET(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    MEDIA_CORRUPT(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    MEDIA_TRUNCATED(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    MEDIA_DECODE_TIMEOUT(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    MEDIA_LIMIT_EXCEEDED(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    NESTED_ARCHIVE(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    UNSAFE_ENTRY_NAME(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    ZIP_BOMB(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    NO_FACE_DETECTED(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    MULTIPLE_FACES(HttpStatus.BAD_REQUEST, Oz.INVALID_VALUE),
    GESTURE_NOT_PERFORMED(HttpStatus.UNPROCESSABLE_ENTITY, Oz.INVALID_VALUE),
    GESTURE_BY_FLAT_FACE(HttpStatus.UNPROCESSABLE_ENTITY, Oz.INVALID_VALUE),

    // Who is calling, and what they may do.
    NO_TOKEN(HttpStatus.UNAUTHORIZED, Oz.AUTH_NOT_PROVIDED),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, Oz.AUTH_INVALID),
    TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED, Oz.AUTH_EXPIRED),
    TOKEN_REUSED(HttpStatus.UNAUTHORIZED, Oz.AUTH_INVALID),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, Oz.AUTH_INVALID),
    INVALID_KEY(HttpStatus.UNAUTHORIZED, Oz.AUTH_INVALID),
    METRICS_FORBIDDEN(HttpStatus.UNAUTHORIZED, Oz.AUTH_INVALID),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, Oz.AUTH_INVALID),
    PERMISSION_DENIED(HttpStatus.FORBIDDEN, Oz.AUTH_FORBIDDEN),
    FORBIDDEN(HttpStatus.FORBIDDEN, Oz.AUTH_FORBIDDEN),
    WRONG_PASSWORD(HttpStatus.FORBIDDEN, Oz.AUTH_FORBIDDEN),
    CSRF_REFUSED(HttpStatus.FORBIDDEN, Oz.AUTH_FORBIDDEN),
    INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN, Oz.AUTH_FORBIDDEN),
    TENANT_MISMATCH(HttpStatus.FORBIDDEN, Oz.AUTH_FORBIDDEN),
    /** Sign-in throttled: refused for the credential, as the Oz table's "forbidden". */
    TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, Oz.AUTH_FORBIDDEN),
    COMPANY_INACTIVE(HttpStatus.UNPROCESSABLE_ENTITY, Oz.INVALID_VALUE),

    // What is not there.
    NOT_FOUND(HttpStatus.NOT_FOUND, Oz.NOT_EXIST),
    ANALYSIS_NOT_FOUND(HttpStatus.NOT_FOUND, Oz.NOT_EXIST),
    COMPANY_NOT_FOUND(HttpStatus.NOT_FOUND, Oz.NOT_EXIST),
    REQUEST_NOT_FOUND(HttpStatus.NOT_FOUND, Oz.NOT_EXIST),
    TASK_NOT_FOUND(HttpStatus.NOT_FOUND, Oz.NOT_EXIST),
    SUBMISSION_NOT_FOUND(HttpStatus.NOT_FOUND, Oz.NOT_EXIST),
    TENANT_NOT_FOUND(HttpStatus.NOT_FOUND, Oz.NOT_EXIST),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, Oz.NOT_ALLOWED),
    NOT_REALIZED(HttpStatus.NOT_IMPLEMENTED, Oz.NOT_REALIZED),

    // A state that forbids the request now.
    EMAIL_UNAVAILABLE(HttpStatus.CONFLICT, Oz.INVALID_VALUE),
    FOLDER_BUSY(HttpStatus.CONFLICT, Oz.INVALID_VALUE),
    TENANT_SLUG_TAKEN(HttpStatus.CONFLICT, Oz.INVALID_VALUE),

    // What the request depends on failed, or the service itself did.
    /** The analysis engine is full: a failure of the service behind the API, not of the caller's rights. */
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, Oz.EXTERNAL_SERVICE),
    ANALYSIS_TIMEOUT(HttpStatus.UNPROCESSABLE_ENTITY, Oz.EXTERNAL_SERVICE),
    MEDIA_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, Oz.EXTERNAL_SERVICE),
    MODEL_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, Oz.EXTERNAL_SERVICE),
    INSUFFICIENT_STORAGE(HttpStatus.INSUFFICIENT_STORAGE, Oz.EXTERNAL_SERVICE),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, Oz.EXTERNAL_SERVICE),
    INTERRUPTED(HttpStatus.SERVICE_UNAVAILABLE, Oz.EXTERNAL_SERVICE),
    PROCESSING_ABANDONED(HttpStatus.SERVICE_UNAVAILABLE, Oz.EXTERNAL_SERVICE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, Oz.UNKNOWN);

    /** The numbers of the Oz error table. */
    public enum Oz {
        UNKNOWN,
        NOT_ALLOWED,
        NOT_REALIZED,
        INVALID_STRUCTURE,
        INVALID_VALUE,
        INVALID_TYPE,
        AUTH_NOT_PROVIDED,
        AUTH_INVALID,
        AUTH_EXPIRED,
        AUTH_FORBIDDEN,
        NOT_EXIST,
        EXTERNAL_SERVICE;

        public int number() {
            return ordinal();
        }
    }

    private static final Map<String, ErrorCode> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ErrorCode::name, Function.identity()));

    private final HttpStatus status;
    private final Oz oz;

    ErrorCode(HttpStatus status, Oz oz) {
        this.status = status;
        this.oz = oz;
    }

    /** The name as the video-detect contract writes its codes. */
    public String lowerCaseName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public HttpStatus status() {
        return status;
    }

    public Oz oz() {
        return oz;
    }

    /** The row of a reason read back from storage (a FAILED analysis keeps its reason as text). */
    public static Optional<ErrorCode> ofReason(String reason) {
        return Optional.ofNullable(BY_NAME.get(reason));
    }

    /** The row for an error the framework raised itself with only a status: a route not found, a body too large. */
    public static ErrorCode ofStatus(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> BAD_REQUEST;
            case UNAUTHORIZED -> UNAUTHORIZED;
            case FORBIDDEN -> FORBIDDEN;
            case NOT_FOUND -> NOT_FOUND;
            case METHOD_NOT_ALLOWED -> METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
            case REQUEST_TIMEOUT -> REQUEST_TIMEOUT;
            case REQUEST_ENTITY_TOO_LARGE -> PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_REQUESTS -> TOO_MANY_REQUESTS;
            case NOT_IMPLEMENTED -> NOT_REALIZED;
            case SERVICE_UNAVAILABLE -> SERVICE_UNAVAILABLE;
            case INSUFFICIENT_STORAGE -> INSUFFICIENT_STORAGE;
            default -> status.getCode() >= 500 ? INTERNAL_ERROR : INVALID_VALUE;
        };
    }
}
