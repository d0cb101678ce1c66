package argus.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/**
 * The error shape of every refusal: {@code error_code} and {@code error_message}, except on the video-detect contract
 * ({@code /api/v1/...}), whose refusals come in its {@code {data, success, message}} envelope with a lower-case
 * {@code error} code.
 */
@Serdeable
public record ErrorBody(@JsonProperty("error_code") String errorCode, @JsonProperty("error_message") String errorMessage) {
    private static final String ENVELOPED = "/api/v1/";

    /** The video-detect envelope of a refusal. */
    @Serdeable
    public record Enveloped(@Nullable Object data, boolean success, String message, String error) {
    }

    public static Object of(HttpRequest<?> request, String code, String message) {
        return request.getPath().startsWith(ENVELOPED)
                ? new Enveloped(null, false, message, code.toLowerCase(Locale.ROOT))
                : new ErrorBody(code, message);
    }
}
