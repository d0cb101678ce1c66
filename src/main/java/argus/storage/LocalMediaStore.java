package argus.storage;

import argus.Digests;
import jakarta.inject.Singleton;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Media on the local disk under {@code <data-dir>/media}. Every write goes to a temporary file in
 * {@code <data-dir>/staging} (same file system), is flushed to disk when committed, then renamed into place
 * atomically. Uploads that are refused are never flushed: they cost no disk synchronisation.
 */
@Singleton
public class LocalMediaStore implements MediaStore {
    private final Path root;
    private final Path staging;

    public LocalMediaStore(StorageConfig config) {
        this.root = config.dataDir().resolve("media").toAbsolutePath().normalize();
        this.staging = config.dataDir().resolve("staging").toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media directories under " + config.dataDir(), e);
        }
    }

    @Override
    public StagedFile stage(InputStream content) throws IOException {
        Path file = newStagingFile();
        MessageDigest digest = Digests.sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
            long size = content.transferTo(out);
            out.flush();
            return new StagedFile(file, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public void commit(StagedFile staged, String key) throws IOException {
        Path target = resolve(key);
        try (FileChannel channel = FileChannel.open(staged.path(), StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.createDirectories(target.getParent());
        Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        Path file = newStagingFile();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content));
        }
        commit(new StagedFile(file, content.length, ""), key);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public LocalFile fetch(String key) throws IOException {
        Path path = resolve(key);
        if (!Files.isRegularFile(path)) {
            throw new FileNotFoundException("no stored object " + key);
        }
        return new LocalFile(path, false);
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public void discard(StagedFile staged) {
        try {
            Files.deleteIfExists(staged.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Stream<String> keysWrittenBefore(Instant instant) throws IOException {
        return filesWrittenBefore(root, instant).map(path -> root.relativize(path).toString());
    }

    @Override
    public int discardStagedBefore(Instant instant) throws IOException {
        int discarded = 0;
        try (Stream<Path> stale = filesWrittenBefore(staging, instant)) {
            for (Path file : (Iterable<Path>) stale::iterator) {
                if (Files.deleteIfExists(file)) {
                    discarded++;
                }
            }
        }
        return discarded;
    }

    private static Stream<Path> filesWrittenBefore(Path directory, Instant instant) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        return Files.walk(directory).filter(path -> {
            try {
                return Files.isRegularFile(path) && Files.getLastModifiedTime(path).toInstant().isBefore(instant);
            } catch (IOException vanished) {
                return false;
            }
        });
    }

    /** A fresh name in the staging area (recreated if something removed it while the service runs). */
    private Path newStagingFile() throws IOException {
        return Files.createDirectories(staging).resolve(UUID.randomUUID() + ".part");
    }

    /** Keys are generated by the service, never taken from a client; the check is a second line of defence. */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("storage key outside the media root");
        }
        return path;
    }

    /** Makes the rename itself durable: without it a crash may forget the new directory entry. */
    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
