package argus.api.oz;

import argus.storage.MediaStore.StagedFile;
import argus.vision.MediaData;
import io.micronaut.core.annotation.Nullable;

/**
 * A file part of an upload: {@code key} is the part name, {@code filename} the client's file name, {@code staged}
 * the staged copy (none for an upload kept in memory).
 */
record ReceivedFile(
        String key,
        String filename,
        MediaData data,
        @Nullable StagedFile staged) {}
