package argus.api;

import argus.ArgusException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;

import java.util.Optional;

/** A part of Argus that shows a refusal as a page of its own rather than as a JSON error body (the console). */
public interface ErrorPages {

    /** The page for this refusal, when the request is one of this part's. */
    Optional<HttpResponse<?>> page(HttpRequest<?> request, ArgusException refusal);
}
