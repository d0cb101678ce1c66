package argus.folder;

import argus.storage.MediaStore.StagedFile;
import argus.vision.MediaData;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * One uploaded file: the client's part name (its media key), file name, bytes, tags and metadata. {@code staged} is
 * the staged copy to commit to the store; Instant-mode uploads have none and live in memory only.
 */
public record MediaUpload(
        String key,
        String originalName,
        MediaData data,
        @Nullable StagedFile staged,
        List<String> tags,
        Map<String, Object> metaData) {}
