package argus.api.oz;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The result of an analysis on one of its media. {@code media_association_id} repeats {@code source_media_id} for
 * clients written against older Oz versions; {@code output_images} are media the analysis produced (best shots).
 */
@Serdeable
public record ResultsMediaJson(@JsonProperty("source_media_id") UUID sourceMediaId,
                               @JsonProperty("media_association_id") UUID mediaAssociationId,
                               @JsonProperty("resolution_status") String resolutionStatus,
                               @JsonProperty("results_data") Map<String, Object> resultsData,
                               @JsonProperty("output_images") List<MediaJson> outputImages,
                               @JsonProperty("error_code") @Nullable Integer errorCode,
                               @JsonProperty("error_message") @Nullable String errorMessage,
                               @JsonProperty("error_details") @Nullable Map<String, Object> errorDetails) {
}
