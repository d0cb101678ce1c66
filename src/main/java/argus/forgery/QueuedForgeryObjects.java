package argus.forgery;

import argus.storage.StoredObjectOwner;
import jakarta.inject.Singleton;

/** Queued checks own their videos until run. */
@Singleton
class QueuedForgeryObjects implements StoredObjectOwner {
    private final ForgeryTaskRepository tasks;

    QueuedForgeryObjects(ForgeryTaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public boolean refersTo(String key) {
        return tasks.existsByStorageKey(key);
    }
}
