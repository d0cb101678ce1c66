package argus.storage;

import argus.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Local temporary files under {@code <data-dir>/staging}: uploads while they are checked, and remote objects while the
 * decoders read them. Every store keeps its staging on the local disk, whatever holds the committed objects.
 */
final class StagingArea {
    private final Path directory;

    StagingArea(Path dataDir) {
        this.directory = dataDir.resolve("staging").toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the staging directory " + directory, e);
        }
    }

    /** Copies the stream into a new staged file, computing its size and SHA-256 on the way. */
    MediaStore.StagedFile stage(InputStream content) throws IOException {
        Path file = newFile();
        MessageDigest digest = Digests.sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
            long size = content.transferTo(out);
            out.flush();
            return new MediaStore.StagedFile(file, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    void discard(MediaStore.StagedFile staged) {
        try {
            Files.deleteIfExists(staged.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int discardBefore(Instant instant) throws IOException {
        int discarded = 0;
        try (Stream<Path> stale = filesWrittenBefore(directory, instant)) {
            for (Path file : (Iterable<Path>) stale::iterator) {
                if (Files.deleteIfExists(file)) {
                    discarded++;
                }
            }
        }
        return discarded;
    }

    /** A fresh name in the staging area (recreated if something removed it while the service runs). */
    Path newFile() throws IOException {
        return Files.createDirectories(directory).resolve(UUID.randomUUID() + ".part");
    }

    static Stream<Path> filesWrittenBefore(Path directory, Instant instant) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        return Files.walk(directory).filter(path -> {
            try {
                return Files.isRegularFile(path)
                        && Files.getLastModifiedTime(path).toInstant().isBefore(instant);
            } catch (IOException vanished) {
                return false;
            }
        });
    }
}
