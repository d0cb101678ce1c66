package argus.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Byte ranges as HTTP names them, resolved against an object's size and asked of a store. */
class ByteRangeTest {
    @Test
    void eachFormOfARangeNamesItsBytes() {
        MediaStore.ByteRange closed = new MediaStore.ByteRange(10L, 19L);
        assertEquals(10, closed.first(100));
        assertEquals(19, closed.last(100));
        assertEquals("bytes=10-19", closed.header());

        MediaStore.ByteRange open = new MediaStore.ByteRange(10L, null);
        assertEquals(99, open.last(100));
        assertEquals("bytes=10-", open.header());

        MediaStore.ByteRange suffix = new MediaStore.ByteRange(null, 5L);
        assertEquals(95, suffix.first(100));
        assertEquals(99, suffix.last(100));
        assertEquals("bytes=-5", suffix.header());
        assertEquals(
                0,
                new MediaStore.ByteRange(null, 500L).first(100),
                "a suffix longer than the object is the whole object");
        assertEquals(99, new MediaStore.ByteRange(0L, 500L).last(100), "an end past the object stops at its last byte");
    }
}
