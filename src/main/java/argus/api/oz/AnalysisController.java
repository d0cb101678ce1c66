package argus.api.oz;

import argus.analysis.AnalysisType;
import argus.api.Refusals;
import argus.auth.Caller;
import argus.folder.Analysis;
import argus.folder.AnalysisQuery;
import argus.folder.FolderService;
import argus.folder.FolderView;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /api/analyses/}: the analyses the caller sees, newest first, and one analysis, to poll while it runs. */
@Tag(name = "Oz analyses")
@Refusals.Oz
@Controller("/api/analyses")
@ExecuteOn(TaskExecutors.BLOCKING)
class AnalysisController {
    private final FolderService folders;
    private final FolderJsonMapper mapper;
    private final BaseUrls urls;

    AnalysisController(FolderService folders, FolderJsonMapper mapper, BaseUrls urls) {
        this.folders = folders;
        this.mapper = mapper;
        this.urls = urls;
    }

    /** Filters: {@code folder_id}, {@code type}, {@code time_created.*}, {@code time_updated.*}; {@code sorting} as for folders. */
    @Get
    HttpResponse<List<AnalysisJson>> listAnalyses(Caller caller, HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request);
        Paging paging = query.paging();
        String type = query.text("type");
        AnalysisQuery analysisQuery = new AnalysisQuery(
                paging.limit(),
                paging.offset(),
                query.uuid("folder_id"),
                type == null ? null : AnalysisType.parse(type),
                query.range("time_created"),
                query.range("time_updated"),
                query.sort(Sort.of(Sort.Order.desc("timeCreated"))));
        Map<UUID, FolderView> views = new HashMap<>();
        return PageJson.of(
                folders.listAnalyses(caller, analysisQuery),
                paging,
                request,
                urls.base(request),
                analysis -> json(
                        views.computeIfAbsent(analysis.folderId(), id -> folders.find(caller, id)), analysis, request));
    }

    @Get("/{analysisId}")
    AnalysisJson getAnalysis(Caller caller, @PathVariable UUID analysisId, HttpRequest<?> request) {
        Analysis analysis = folders.analysis(caller, analysisId);
        return json(folders.find(caller, analysis.folderId()), analysis, request);
    }

    /**
     * An operator's decision on the analysis: {@code resolution_status} SUCCESS or DECLINED and a
     * {@code resolution_comment}; answered with the analysis as it now reads.
     */
    @Patch("/{analysisId}")
    AnalysisJson decideAnalysis(
            Caller caller,
            @PathVariable UUID analysisId,
            @Body OperatorVerdict.OnAnalysis body,
            HttpRequest<?> request) {
        OperatorVerdict verdict = body.verdict();
        Analysis analysis = folders.analysis(caller, analysisId);
        folders.decide(caller, analysis.folderId(), analysisId, verdict.resolution(), verdict.comment());
        return json(folders.find(caller, analysis.folderId()), analysis, request);
    }

    private AnalysisJson json(FolderView folder, Analysis analysis, HttpRequest<?> request) {
        return mapper.analyses(folder, List.of(analysis), urls.base(request)).getFirst();
    }
}
