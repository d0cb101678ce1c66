package argus.api.oz;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An analysis as Oz clients read it; {@code analyse_id} is Oz's alias of {@code analysis_id}. An analysis that ended
 * without a verdict has the numeric Oz {@code error_code} and, in {@code error_details.reason}, the precise reason.
 * A collection search shows the collection it searched ({@code collection.alias} is what the Oz iOS SDK displays).
 * Once an operator has decided, {@code resolution_status} and {@code resolution} are the operator's verdict,
 * {@code resolution_operator} who decided (a user id), {@code resolution_comment} why, {@code operator_time} when, and
 * {@code system_resolution} keeps the system's own verdict; the last two are absent until then, so that an undecided
 * analysis has exactly the fields of Oz's.
 */
@Serdeable
public record AnalysisJson(
        @JsonProperty("company_id") UUID companyId,
        @JsonProperty("group_id") UUID groupId,
        @JsonProperty("folder_id") UUID folderId,
        @JsonProperty("folder_time_created") BigDecimal folderTimeCreated,
        @JsonProperty("analysis_id") UUID analysisId,
        String state,
        @JsonProperty("resolution_operator") @Nullable UUID resolutionOperator,
        @JsonProperty("resolution_comment") @Nullable String resolutionComment,
        @JsonProperty("results_media") List<ResultsMediaJson> resultsMedia,
        @JsonProperty("results_data") @Nullable Map<String, Object> resultsData,
        @JsonProperty("meta_data") Map<String, Object> metaData,
        @JsonProperty("technical_meta_data") Map<String, Object> technicalMetaData,
        @JsonProperty("time_created") BigDecimal timeCreated,
        @JsonProperty("time_updated") BigDecimal timeUpdated,
        @JsonProperty("error_code") @Nullable Integer errorCode,
        @JsonProperty("error_message") @Nullable String errorMessage,
        @JsonProperty("error_details") @Nullable Map<String, Object> errorDetails,
        @JsonProperty("source_media") List<MediaJson> sourceMedia,
        String type,
        Map<String, Object> params,
        @JsonProperty("analyse_id") UUID analyseId,
        @JsonProperty("resolution_status") String resolutionStatus,
        String resolution,

        @JsonProperty("system_resolution") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String systemResolution,

        @JsonProperty("operator_time") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        BigDecimal operatorTime,

        @Nullable CollectionRef collection) {

    /** The collection a COLLECTION (or BLACKLIST) analysis searched, when it named one. */
    @Serdeable
    public record CollectionRef(
            @JsonProperty("collection_id") UUID collectionId, String alias) {}
}
