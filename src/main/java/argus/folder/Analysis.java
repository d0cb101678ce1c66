package argus.folder;

import argus.JsonColumn;
import argus.analysis.AnalysisOutcome;
import argus.analysis.AnalysisRequest;
import argus.analysis.AnalysisState;
import argus.analysis.AnalysisType;
import argus.analysis.MediaResult;
import argus.analysis.Resolution;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An analysis row; parameters, metadata, source media ids and results are kept as JSON text. {@code userId} is the creator of
 * its folder, so that analyses are scoped like folders. {@code score} and {@code threshold} are the number that decided
 * the verdict and the threshold it was held against (none when no verdict was reached).
 */
@MappedEntity(value = "analysis", escape = false)
public record Analysis(
        @Id UUID id,
        UUID folderId,
        UUID companyId,
        UUID userId,
        UUID groupId,
        AnalysisType type,
        AnalysisState state,
        Resolution resolutionStatus,

        @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> params,

        @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> metaData,

        @MappedProperty(converter = JsonColumn.IdsColumn.class)
        List<UUID> sourceMedia,

        @Nullable @MappedProperty(converter = JsonColumn.ObjectColumn.class)
        Map<String, Object> resultsData,

        @MappedProperty(converter = MediaResult.Column.class)
        List<MediaResult> resultsMedia,

        @Nullable String errorCode,
        @Nullable String errorMessage,
        @Nullable Double score,
        @Nullable Double threshold,
        Instant timeCreated,
        Instant timeUpdated) {

    /** A new analysis of the group, still to run. */
    public static Analysis queued(
            UUID folderId,
            UUID companyId,
            UUID userId,
            UUID groupId,
            AnalysisRequest request,
            List<UUID> sources,
            Instant time) {
        return new Analysis(
                UUID.randomUUID(),
                folderId,
                companyId,
                userId,
                groupId,
                request.type(),
                AnalysisState.PROCESSING,
                Resolution.PROCESSING,
                request.params(),
                request.metaData(),
                sources,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                time,
                time);
    }

    /** This analysis with the outcome of running it. */
    public Analysis finished(AnalysisOutcome outcome, Instant time) {
        return new Analysis(
                id,
                folderId,
                companyId,
                userId,
                groupId,
                type,
                outcome.state(),
                outcome.resolution(),
                params,
                metaData,
                sourceMedia,
                outcome.resultsData(),
                outcome.mediaResults(),
                outcome.errorCode(),
                outcome.errorMessage(),
                outcome.score(),
                outcome.threshold(),
                timeCreated,
                time);
    }

    public Analysis withMetaData(Map<String, Object> json, Instant time) {
        return new Analysis(
                id,
                folderId,
                companyId,
                userId,
                groupId,
                type,
                state,
                resolutionStatus,
                params,
                json,
                sourceMedia,
                resultsData,
                resultsMedia,
                errorCode,
                errorMessage,
                score,
                threshold,
                timeCreated,
                time);
    }
}
