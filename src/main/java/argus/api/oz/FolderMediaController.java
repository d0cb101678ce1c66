package argus.api.oz;

import argus.ArgusException;
import argus.api.JsonPayloadReader;
import argus.auth.Caller;
import argus.folder.FolderService;
import argus.folder.Media;
import argus.storage.MediaStore;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.UUID;

/**
 * A folder's media: adding uploads (the multi-step flow), downloading originals ({@code original_url}) and previews
 * ({@code thumb_url}) for the folder's company only, and editing a media's metadata.
 */
@Controller("/api/folders/{folderId}/media")
@ExecuteOn(TaskExecutors.BLOCKING)
class FolderMediaController {
    private final FolderService folders;
    private final MediaStore store;
    private final UploadReceiver uploads;
    private final OzPayloadParser payloads;
    private final JsonPayloadReader reader;
    private final FolderJsonMapper mapper;
    private final BaseUrls urls;

    FolderMediaController(FolderService folders, MediaStore store, UploadReceiver uploads, OzPayloadParser payloads,
                          JsonPayloadReader reader, FolderJsonMapper mapper, BaseUrls urls) {
        this.folders = folders;
        this.store = store;
        this.uploads = uploads;
        this.payloads = payloads;
        this.reader = reader;
        this.mapper = mapper;
        this.urls = urls;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<List<MediaJson>> add(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID folderId,
                                      @Body MultipartBody body, HttpRequest<?> request) {
        return uploads.handle(body, upload -> {
            if (upload.files().isEmpty()) {
                throw ArgusException.badRequest("MISSING_MEDIA", "the request carries no non-empty media file");
            }
            List<Media> added = folders.addMedia(caller, folderId, payloads.media(upload.payload(), upload.files()));
            var view = folders.find(caller, folderId);
            return HttpResponse.created(added.stream().map(m -> mapper.media(m, view.folder(), urls.base(request))).toList());
        });
    }

    @Get("/{mediaId}")
    MediaJson get(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID folderId, @PathVariable UUID mediaId,
                  HttpRequest<?> request) {
        Media media = folders.media(caller, folderId, mediaId);
        return mapper.media(media, folders.find(caller, folderId).folder(), urls.base(request));
    }

    @Patch("/{mediaId}/meta_data")
    MediaJson patchMetaData(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID folderId,
                            @PathVariable UUID mediaId, @Body byte[] body, HttpRequest<?> request) {
        Media media = folders.updateMediaMetaData(caller, folderId, mediaId, reader.readObject(body, "the metadata"));
        return mapper.media(media, folders.find(caller, folderId).folder(), urls.base(request));
    }

    @Get("/{mediaId}/original")
    HttpResponse<StreamedFile> original(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                        @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        Media media = folders.media(caller, folderId, mediaId);
        return Downloads.of(store, media.storageKey(), MediaType.of(media.contentType()), media.originalName());
    }

    @Get("/{mediaId}/thumb")
    HttpResponse<StreamedFile> thumb(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                     @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        Media media = folders.media(caller, folderId, mediaId);
        if (media.thumbKey() == null) {
            throw ArgusException.notFound("preview of media " + mediaId);
        }
        return Downloads.of(store, media.thumbKey(), MediaType.IMAGE_JPEG_TYPE, "thumb.jpg");
    }
}
