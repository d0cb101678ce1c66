package argus.api.oz;

import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.uri.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a list as Oz clients read it: a plain JSON array (clients iterate the body itself). The total goes in
 * {@code X-Total-Count} and the neighbouring pages in a {@code Link} header, so nothing of the paging is lost.
 */
final class PageJson {
    static final String TOTAL_COUNT = "X-Total-Count";

    private PageJson() {}

    static <E, T> HttpResponse<List<T>> of(
            Page<E> page, Paging paging, HttpRequest<?> request, String base, Function<E, T> mapping) {
        MutableHttpResponse<List<T>> response =
                HttpResponse.ok(page.getContent().stream().map(mapping).toList());
        response.header(TOTAL_COUNT, Long.toString(page.getTotalSize()));
        List<String> links = new ArrayList<>();
        if (paging.offset() + paging.limit() < page.getTotalSize()) {
            links.add("<%s>; rel=\"next\""
                    .formatted(link(request, base, paging.limit(), paging.offset() + paging.limit())));
        }
        if (paging.offset() > 0) {
            links.add("<%s>; rel=\"prev\""
                    .formatted(link(request, base, paging.limit(), Math.max(0, paging.offset() - paging.limit()))));
        }
        if (!links.isEmpty()) {
            response.header("Link", String.join(", ", links));
        }
        return response;
    }

    private static String link(HttpRequest<?> request, String base, int limit, int offset) {
        UriBuilder uri = UriBuilder.of(base + request.getPath());
        request.getParameters().forEach((name, values) -> {
            if (!name.equals("limit") && !name.equals("offset")) {
                values.forEach(value -> uri.queryParam(name, value));
            }
        });
        return uri.queryParam("limit", limit).queryParam("offset", offset).toString();
    }
}
