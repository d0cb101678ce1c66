package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.OffsetPageable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;

/** {@code limit} and {@code offset} of list endpoints, checked; Oz's default page is 100 items. */
record Paging(int limit, int offset) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static Paging of(@Nullable String limit, @Nullable String offset) {
        int l = limit == null || limit.isBlank() ? DEFAULT_LIMIT : integer(limit);
        int o = offset == null || offset.isBlank() ? 0 : integer(offset);
        if (l < 1 || l > MAX_LIMIT || o < 0) {
            throw new ArgusException(
                    ErrorCode.INVALID_QUERY, "limit must be 1 to %d and offset 0 or more".formatted(MAX_LIMIT));
        }
        return new Paging(l, o);
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ArgusException(ErrorCode.INVALID_QUERY, "limit and offset must be integers");
        }
    }

    /** Oldest first, so that pages stay stable while items are added. */
    Pageable pageable() {
        return pageable(Sort.of(Sort.Order.asc("timeCreated")));
    }

    Pageable pageable(Sort sort) {
        return new OffsetPageable(offset, limit, sort);
    }
}
