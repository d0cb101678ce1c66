package argus.authenticity;

import argus.storage.StoredObjectOwner;
import jakarta.inject.Singleton;

/** Queued tasks own their audio until scored. */
@Singleton
class QueuedAudioObjects implements StoredObjectOwner {
    private final AuthenticityTaskRepository tasks;

    QueuedAudioObjects(AuthenticityTaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public boolean refersTo(String key) {
        return tasks.existsByStorageKey(key);
    }
}
