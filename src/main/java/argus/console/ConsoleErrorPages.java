package argus.console;

import argus.ArgusException;
import argus.api.ErrorPages;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/** A refusal on a console page shows as a page, with the status and code the API would give. */
@Singleton
class ConsoleErrorPages implements ErrorPages {
    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    ConsoleErrorPages(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    @Override
    public Optional<HttpResponse<?>> page(HttpRequest<?> request, ArgusException refusal) {
        if (!request.getPath().startsWith(ConsoleSession.PATH + "/")) {
            return Optional.empty();
        }
        Map<String, Object> model = Map.of("status", refusal.status().getCode(), "code", refusal.code(), "message", refusal.getMessage());
        Optional<Writable> page = renderer.render(new ModelAndView<>("console/error", model), request, MediaType.TEXT_HTML);
        return page.map(body -> HttpResponse.status(refusal.status()).contentType(MediaType.TEXT_HTML_TYPE).body(body));
    }
}
