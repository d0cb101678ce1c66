package argus.folder;

import argus.analysis.Resolution;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Filters and paging of the folder list ({@code GET /api/folders/}). */
public record FolderQuery(int limit,
                          int offset,
                          @Nullable Instant createdFrom,
                          @Nullable Instant createdTo,
                          @Nullable UUID userId,
                          @Nullable UUID companyId,
                          @Nullable Resolution systemResolution,
                          @Nullable FolderStatus resolutionStatus,
                          Map<String, String> metaData,
                          boolean withAnalyses) {
}
