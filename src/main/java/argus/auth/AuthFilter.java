package argus.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * Every {@code /api} call but login carries {@code X-Forensic-Access-Token}; the caller it identifies is attached
 * to the request for the controllers. The check runs before the body is read, so an anonymous upload is refused
 * without being processed. Contracts with their own way of authenticating have their own filter.
 */
@ServerFilter("/api/**")
public class AuthFilter {
    public static final String TOKEN_HEADER = "X-Forensic-Access-Token";
    /** The spelling one Oz documentation page gives the header; clients written from it send this one. */
    private static final String TOKEN_HEADER_VARIANT = "X-Forensics-Access-Token";
    /** Login, and the contracts that authenticate in their own way ({@link BearerTokenFilter}, video-detect keys). */
    private static final List<String> NOT_HERE =
            List.of("/api/authorize/auth", "/api/authorize/refresh", "/api/technology/", "/api/v1/");

    private final TokenService tokens;

    public AuthFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (NOT_HERE.stream().anyMatch(path::startsWith)) {
            return;
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, tokens.require(token(request)));
    }

    /** The access token of a request, under either spelling of the header. */
    public static @Nullable String token(HttpRequest<?> request) {
        String token = request.getHeaders().get(TOKEN_HEADER);
        return token != null ? token : request.getHeaders().get(TOKEN_HEADER_VARIANT);
    }
}
