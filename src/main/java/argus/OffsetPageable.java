package argus;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;

/** A page at any offset (Oz lists page by {@code limit} and {@code offset}, not by page number). */
public record OffsetPageable(long offset, int size, Sort sort) implements Pageable {

    @Override
    public int getNumber() {
        return (int) (offset / Math.max(1, size));
    }

    @Override
    public int getSize() {
        return size;
    }

    @Override
    public long getOffset() {
        return offset;
    }

    @Override
    public Sort getSort() {
        return sort;
    }
}
