package argus.api.oz;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A media of a folder as Oz clients read it. A video or shot set also has {@code video_url}, where Oz clients fetch it
 * from (Oz's own Postman collection reads it for every media that is not an image); here it is the original's URL.
 */
@Serdeable
public record MediaJson(
        @JsonProperty("company_id") UUID companyId,
        @JsonProperty("folder_id") UUID folderId,
        @JsonProperty("folder_time_created") BigDecimal folderTimeCreated,
        @JsonProperty("original_name") String originalName,
        @JsonProperty("original_url") @Nullable String originalUrl,
        @JsonProperty("video_url") @Nullable String videoUrl,
        @JsonProperty("media_id") UUID mediaId,
        @JsonProperty("media_type") String mediaType,
        List<String> tags,
        Map<String, Object> info,
        @JsonProperty("time_created") BigDecimal timeCreated,
        @JsonProperty("time_updated") BigDecimal timeUpdated,
        @JsonProperty("meta_data") Map<String, Object> metaData,
        @JsonProperty("technical_meta_data") Map<String, Object> technicalMetaData,
        @JsonProperty("thumb_url") @Nullable String thumbUrl,
        @JsonProperty("image_id") UUID imageId) {}
