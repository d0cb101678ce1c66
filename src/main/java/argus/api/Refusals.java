package argus.api;

import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** In the OpenAPI document, on a controller: the error body its operations answer with, in each contract's envelope. */
public final class Refusals {
    private Refusals() {}

    /** Oz error bodies: the Oz error number, a message and the precise reason. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ApiResponse(
            responseCode = "4XX",
            description = "a refusal of the request; details.reason names its ErrorCode",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ErrorBody.Oz.class)))
    @ApiResponse(
            responseCode = "5XX",
            description = "a failure of the service or of what it depends on (503: retry later)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ErrorBody.Oz.class)))
    public @interface Oz {}

    /** The anti-video forgery, audio authenticity and deepfake contracts: a string error code and a message. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ApiResponse(
            responseCode = "4XX",
            description = "a refusal of the request; error_code names its ErrorCode",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ErrorBody.class)))
    @ApiResponse(
            responseCode = "5XX",
            description = "a failure of the service or of what it depends on (503: retry later)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ErrorBody.class)))
    public @interface Vendor {}

    /** The video-detect envelope: {@code success} false, a message and the lower-case error code. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ApiResponse(
            responseCode = "4XX",
            description = "a refusal of the request; error names its ErrorCode in lower case",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ErrorBody.Enveloped.class)))
    @ApiResponse(
            responseCode = "5XX",
            description = "a failure of the service or of what it depends on (503: retry later)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ErrorBody.Enveloped.class)))
    public @interface VideoDetect {}
}
