package argus.folder;

import argus.storage.MediaStore.StagedFile;

import java.util.List;
import java.util.Map;

/** One uploaded file: the client's part name (its media key), file name, staged bytes, tags and metadata. */
public record MediaUpload(String key, String originalName, StagedFile staged, List<String> tags, Map<String, Object> metaData) {
}
