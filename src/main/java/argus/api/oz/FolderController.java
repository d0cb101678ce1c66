package argus.api.oz;

import argus.ArgusException;
import argus.api.ApiConfig;
import argus.api.JsonPayloadReader;
import argus.auth.Caller;
import argus.folder.FolderService;
import argus.folder.FolderView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/folders/}: the Oz single request (media plus analyses, answered with the finished folder) and the
 * legacy folder creation (media only); {@code GET /api/folders/{id}/} reads a folder back.
 */
@Controller("/api/folders")
@ExecuteOn(TaskExecutors.BLOCKING)
class FolderController {
    private final FolderService folders;
    private final UploadReceiver uploads;
    private final OzPayloadParser payloads;
    private final JsonPayloadReader reader;
    private final FolderJsonMapper mapper;
    private final ApiConfig config;
    private final HttpHostResolver hosts;

    FolderController(FolderService folders, UploadReceiver uploads, OzPayloadParser payloads, JsonPayloadReader reader,
                     FolderJsonMapper mapper, ApiConfig config, HttpHostResolver hosts) {
        this.folders = folders;
        this.uploads = uploads;
        this.payloads = payloads;
        this.reader = reader;
        this.mapper = mapper;
        this.config = config;
        this.hosts = hosts;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<FolderJson> createWithMedia(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                             @Body MultipartBody body, HttpRequest<?> request) {
        List<CompletedPart> parts = MultipartCollector.collect(body, config.maxMedia() + 1);
        try {
            UploadReceiver.Upload upload = uploads.receive(parts);
            try {
                FolderView view = folders.create(caller, payloads.parse(upload.payload(), upload.files()));
                return HttpResponse.created(mapper.toJson(view, baseUrl(request)));
            } finally {
                uploads.discard(upload.files());
            }
        } finally {
            MultipartCollector.discard(parts);
        }
    }

    /** A folder without media, its payload sent as the JSON body. */
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<FolderJson> createEmpty(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                         @Body byte[] body, HttpRequest<?> request) {
        FolderView view = folders.create(caller, payloads.parse(reader.readObject(body, "the request body"), List.of()));
        return HttpResponse.created(mapper.toJson(view, baseUrl(request)));
    }

    @Get("/{folderId}")
    FolderJson get(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID folderId, HttpRequest<?> request) {
        return folders.find(caller, folderId)
                .map(view -> mapper.toJson(view, baseUrl(request)))
                .orElseThrow(() -> ArgusException.notFound("folder " + folderId));
    }

    private String baseUrl(HttpRequest<?> request) {
        String base = config.publicBaseUrl().orElseGet(() -> hosts.resolve(request));
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
