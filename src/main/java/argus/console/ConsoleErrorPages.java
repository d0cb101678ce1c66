package argus.console;

import argus.api.ErrorBody;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Errors on console pages show as pages: a refusal with the code and message the API would give, any other error (an
 * unknown page, a malformed id in a link, a failure of the server) with its status, instead of a JSON body. A request
 * of the console's own script that asks for JSON alone keeps the JSON body.
 */
@ServerFilter(ConsoleSession.PATH + "/**")
class ConsoleErrorPages {
    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    ConsoleErrorPages(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    @ResponseFilter
    public void asPage(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        boolean page = response.getContentType()
                .map(type -> type.matches(MediaType.TEXT_HTML_TYPE))
                .orElse(false);
        if (status.getCode() < 400 || page || asksForJson(request)) {
            return;
        }
        Optional<ErrorBody> refusal = response.getBody(ErrorBody.class);
        String code = refusal.map(ErrorBody::errorCode).orElse(status.name());
        String message = refusal.map(ErrorBody::errorMessage).orElseGet(() -> switch (status) {
            case NOT_FOUND -> "there is nothing at this address";
            case BAD_REQUEST -> "the address or the form is malformed";
            case FORBIDDEN -> "this was refused";
            default ->
                status.getCode() >= 500 ? "the server failed to answer; the failure is logged" : status.getReason();
        });
        render(request, status, code, message)
                .ifPresent(
                        body -> response.contentType(MediaType.TEXT_HTML_TYPE).body(body));
    }

    /** The capture page's script reads refusals as the API gives them; it asks for JSON and not for a page. */
    private static boolean asksForJson(HttpRequest<?> request) {
        Collection<MediaType> accepted = request.accept();
        return accepted.stream().anyMatch(type -> type.matches(MediaType.APPLICATION_JSON_TYPE))
                && accepted.stream().noneMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE));
    }

    private Optional<Writable> render(HttpRequest<?> request, HttpStatus status, String code, String message) {
        Map<String, Object> model = Map.of("status", status.getCode(), "code", code, "message", message);
        return renderer.render(new ModelAndView<>("console/error", model), request, MediaType.TEXT_HTML);
    }
}
