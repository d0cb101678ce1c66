package argus.api;

import argus.ErrorCode;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Gives the errors the framework raises itself (unknown route, wrong method, body too large, unreadable arguments)
 * the same JSON shape as the service's own, never an HTML page, and never internal details for a server error.
 * A value the framework could not convert (a path id that is no UUID) is reported as an invalid value. A server error
 * caused by the database being unreachable is a 503 with {@code Retry-After}: the caller's request was
 * fine and is worth retrying once the database is back.
 */
@Primary
@Singleton
public class ErrorResponses implements ErrorResponseProcessor<Object> {
    private static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Object>) response;
        }
        if (response.status() == HttpStatus.INTERNAL_SERVER_ERROR
                && context.getRootCause()
                        .filter(ErrorResponses::databaseUnreachable)
                        .isPresent()) {
            response.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS);
        }
        HttpStatus status = response.status();
        String message = status.getCode() >= 500 || !context.hasErrors()
                ? status.getReason()
                : context.getErrors().stream()
                        .map(Error::getMessage)
                        .findFirst()
                        .orElse(status.getReason());
        ErrorCode code = context.getRootCause()
                        .filter(ConversionErrorException.class::isInstance)
                        .isPresent()
                ? ErrorCode.INVALID_VALUE
                : ErrorCode.ofStatus(status);
        return ((MutableHttpResponse<Object>) response)
                .body(ErrorBody.of(context.getRequest(), code, message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static boolean databaseUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
