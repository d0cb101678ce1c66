package argus.auth;

import argus.ArgusException;
import argus.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/** The {@code /api-gateway} contract authenticates with {@code Authorization: Bearer <JWT>}; anything else is 401. */
@ServerFilter("/api-gateway/**")
public class JwtAuthFilter {
    private static final String BEARER = "Bearer ";

    private final JwtVerifier verifier;

    public JwtAuthFilter(JwtVerifier verifier) {
        this.verifier = verifier;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void authenticate(HttpRequest<?> request) {
        String authorization = request.getHeaders().getAuthorization().orElse("");
        Caller caller = (authorization.startsWith(BEARER)
                        ? verifier.verify(
                                authorization.substring(BEARER.length()).trim(), request)
                        : Optional.<Caller>empty())
                .orElseThrow(() -> new ArgusException(ErrorCode.UNAUTHORIZED, "missing or invalid JWT token"));
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
    }
}
