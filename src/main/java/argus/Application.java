package argus;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document (built at compile time) names each contract's way of authenticating here. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Argus",
                        version = "1",
                        description =
                                "Identity-fraud checks on selfie media: the Oz Forensics API (/api), video liveness (/api/v1/{tenant}/video/detect), "
                                        + "anti-video forgery (/api-gateway/avf), audio authenticity (/api/technology) and multi-format deepfake analysis "
                                        + "(/v1/deepfake-detection)."),
        security = @SecurityRequirement(name = Application.OZ_TOKEN))
@SecurityScheme(
        name = Application.OZ_TOKEN,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = "X-Forensic-Access-Token",
        description = "access token from POST /api/authorize/auth")
@SecurityScheme(
        name = Application.VIDEO_DETECT_KEY,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = "X-API-Key",
        description = "a video-detect tenant's API key")
@SecurityScheme(
        name = Application.DEEPFAKE_KEY,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = "x-api-key",
        description = "an Argus service token used as the deepfake contract's API key")
@SecurityScheme(
        name = Application.BEARER_TOKEN,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "an Argus access token as a bearer token (audio authenticity)")
@SecurityScheme(
        name = Application.PARTNER_JWT,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "a partner identity provider's JWT (anti-video forgery)")
public class Application {
    public static final String OZ_TOKEN = "ozAccessToken";
    public static final String VIDEO_DETECT_KEY = "videoDetectApiKey";
    public static final String DEEPFAKE_KEY = "deepfakeApiKey";
    public static final String BEARER_TOKEN = "bearerAccessToken";
    public static final String PARTNER_JWT = "partnerJwt";

    public static void main(String[] args) {
        // No banner: with ARGUS_LOG_FORMAT=json, standard output holds JSON lines only.
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
