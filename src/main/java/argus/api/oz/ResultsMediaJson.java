package argus.api.oz;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The result of an analysis on one of its media. {@code media_association_id} repeats {@code source_media_id} for
 * clients written against older Oz versions, and so does the one of {@code source_video_id}, {@code source_image_id}
 * or {@code source_shots_set_id} that fits the media's type; {@code output_images} are media the analysis produced
 * (best shots).
 */
@Serdeable
public record ResultsMediaJson(
        @JsonProperty("source_media_id") UUID sourceMediaId,
        @JsonProperty("media_association_id") UUID mediaAssociationId,
        @JsonProperty("source_video_id") @Nullable UUID sourceVideoId,
        @JsonProperty("source_image_id") @Nullable UUID sourceImageId,
        @JsonProperty("source_shots_set_id") @Nullable UUID sourceShotsSetId,
        @JsonProperty("resolution_status") String resolutionStatus,
        @JsonProperty("results_data") Map<String, Object> resultsData,
        @JsonProperty("output_images") List<MediaJson> outputImages,
        @JsonProperty("error_code") @Nullable Integer errorCode,
        @JsonProperty("error_message") @Nullable String errorMessage,
        @JsonProperty("error_details") @Nullable Map<String, Object> errorDetails) {}
