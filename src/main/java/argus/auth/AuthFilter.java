package argus.auth;

import argus.ArgusException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Every {@code /api} call but login carries {@code X-Forensic-Access-Token}; the caller it identifies is attached
 * to the request for the controllers. The check runs before the body is read, so an anonymous upload is refused
 * without being processed. The {@code /api/technology} contract takes the same token as {@code Authorization: Bearer}
 * too, and refuses a request without a valid one with 403, as that contract documents.
 */
@ServerFilter("/api/**")
public class AuthFilter {
    public static final String TOKEN_HEADER = "X-Forensic-Access-Token";
    private static final String TECHNOLOGY = "/api/technology/";
    private static final String BEARER = "Bearer ";
    /** The video-detect contract authenticates with its own API keys. */
    private static final String API_KEY_CONTRACT = "/api/v1/";

    private final TokenService tokens;

    public AuthFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith("/api/authorize/auth") || path.startsWith("/api/authorize/refresh") || path.startsWith(API_KEY_CONTRACT)) {
            return;
        }
        boolean technology = path.startsWith(TECHNOLOGY);
        String token = request.getHeaders().get(TOKEN_HEADER);
        String authorization = request.getHeaders().getAuthorization().orElse("");
        if (token == null && technology && authorization.startsWith(BEARER)) {
            token = authorization.substring(BEARER.length());
        }
        Caller caller = tokens.authenticate(token).orElseThrow(() -> technology
                ? new ArgusException(HttpStatus.FORBIDDEN, "FORBIDDEN", "missing, unknown or expired bearer token")
                : new ArgusException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "missing, unknown or expired " + TOKEN_HEADER));
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
    }
}
