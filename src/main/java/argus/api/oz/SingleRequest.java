package argus.api.oz;

import argus.api.JsonPayloadReader;
import argus.api.RequestContexts;
import argus.auth.Caller;
import argus.folder.FolderService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.multipart.MultipartBody;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Oz's single request: a folder made from media parts and a JSON payload, its analyses run inline, answered with the
 * whole folder. The API's {@code POST /api/folders/} and the console's capture page send it here alike.
 */
@Singleton
public class SingleRequest {
    private final FolderService folders;
    private final UploadReceiver uploads;
    private final OzPayloadParser payloads;
    private final JsonPayloadReader reader;
    private final FolderJsonMapper mapper;
    private final BaseUrls urls;

    SingleRequest(
            FolderService folders,
            UploadReceiver uploads,
            OzPayloadParser payloads,
            JsonPayloadReader reader,
            FolderJsonMapper mapper,
            BaseUrls urls) {
        this.folders = folders;
        this.uploads = uploads;
        this.payloads = payloads;
        this.reader = reader;
        this.mapper = mapper;
        this.urls = urls;
    }

    public HttpResponse<FolderJson> withMedia(Caller caller, MultipartBody body, HttpRequest<?> request) {
        return uploads.handle(
                body,
                upload -> created(
                        folders.create(
                                caller,
                                payloads.parse(caller, upload.payload(), upload.files()),
                                RequestContexts.of(request)),
                        request));
    }

    /** A folder without media, its payload sent as the JSON body; legacy clients send no body at all. */
    HttpResponse<FolderJson> withoutMedia(Caller caller, byte @Nullable [] body, HttpRequest<?> request) {
        return created(
                folders.create(
                        caller,
                        payloads.parse(caller, reader.readOptionalObject(body, "the request body"), List.of()),
                        RequestContexts.of(request)),
                request);
    }

    private HttpResponse<FolderJson> created(FolderService.Creation creation, HttpRequest<?> request) {
        HttpResponse<FolderJson> response = HttpResponse.created(mapper.toJson(creation.view(), urls.base(request)));
        return creation.replayed()
                ? HttpResponse.<FolderJson>status(HttpStatus.CREATED)
                        .body(response.body())
                        .header("Idempotent-Replayed", "true")
                : response;
    }
}
