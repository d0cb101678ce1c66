package argus.api.oz;

import argus.api.JsonPayloadReader;
import argus.auth.Caller;
import argus.folder.Analysis;
import argus.folder.FolderService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.UUID;

/** {@code /api/analyses/{id}/}: one analysis, to poll while it runs, and its metadata. */
@Controller("/api/analyses")
@ExecuteOn(TaskExecutors.BLOCKING)
class AnalysisController {
    private final FolderService folders;
    private final JsonPayloadReader reader;
    private final FolderJsonMapper mapper;
    private final BaseUrls urls;

    AnalysisController(FolderService folders, JsonPayloadReader reader, FolderJsonMapper mapper, BaseUrls urls) {
        this.folders = folders;
        this.reader = reader;
        this.mapper = mapper;
        this.urls = urls;
    }

    @Get("/{analysisId}")
    AnalysisJson get(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID analysisId, HttpRequest<?> request) {
        return json(caller, folders.analysis(caller, analysisId), request);
    }

    @Patch("/{analysisId}/meta_data")
    AnalysisJson patchMetaData(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID analysisId,
                               @Body byte[] body, HttpRequest<?> request) {
        return json(caller, folders.updateAnalysisMetaData(caller, analysisId, reader.readObject(body, "the metadata")), request);
    }

    private AnalysisJson json(Caller caller, Analysis analysis, HttpRequest<?> request) {
        return mapper.analyses(folders.find(caller, analysis.folderId()), List.of(analysis), urls.base(request)).getFirst();
    }
}
