package argus.folder;

import argus.analysis.AnalysisType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;

/** Filters, order and paging of the analysis list ({@code GET /api/analyses/}). */
public record AnalysisQuery(
        int limit,
        int offset,
        @Nullable java.util.UUID folderId,
        @Nullable AnalysisType type,
        FolderQuery.TimeRange created,
        FolderQuery.TimeRange updated,
        Sort sort) {}
