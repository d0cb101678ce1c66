package argus.auth;

import argus.ArgusException;
import argus.ErrorCode;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Gives a route its {@link Caller} as a plain parameter: the one the authentication filter of its door (API token,
 * console session, API key, bearer token, partner JWT) put on the request. A route reached without one is refused here,
 * in one place.
 */
@Singleton
public class CallerBinder implements TypedRequestArgumentBinder<Caller> {
    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Caller caller = of(source);
        return () -> Optional.of(caller);
    }

    /** The caller of a request that passed an authentication filter. */
    public static Caller of(HttpRequest<?> request) {
        return request.getAttribute(Caller.REQUEST_ATTRIBUTE, Caller.class)
                .orElseThrow(() -> new ArgusException(
                        ErrorCode.NO_TOKEN, "sign in first: this route needs an authenticated caller"));
    }
}
