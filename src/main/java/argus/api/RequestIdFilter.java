package argus.api;

import argus.RequestIds;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;

/**
 * Every request has an id: the caller's {@code X-Request-ID} when it is a plausible one, else a new one. It is echoed
 * in the response and put on every log line written for the request ({@code request_id} in the MDC), including those
 * of the analyses it runs, queued ones too.
 */
@ServerFilter("/**")
public class RequestIdFilter implements Ordered {
    public static final String HEADER = "X-Request-ID";
    private static final String ATTRIBUTE = "argus.requestId";

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = RequestIds.acceptOrCreate(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(Map.of(RequestIds.MDC_KEY, id)));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class)
                .ifPresent(id -> response.getHeaders().set(HEADER, id));
    }

    /** Before every other filter, so that even a refusal by authentication is logged and answered with the id. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
