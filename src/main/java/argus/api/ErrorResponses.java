package argus.api;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Gives the errors the framework raises itself (unknown route, wrong method, body too large, unreadable arguments)
 * the same JSON shape as the service's own, never an HTML page, and never internal details for a server error.
 */
@Primary
@Singleton
public class ErrorResponses implements ErrorResponseProcessor<Object> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Object>) response;
        }
        HttpStatus status = response.status();
        String message = status.getCode() >= 500 || !context.hasErrors()
                ? status.getReason()
                : context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
        return ((MutableHttpResponse<Object>) response).body(ErrorBody.of(context.getRequest(), code(status), message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static String code(HttpStatus status) {
        return switch (status) {
            case REQUEST_ENTITY_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case INTERNAL_SERVER_ERROR -> "INTERNAL_ERROR";
            default -> status.name().toUpperCase(Locale.ROOT);
        };
    }
}
