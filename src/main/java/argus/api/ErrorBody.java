package argus.api;

import argus.ErrorCode;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * The error shape of every refusal. Oz endpoints answer {@code {"error_code": <int>, "error_message", "details"}} with
 * the Oz numeric code and the service's precise reason in {@code details.reason}. The other vendor contracts keep
 * their own envelopes: a string {@code error_code} with {@code error_message}, or, on the video-detect contract
 * ({@code /api/v1/...}), {@code {data, success, message}} with a lower-case {@code error} code.
 */
@Serdeable
public record ErrorBody(
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("error_message") String errorMessage) {
    /** The video-detect envelope of a refusal. */
    @Serdeable
    public record Enveloped(@Nullable Object data, boolean success, String message, String error) {}

    /** An Oz refusal. */
    @Serdeable
    public record Oz(
            @JsonProperty("error_code") int errorCode,
            @JsonProperty("error_message") String errorMessage,
            Map<String, Object> details) {}

    public static Object of(HttpRequest<?> request, ErrorCode code, String message) {
        String path = request.getPath();
        if (ContractPaths.videoDetect(path)) {
            return new Enveloped(null, false, message, code.lowerCaseName());
        }
        if (ContractPaths.oz(path)) {
            return new Oz(code.oz().number(), message, Map.of("reason", code.name()));
        }
        return new ErrorBody(code.name(), message);
    }
}
