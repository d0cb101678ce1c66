package argus.console;

import argus.auth.Caller;
import argus.auth.TokenService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Optional;

/**
 * Every console page but the sign-in page and the static assets needs a signed-in user: the cookie's access token
 * is checked as the API checks its header, and the caller and the sign-in's CSRF token are attached to the request.
 * Without a valid sign-in a page request is sent to the sign-in page.
 */
@ServerFilter(ConsoleSession.PATH + "/**")
public class ConsoleFilter {
    static final String SIGN_IN = ConsoleSession.PATH + "/sign-in";
    static final String ASSETS = ConsoleSession.PATH + "/assets/";

    static final String CAPTURE_ATTRIBUTE = "argus.console.capture";

    private final TokenService tokens;
    private final ConsoleConfig config;

    public ConsoleFilter(TokenService tokens, ConsoleConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable HttpResponse<?> authenticate(HttpRequest<?> request) {
        String path = request.getPath();
        if (request.getMethod() == HttpMethod.POST && crossSite(request)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        if (path.equals(SIGN_IN) || path.startsWith(ASSETS)) {
            return null;
        }
        String token = ConsoleSession.token(request);
        Optional<Caller> caller = tokens.authenticate(token);
        if (caller.isEmpty()) {
            return HttpResponse.seeOther(URI.create(SIGN_IN)).cookie(ConsoleSession.signedOut());
        }
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.get());
        request.setAttribute(ConsoleSession.CSRF_ATTRIBUTE, ConsoleSession.csrf(token));
        request.setAttribute(CAPTURE_ATTRIBUTE, config.capture());
        return null;
    }

    /** A form posted from another site, as the browser reports it (the CSRF token is the check that does not rely on it). */
    private static boolean crossSite(HttpRequest<?> request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        return site != null && !site.equals("same-origin") && !site.equals("none");
    }
}
