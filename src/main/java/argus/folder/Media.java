package argus.folder;

import argus.JsonColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A media row. {@code tags}, {@code info} and {@code metaData} are kept as JSON text. {@code mediaKey} is the client's part
 * name; {@code sourceAnalysisId} is set on images an analysis produced (best shots) rather than the client uploaded.
 */
@MappedEntity(value = "media", escape = false)
public record Media(
        @Id UUID id,
        UUID folderId,
        UUID companyId,
        @Nullable String mediaKey,
        String originalName,
        MediaType mediaType,
        String contentType,

        @MappedProperty(converter = JsonColumn.StringsColumn.class)
        List<String> tags,

        @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> info,

        @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> metaData,

        String storageKey,
        @Nullable String thumbKey,
        UUID imageId,
        long sizeBytes,
        String sha256,
        @Nullable UUID sourceAnalysisId,
        Instant timeCreated,
        Instant timeUpdated) {

    public Media withMetaData(Map<String, Object> json, Instant time) {
        return new Media(
                id,
                folderId,
                companyId,
                mediaKey,
                originalName,
                mediaType,
                contentType,
                tags,
                info,
                json,
                storageKey,
                thumbKey,
                imageId,
                sizeBytes,
                sha256,
                sourceAnalysisId,
                timeCreated,
                time);
    }
}
