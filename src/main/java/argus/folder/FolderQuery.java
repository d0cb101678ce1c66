package argus.folder;

import argus.analysis.AnalysisType;
import argus.analysis.Resolution;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Filters, order and paging of the folder list ({@code GET /api/folders/}, and the console's). {@code analysisType}
 * keeps folders with an analysis of that type; {@code reviewZone}, when given, keeps the folders waiting for review:
 * no operator decision yet, and an analysis that failed, asks for an operator, or scored within that distance of its
 * threshold.
 */
public record FolderQuery(
        int limit,
        int offset,
        TimeRange created,
        TimeRange updated,
        @Nullable UUID folderId,
        @Nullable UUID userId,
        @Nullable UUID companyId,
        @Nullable Resolution systemResolution,
        @Nullable FolderStatus resolutionStatus,
        List<MetaDataMatch> metaData,
        @Nullable AnalysisType analysisType,
        @Nullable Double reviewZone,
        Sort sort,
        boolean withAnalyses) {

    /** Bounds on a time, both inclusive, either open. */
    public record TimeRange(
            @Nullable Instant from, @Nullable Instant to) {}
}
