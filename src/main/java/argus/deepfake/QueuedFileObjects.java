package argus.deepfake;

import argus.storage.StoredObjectOwner;
import jakarta.inject.Singleton;

/** Queued analyses own their files until analysed. */
@Singleton
class QueuedFileObjects implements StoredObjectOwner {
    private final DeepfakeAnalysisRepository analyses;

    QueuedFileObjects(DeepfakeAnalysisRepository analyses) {
        this.analyses = analyses;
    }

    @Override
    public boolean refersTo(String key) {
        return analyses.existsByStorageKey(key);
    }
}
