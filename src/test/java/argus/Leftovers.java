package argus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import argus.folder.FolderRepository;
import argus.folder.MediaRepository;
import argus.storage.StorageConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What refused requests must not leave behind: folder and media rows, media files, staged uploads. */
@Singleton
public class Leftovers {
    private final FolderRepository folders;
    private final MediaRepository media;
    private final StorageConfig storage;

    public Leftovers(FolderRepository folders, MediaRepository media, StorageConfig storage) {
        this.folders = folders;
        this.media = media;
        this.storage = storage;
    }

    /** What is stored now. */
    public record Stored(long folders, long media, long mediaFiles) {}

    public Stored stored() {
        return new Stored(
                folders.count(), media.count(), files(storage.dataDir().resolve("media")));
    }

    /** Nothing was stored since {@code before}, and no staged upload is left. */
    public void assertNoneSince(Stored before, String what) {
        Stored now = stored();
        assertEquals(before.folders(), now.folders(), what + " left a folder");
        assertEquals(before.media(), now.media(), what + " left a media row");
        assertEquals(before.mediaFiles(), now.mediaFiles(), what + " left a media file");
        assertEquals(0, files(storage.dataDir().resolve("staging")), what + " left a staged upload");
    }

    /** Regular files anywhere under {@code dir} (none when it does not exist). */
    private static long files(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
