package argus.api.oz;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/** A page of a list, Django REST style: the total {@code count}, links to the neighbouring pages, and the items. */
@Serdeable
record PageJson<T>(long count, @Nullable String next, @Nullable String previous, List<T> results) {

    static <E, T> PageJson<T> of(Page<E> page, int limit, int offset, HttpRequest<?> request, String base, Function<E, T> mapping) {
        String next = offset + limit < page.getTotalSize() ? link(request, base, limit, offset + limit) : null;
        String previous = offset > 0 ? link(request, base, limit, Math.max(0, offset - limit)) : null;
        return new PageJson<>(page.getTotalSize(), next, previous, page.getContent().stream().map(mapping).toList());
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
