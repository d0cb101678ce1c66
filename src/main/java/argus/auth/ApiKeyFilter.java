package argus.auth;

import argus.ArgusException;
import argus.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The {@code /v1} contract authenticates with {@code x-api-key}: an Argus access token, typically the long-lived one
 * of a {@code CLIENT SERVICE} account; anything else is 401.
 */
@ServerFilter("/v1/**")
public class ApiKeyFilter {
    static final String API_KEY = "x-api-key";

    private final TokenService tokens;

    public ApiKeyFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void authenticate(HttpRequest<?> request) {
        Caller caller = tokens.authenticate(request.getHeaders().get(API_KEY))
                .orElseThrow(() -> new ArgusException(ErrorCode.UNAUTHORIZED, "missing or invalid API key"));
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
    }
}
