package argus.folder;

import argus.analysis.AnalysisRequest;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** A validated folder creation: metadata, uploaded media and the analyses to run on them (possibly none). */
public record FolderSubmission(
        Map<String, Object> metaData,
        List<MediaUpload> media,
        List<AnalysisRequest> analyses,
        @Nullable String resolutionEndpoint) {}
