package argus.folder;

import argus.auth.Caller;
import argus.storage.MediaStore;
import argus.vision.Frame;
import argus.vision.FrameSeries;
import argus.vision.MediaData;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import argus.vision.Thumbnails;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** A stored media's frames side by side in one JPEG picture (a shot set at a glance). */
@Singleton
public class FrameStrips {
    private static final int FRAMES = 8;
    private static final int HEIGHT = 120;
    private static final int JPEG_QUALITY = 85;

    private final FolderService folders;
    private final MediaStore store;
    private final MediaOpener opener;

    public FrameStrips(FolderService folders, MediaStore store, MediaOpener opener) {
        this.folders = folders;
        this.store = store;
        this.opener = opener;
    }

    /** The strip of a media of a folder the caller sees. */
    public byte[] strip(Caller caller, UUID folderId, UUID mediaId) {
        Media media = folders.media(caller, folderId, mediaId);
        try (MediaStore.LocalFile file = store.fetch(media.storageKey());
                MediaSource source = opener.open(new MediaData.InFile(file.path()), true);
                FrameSeries frames = source.sample(FRAMES)) {
            return Thumbnails.strip(frames.frames().stream().map(Frame::image).toList(), HEIGHT, JPEG_QUALITY);
        } catch (IOException e) {
            throw new UncheckedIOException("stored media is unreadable: " + media.storageKey(), e);
        }
    }
}
