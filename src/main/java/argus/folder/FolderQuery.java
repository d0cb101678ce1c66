package argus.folder;

import argus.analysis.Resolution;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Filters, order and paging of the folder list ({@code GET /api/folders/}). */
public record FolderQuery(int limit,
                          int offset,
                          TimeRange created,
                          TimeRange updated,
                          @Nullable UUID folderId,
                          @Nullable UUID userId,
                          @Nullable UUID companyId,
                          @Nullable Resolution systemResolution,
                          @Nullable FolderStatus resolutionStatus,
                          List<MetaDataMatch> metaData,
                          Sort sort,
                          boolean withAnalyses) {

    /** Bounds on a time, both inclusive, either open. */
    public record TimeRange(@Nullable Instant from, @Nullable Instant to) {
    }
}
