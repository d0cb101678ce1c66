package argus.storage;

import argus.ArgusException;
import argus.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Where media bytes live. Uploads are first staged (a local temporary copy the decoders can read), then committed
 * under their final key in one atomic step, so a crash never leaves a half-written object under a key the database
 * refers to. Local files by default; an S3-compatible store ({@code argus.storage.s3}) implements the same contract.
 */
public interface MediaStore {

    /** Copies the stream into a new staged file, computing its size and SHA-256 on the way. */
    StagedFile stage(InputStream content) throws IOException;

    /**
     * Stages a client's upload (and closes the stream); an empty one is refused with 400 {@code MISSING_FILE}, leaving
     * nothing staged.
     */
    default StagedFile stageUpload(InputStream upload) {
        try (upload) {
            StagedFile staged = stage(upload);
            if (staged.size() == 0) {
                discard(staged);
                throw new ArgusException(ErrorCode.MISSING_FILE, "the file part is empty");
            }
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps a staged file under {@code key} once {@code check} (which refuses by throwing) has accepted it; the staged
     * copy is gone afterwards, whatever happened.
     */
    default void keep(StagedFile staged, String key, Consumer<Path> check) {
        try {
            check.accept(staged.path());
            commit(staged, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            discard(staged);
        }
    }

    /** Publishes a staged file under {@code key}; the staged copy is gone afterwards. */
    void commit(StagedFile staged, String key) throws IOException;

    /** Writes small generated content (thumbnails, best shots) under {@code key}, atomically. */
    void put(String key, byte[] content) throws IOException;

    InputStream open(String key) throws IOException;

    /**
     * One read of the object: whole when {@code range} is null, else the bytes the range names. A store that can start
     * within an object asks for those bytes alone, in one request.
     */
    default Slice read(String key, @Nullable ByteRange range) throws IOException {
        long total = size(key);
        long first = range == null ? 0 : range.first(total);
        long last = range == null ? total - 1 : range.last(total);
        if (range != null && (first >= total || last < first)) {
            throw new RangeNotSatisfiable(total);
        }
        InputStream content = open(key);
        try {
            content.skipNBytes(first);
            return new Slice(content, first, last, total);
        } catch (IOException e) {
            content.close();
            throw e;
        }
    }

    /**
     * A byte range as HTTP names one: from {@code start} to {@code end} inclusive ({@code end} null: to the end), or, when
     * {@code start} is null, the last {@code end} bytes.
     */
    record ByteRange(@Nullable Long start, @Nullable Long end) {
        long first(long total) {
            return start == null ? Math.max(0, total - end) : start;
        }

        long last(long total) {
            return start == null || end == null ? total - 1 : Math.min(total - 1, end);
        }

        /** The value of an HTTP {@code Range} header asking for this range. */
        String header() {
            return start == null ? "bytes=-" + end : "bytes=" + start + "-" + (end == null ? "" : end);
        }
    }

    /** Bytes {@code first} to {@code last} (inclusive) of an object of {@code total} bytes. */
    record Slice(InputStream content, long first, long last, long total) {
        public long length() {
            return last - first + 1;
        }
    }

    /** A range that starts past the object's end: answered with the object's size. */
    final class RangeNotSatisfiable extends IOException {
        private final long total;

        public RangeNotSatisfiable(long total) {
            super("the range lies past the object's " + total + " bytes");
            this.total = total;
        }

        public long total() {
            return total;
        }
    }

    /**
     * The object as a local file the decoders can open: the file itself for a local store, a temporary download for a
     * remote one (deleted when closed).
     */
    LocalFile fetch(String key) throws IOException;

    long size(String key) throws IOException;

    boolean exists(String key);

    /** Removes the object if present. */
    void delete(String key) throws IOException;

    /** Removes the object, logging instead of failing: whatever remains is the orphan sweep's. */
    default void deleteQuietly(String key) {
        try {
            delete(key);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(MediaStore.class).warn("could not remove {}; the orphan sweep will", key, e);
        }
    }

    /** Writes, reads back and removes a small object (and a staged file): throws when the store cannot take media. */
    default void checkWritable() throws IOException {
        String key = "health/" + java.util.UUID.randomUUID();
        StagedFile staged = stage(new java.io.ByteArrayInputStream(new byte[] {1}));
        discard(staged);
        put(key, new byte[] {1});
        try {
            if (size(key) != 1) {
                throw new IOException("a stored object was not read back whole");
            }
        } finally {
            delete(key);
        }
    }

    /** Deletes a staged file that will not be committed. */
    void discard(StagedFile staged);

    /** Keys of the objects last written before {@code instant}, for the orphan sweep. */
    Stream<String> keysWrittenBefore(Instant instant) throws IOException;

    /** Deletes staged files left before {@code instant} by requests that died (a crash); answers how many. */
    int discardStagedBefore(Instant instant) throws IOException;

    /** A local view of a stored object. */
    record LocalFile(Path path, boolean temporary) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (temporary) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A staged upload: a local file owned by the caller until committed or discarded. */
    record StagedFile(Path path, long size, String sha256) {}
}
