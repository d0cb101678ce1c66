package argus.folder;

import argus.storage.StoredObjectOwner;
import jakarta.inject.Singleton;

/** Media rows own their originals, previews and output images. */
@Singleton
class MediaObjects implements StoredObjectOwner {
    private final MediaRepository media;

    MediaObjects(MediaRepository media) {
        this.media = media;
    }

    @Override
    public boolean refersTo(String key) {
        return media.existsByStorageKeyOrThumbKey(key, key);
    }
}
