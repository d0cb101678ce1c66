package argus.api.oz;

import argus.ArgusException;
import argus.OffsetPageable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;

/** {@code limit} and {@code offset} of list endpoints, checked. */
record Paging(int limit, int offset) {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    static Paging of(@Nullable Integer limit, @Nullable Integer offset) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > MAX_LIMIT || o < 0) {
            throw ArgusException.badRequest("INVALID_QUERY", "limit must be 1 to %d and offset 0 or more".formatted(MAX_LIMIT));
        }
        return new Paging(l, o);
    }

    /** Oldest first, so that pages stay stable while items are added. */
    Pageable pageable() {
        return new OffsetPageable(offset, limit, Sort.of(Sort.Order.asc("timeCreated")));
    }
}
