package argus.videodetect;

import argus.storage.StoredObjectOwner;
import jakarta.inject.Singleton;

/** Queued submissions own their videos until judged. */
@Singleton
class QueuedVideoObjects implements StoredObjectOwner {
    private final VideoSubmissionRepository submissions;

    QueuedVideoObjects(VideoSubmissionRepository submissions) {
        this.submissions = submissions;
    }

    @Override
    public boolean refersTo(String key) {
        return submissions.existsByStorageKey(key);
    }
}
