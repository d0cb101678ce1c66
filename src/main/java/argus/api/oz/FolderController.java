package argus.api.oz;

import argus.api.RequestContexts;
import argus.ArgusException;
import argus.analysis.Resolution;
import argus.api.JsonPayloadReader;
import argus.auth.Caller;
import argus.folder.FolderQuery;
import argus.folder.FolderService;
import argus.folder.FolderStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/folders/}: the Oz single request (media plus analyses, answered with the finished folder), the legacy
 * creation (media only), the folder list with its filters, reading, metadata edits and deletion of a folder, and
 * starting analyses on it (the multi-step flow).
 */
@Controller("/api/folders")
@ExecuteOn(TaskExecutors.BLOCKING)
class FolderController {
    private final FolderService folders;
    private final UploadReceiver uploads;
    private final OzPayloadParser payloads;
    private final JsonPayloadReader reader;
    private final FolderJsonMapper mapper;
    private final BaseUrls urls;

    FolderController(FolderService folders, UploadReceiver uploads, OzPayloadParser payloads, JsonPayloadReader reader,
                     FolderJsonMapper mapper, BaseUrls urls) {
        this.folders = folders;
        this.uploads = uploads;
        this.payloads = payloads;
        this.reader = reader;
        this.mapper = mapper;
        this.urls = urls;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<FolderJson> createWithMedia(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                             @Body MultipartBody body, HttpRequest<?> request) {
        return uploads.handle(body, upload ->
                created(folders.create(caller, payloads.parse(upload.payload(), upload.files()), RequestContexts.of(request)), request));
    }

    /** A folder without media, its payload sent as the JSON body. */
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<FolderJson> createEmpty(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                         @Body byte[] body, HttpRequest<?> request) {
        return created(folders.create(caller, payloads.parse(reader.readObject(body, "the request body"), List.of()),
                RequestContexts.of(request)), request);
    }

    private HttpResponse<FolderJson> created(FolderService.Creation creation, HttpRequest<?> request) {
        HttpResponse<FolderJson> response = HttpResponse.created(mapper.toJson(creation.view(), urls.base(request)));
        return creation.replayed() ? HttpResponse.<FolderJson>status(HttpStatus.CREATED).body(response.body()).header("Idempotent-Replayed", "true") : response;
    }

    @Get
    PageJson<FolderJson> list(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, HttpRequest<?> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> parameters.put(name, values.getFirst()));
        Paging paging = Paging.of(integer(parameters.get("limit")), integer(parameters.get("offset")));
        Map<String, String> metaData = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("meta_data.") && name.length() > "meta_data.".length()) {
                metaData.put(name.substring("meta_data.".length()), value);
            }
        });
        FolderQuery query = new FolderQuery(paging.limit(), paging.offset(),
                time(parameters.get("time_created.min")), time(parameters.get("time_created.max")),
                uuid(parameters.get("user_id")), uuid(parameters.get("company_id")),
                parameters.containsKey("system_resolution") ? enumValue(Resolution.class, parameters.get("system_resolution")) : null,
                parameters.containsKey("resolution_status") ? enumValue(FolderStatus.class, parameters.get("resolution_status")) : null,
                metaData, Boolean.parseBoolean(parameters.getOrDefault("with_analyses", "false")));
        String base = urls.base(request);
        return PageJson.of(folders.list(caller, query), paging.limit(), paging.offset(), request, base, view -> mapper.toJson(view, base));
    }

    @Get("/{folderId}")
    FolderJson get(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID folderId, HttpRequest<?> request) {
        return mapper.toJson(folders.find(caller, folderId), urls.base(request));
    }

    @Delete("/{folderId}")
    HttpResponse<?> delete(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID folderId) {
        folders.delete(caller, folderId);
        return HttpResponse.noContent();
    }

    @Patch("/{folderId}/meta_data")
    FolderJson patchMetaData(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID folderId,
                             @Body byte[] body, HttpRequest<?> request) {
        return mapper.toJson(folders.updateFolderMetaData(caller, folderId, reader.readObject(body, "the metadata")), urls.base(request));
    }

    @Post("/{folderId}/meta_data")
    FolderJson postMetaData(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID folderId,
                            @Body byte[] body, HttpRequest<?> request) {
        return patchMetaData(caller, folderId, body, request);
    }

    /** Starts analyses on the folder's media; they run in the background and are answered at once as PROCESSING. */
    @Post("/{folderId}/analyses")
    HttpResponse<List<AnalysisJson>> startAnalyses(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                                   @PathVariable UUID folderId, @Body byte[] body, HttpRequest<?> request) {
        var started = folders.startAnalyses(caller, folderId, payloads.analysesToStart(reader.readObject(body, "the request body")));
        return HttpResponse.created(mapper.analyses(folders.find(caller, folderId), started, urls.base(request)));
    }

    @Get("/{folderId}/analyses")
    List<AnalysisJson> analyses(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID folderId,
                                HttpRequest<?> request) {
        var view = folders.find(caller, folderId);
        return mapper.analyses(view, view.analyses(), urls.base(request));
    }

    private static @Nullable Integer integer(@Nullable String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ArgusException.badRequest("INVALID_QUERY", "limit and offset must be integers");
        }
    }

    private static @Nullable Instant time(@Nullable String seconds) {
        try {
            return seconds == null ? null : Instant.ofEpochMilli(new BigDecimal(seconds).movePointRight(3).longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw ArgusException.badRequest("INVALID_QUERY", "time_created.min and .max are Unix times in seconds");
        }
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ArgusException.badRequest("INVALID_QUERY", "user_id and company_id are UUIDs");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ArgusException.badRequest("INVALID_QUERY", "unknown value '%s'".formatted(ArgusException.clip(value)));
        }
    }
}
