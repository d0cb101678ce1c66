package argus.blacklist;

import argus.storage.StoredObjectOwner;
import jakarta.inject.Singleton;

/** Enrolled persons own their photos. */
@Singleton
class PersonImageObjects implements StoredObjectOwner {
    private final PersonImageRepository images;

    PersonImageObjects(PersonImageRepository images) {
        this.images = images;
    }

    @Override
    public boolean refersTo(String key) {
        return images.existsByStorageKey(key);
    }
}
