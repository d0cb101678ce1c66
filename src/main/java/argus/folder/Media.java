package argus.folder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A media row. {@code tags}, {@code info} and {@code metaData} are JSON text. {@code mediaKey} is the client's part
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
        String tags,
        String info,
        String metaData,
        String storageKey,
        @Nullable String thumbKey,
        UUID imageId,
        long sizeBytes,
        String sha256,
        @Nullable UUID sourceAnalysisId,
        Instant timeCreated,
        Instant timeUpdated) {

    public Media withMetaData(String json, Instant time) {
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
