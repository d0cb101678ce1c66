package argus.api;

import argus.ArgusException;
import argus.RetryLaterException;
import argus.analysis.OverloadedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Renders every {@link ArgusException} as its status and {@link ErrorBody}. A refusal for now carries
 * {@code Retry-After}; one for overload also the rate-limit headers: the window is the engine's admitted requests, none remaining, reset
 * when the advised wait is over.
 */
@Produces
@Singleton
@Requires(classes = {ArgusException.class, ExceptionHandler.class})
public class ArgusExceptionHandler implements ExceptionHandler<ArgusException, HttpResponse<Object>> {

    @Override
    public HttpResponse<Object> handle(HttpRequest request, ArgusException exception) {
        MutableHttpResponse<Object> response = HttpResponse.status(exception.status())
                .body(ErrorBody.of(request, exception.code(), exception.getMessage()));
        if (exception instanceof RetryLaterException later) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
        }
        if (exception instanceof OverloadedException overloaded) {
            response.header("X-RateLimit-Limit", Integer.toString(overloaded.slots()))
                    .header("X-RateLimit-Remaining", "0")
                    .header(
                            "X-RateLimit-Reset",
                            Long.toString(Instant.now().getEpochSecond() + overloaded.retryAfterSeconds()));
        }
        return response;
    }
}
