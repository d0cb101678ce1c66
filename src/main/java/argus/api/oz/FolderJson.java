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
 * A folder with its media and analyses, field for field as in Oz's single-request response; the {@code operator_*}
 * fields and {@code resolution_operator} (who) are the operator's decision on the folder, present once one is made
 * (so that an undecided folder has exactly the fields of Oz's response).
 */
@Serdeable
public record FolderJson(
        @JsonProperty("company_id") UUID companyId,
        @JsonProperty("time_created") BigDecimal timeCreated,
        @JsonProperty("folder_id") UUID folderId,
        @JsonProperty("user_id") UUID userId,
        @JsonProperty("resolution_endpoint") @Nullable String resolutionEndpoint,
        @JsonProperty("resolution_status") String resolutionStatus,
        @JsonProperty("resolution_comment") String resolutionComment,
        @JsonProperty("system_resolution") String systemResolution,
        @JsonProperty("meta_data") Map<String, Object> metaData,
        @JsonProperty("technical_meta_data") Map<String, Object> technicalMetaData,
        List<MediaJson> media,
        @JsonProperty("time_updated") BigDecimal timeUpdated,
        List<AnalysisJson> analyses,

        @JsonProperty("resolution_operator") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        UUID resolutionOperator,

        @JsonProperty("operator_status") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String operatorStatus,

        @JsonProperty("operator_comment") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        String operatorComment,

        @JsonProperty("operator_time") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
        BigDecimal operatorTime) {}
