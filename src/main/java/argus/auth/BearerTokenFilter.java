package argus.auth;

import argus.ArgusException;
import argus.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The {@code /api/technology} contract takes an access token as {@code Authorization: Bearer} (or in
 * {@code X-Forensic-Access-Token}) and refuses a request without a valid one with 403, as that contract documents.
 */
@ServerFilter("/api/technology/**")
public class BearerTokenFilter {
    private static final String BEARER = "Bearer ";

    private final TokenService tokens;

    public BearerTokenFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void authenticate(HttpRequest<?> request) {
        String token = AuthFilter.token(request);
        String authorization = request.getHeaders().getAuthorization().orElse("");
        if (token == null && authorization.startsWith(BEARER)) {
            token = authorization.substring(BEARER.length());
        }
        Caller caller = tokens.authenticate(token)
                .orElseThrow(() -> new ArgusException(ErrorCode.FORBIDDEN, "missing, unknown or expired bearer token"));
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
    }
}
