package argus.api.oz;

import argus.JsonText;
import argus.Timestamps;
import argus.analysis.Resolution;
import argus.api.JsonPayloadReader;
import argus.api.Refusals;
import argus.auth.Caller;
import argus.folder.FolderQuery;
import argus.folder.FolderService;
import argus.folder.FolderStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/folders/}: the Oz single request (media plus analyses, answered with the finished folder), the legacy
 * creation (media only), the folder list with its filters, reading, metadata edits and deletion of a folder, and
 * starting analyses on it (the multi-step flow).
 */
@Tag(name = "Oz folders")
@Refusals.Oz
@Controller("/api/folders")
@ExecuteOn(TaskExecutors.BLOCKING)
class FolderController {
    private static final String PAYLOAD =
            "the payload, JSON: media:tags (the tags of each media part, by part name), analyses "
                    + "([{type: quality, biometry, blacklist, collection or documents; params}]), folder:meta_data, media:meta_data, "
                    + "resolution_endpoint";
    /** An Oz upload's parts, for the OpenAPI document: the payload, and media under names of the client's choosing. */
    @Schema(description = "the payload part and any number of media parts")
    record UploadParts(
            @Schema(description = PAYLOAD) String payload,

            @Schema(type = "string", format = "binary", description = MEDIA_PART)
            String video1,

            @Schema(type = "string", format = "binary", description = MEDIA_PART)
            String photo1) {}

    private static final String CSV = "text/csv";
    private static final String MEDIA_PART =
            "a photo, video or shot-set archive, under a part name of the client's choosing "
                    + "(video1, photo1, …) that the payload's media:tags refer to";
    private final FolderService folders;
    private final SingleRequest singleRequest;
    private final OzPayloadParser payloads;
    private final JsonPayloadReader reader;
    private final FolderJsonMapper mapper;
    private final BaseUrls urls;
    private final JsonText json;
    private final Timestamps timestamps;

    FolderController(
            FolderService folders,
            SingleRequest singleRequest,
            OzPayloadParser payloads,
            JsonPayloadReader reader,
            FolderJsonMapper mapper,
            BaseUrls urls,
            JsonText json,
            Timestamps timestamps) {
        this.json = json;
        this.timestamps = timestamps;
        this.folders = folders;
        this.singleRequest = singleRequest;
        this.payloads = payloads;
        this.reader = reader;
        this.mapper = mapper;
        this.urls = urls;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(
            summary =
                    "The single request: media files and a JSON payload in one multipart body (or, as JSON, a folder without media)",
            requestBody =
                    @RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.MULTIPART_FORM_DATA,
                                        schema = @Schema(implementation = UploadParts.class)),
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON,
                                        schema = @Schema(type = "object", description = PAYLOAD))
                            }))
    HttpResponse<FolderJson> createFolder(
            Caller caller, @Parameter(hidden = true) @Body MultipartBody body, HttpRequest<?> request) {
        return singleRequest.withMedia(caller, body, request);
    }

    /** A folder without media, its payload sent as the JSON body; legacy clients send no body at all. */
    @Post(consumes = MediaType.APPLICATION_JSON)
    @Hidden
    HttpResponse<FolderJson> createFolderWithoutMedia(
            Caller caller, @Body @Nullable byte[] body, HttpRequest<?> request) {
        return singleRequest.withoutMedia(caller, body, request);
    }

    /**
     * The folders the caller sees, newest first unless {@code sorting} says otherwise. {@code resolution_status} takes
     * a folder status or, as legacy clients send it, a verdict (matched against {@code system_resolution}).
     */
    /**
     * The folders the filters find: a page as JSON, or all of them as CSV when asked for with {@code Accept: text/csv}
     * or {@code format=csv} ({@code meta_data_keys=a,b} adds a column per metadata key).
     */
    @Get(produces = {MediaType.APPLICATION_JSON, CSV})
    @ApiResponse(
            responseCode = "200",
            description = "a page of folders; or every folder found, as CSV",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        array = @ArraySchema(schema = @Schema(implementation = FolderJson.class))),
                @Content(mediaType = CSV, schema = @Schema(type = "string"))
            })
    HttpResponse<?> listFolders(Caller caller, HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request);
        FolderQuery folderQuery = folderQuery(query);
        if (wantsCsv(request)) {
            List<String> keys = query.text("meta_data_keys") == null
                    ? List.of()
                    : Arrays.stream(query.text("meta_data_keys").split(","))
                            .map(String::strip)
                            .filter(key -> !key.isEmpty())
                            .toList();
            FolderCsv csv = new FolderCsv(folders, caller, folderQuery, keys, json, timestamps.now());
            return HttpResponse.ok(new StreamedFile(csv, MediaType.of(CSV + "; charset=utf-8")))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"folders.csv\"");
        }
        String base = urls.base(request);
        return PageJson.of(
                folders.list(caller, folderQuery), query.paging(), request, base, view -> mapper.toJson(view, base));
    }

    private static boolean wantsCsv(HttpRequest<?> request) {
        return "csv".equalsIgnoreCase(request.getParameters().get("format"))
                || request.getHeaders().accept().stream()
                        .anyMatch(type -> type.getName().equalsIgnoreCase(CSV));
    }

    private static FolderQuery folderQuery(ListQuery query) {
        Paging paging = query.paging();
        Resolution verdict = query.enumValue("system_resolution", Resolution.class);
        FolderStatus status = null;
        String statusFilter = query.text("resolution_status");
        if (statusFilter != null) {
            status = ListQuery.constant(FolderStatus.class, statusFilter);
            Resolution asVerdict = ListQuery.constant(Resolution.class, statusFilter);
            if (status == null && asVerdict == null) {
                throw ListQuery.unknownValue("resolution_status", statusFilter);
            }
            if (status == null) {
                verdict = asVerdict;
            }
        }
        FolderQuery folderQuery = new FolderQuery(
                paging.limit(),
                paging.offset(),
                query.range("time_created"),
                query.range("time_updated"),
                query.uuid("folder_id"),
                query.uuid("user_id"),
                query.uuid("company_id"),
                verdict,
                status,
                query.metaData(),
                null,
                null,
                query.sort(Sort.of(Sort.Order.desc("timeCreated"))),
                query.flag("with_analyses"));
        return folderQuery;
    }

    @Get("/{folderId}")
    FolderJson getFolder(Caller caller, @PathVariable UUID folderId, HttpRequest<?> request) {
        return mapper.toJson(folders.find(caller, folderId), urls.base(request));
    }

    /** An operator's decision on the folder: {@code operator_status} SUCCESS or DECLINED and an {@code operator_comment}. */
    @Patch("/{folderId}")
    FolderJson decideFolder(
            Caller caller, @PathVariable UUID folderId, @Body OperatorVerdict.OnFolder body, HttpRequest<?> request) {
        OperatorVerdict verdict = body.verdict();
        folders.decide(caller, folderId, null, verdict.resolution(), verdict.comment());
        return mapper.toJson(folders.find(caller, folderId), urls.base(request));
    }

    @Delete("/{folderId}")
    HttpResponse<?> deleteFolder(Caller caller, @PathVariable UUID folderId) {
        folders.delete(caller, folderId);
        return HttpResponse.noContent();
    }

    /** Starts analyses on the folder's media; they run in the background and are answered at once as PROCESSING. */
    @Post("/{folderId}/analyses")
    HttpResponse<List<AnalysisJson>> startAnalyses(
            Caller caller, @PathVariable UUID folderId, @Body byte[] body, HttpRequest<?> request) {
        var toStart = payloads.analysesToStart(caller, reader.readObject(body, "the request body"));
        var started = folders.startAnalyses(caller, folderId, toStart.requests(), toStart.resolutionEndpoint());
        return HttpResponse.created(mapper.analyses(folders.find(caller, folderId), started, urls.base(request)));
    }

    /**
     * Early clients launch a folder's analyses with a bare PATCH: with no {@code analyses} in the body, liveness and,
     * when two media can be compared, face matching start.
     */
    @Patch("/{folderId}/analyses")
    HttpResponse<List<AnalysisJson>> launchDefaultAnalyses(
            Caller caller, @PathVariable UUID folderId, @Body @Nullable byte[] body, HttpRequest<?> request) {
        Map<String, Object> json = reader.readOptionalObject(body, "the request body");
        OzPayloadParser.AnalysesToStart toStart =
                json.containsKey("analyses") ? payloads.analysesToStart(caller, json) : null;
        var started = toStart != null
                ? folders.startAnalyses(caller, folderId, toStart.requests(), toStart.resolutionEndpoint())
                : folders.startDefaultAnalyses(caller, folderId);
        return HttpResponse.created(mapper.analyses(folders.find(caller, folderId), started, urls.base(request)));
    }

    @Get("/{folderId}/analyses")
    List<AnalysisJson> listFolderAnalyses(Caller caller, @PathVariable UUID folderId, HttpRequest<?> request) {
        var view = folders.find(caller, folderId);
        return mapper.analyses(view, view.analyses(), urls.base(request));
    }
}
