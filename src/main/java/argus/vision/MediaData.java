package argus.vision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bytes of an uploaded media: a staged file, or memory only (Instant mode, where nothing may touch the disk). */
public sealed interface MediaData permits MediaData.InFile, MediaData.InMemory {

    long size();

    /** Up to {@code length} bytes from {@code position} (fewer at the end of the data). */
    ByteBuffer readAt(long position, int length);

    byte[] readAll();

    /** The bytes as a stream, from the start. */
    InputStream open();

    record InFile(Path path) implements MediaData {
        @Override
        public long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public ByteBuffer readAt(long position, int length) {
            try (SeekableByteChannel channel = Files.newByteChannel(path)) {
                ByteBuffer buffer = ByteBuffer.allocate(length);
                channel.position(position);
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // read until full or at the end of the file
                }
                return buffer.flip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public byte[] readAll() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream open() {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    record InMemory(byte[] bytes) implements MediaData {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public ByteBuffer readAt(long position, int length) {
            int start = (int) Math.min(position, bytes.length);
            return ByteBuffer.wrap(bytes, start, Math.min(length, bytes.length - start))
                    .slice();
        }

        @Override
        public byte[] readAll() {
            return bytes;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
