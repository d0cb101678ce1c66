package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.api.Downloads;
import argus.api.Refusals;
import argus.auth.Caller;
import argus.folder.FolderService;
import argus.folder.FolderView;
import argus.folder.Media;
import argus.storage.MediaStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;

/**
 * A folder's media: listing and adding uploads (the multi-step flow), downloading originals ({@code original_url})
 * and previews ({@code thumb_url}) for the folder's company only, and deleting one. Early Oz clients call the same
 * resource {@code images} and name a media by its {@code image_id}; both names are served.
 */
@Tag(name = "Oz folders")
@Refusals.Oz
@Controller("/api/folders/{folderId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class FolderMediaController {
    private final FolderService folders;
    private final MediaStore store;
    private final UploadReceiver uploads;
    private final OzPayloadParser payloads;
    private final FolderJsonMapper mapper;
    private final BaseUrls urls;

    FolderMediaController(
            FolderService folders,
            MediaStore store,
            UploadReceiver uploads,
            OzPayloadParser payloads,
            FolderJsonMapper mapper,
            BaseUrls urls) {
        this.folders = folders;
        this.store = store;
        this.uploads = uploads;
        this.payloads = payloads;
        this.mapper = mapper;
        this.urls = urls;
    }

    @Get("/media")
    List<MediaJson> listFolderMedia(Caller caller, @PathVariable UUID folderId, HttpRequest<?> request) {
        return listed(caller, folderId, request);
    }

    /** The folder's media under the name early clients use. */
    @Get("/images")
    List<MediaJson> listFolderImages(Caller caller, @PathVariable UUID folderId, HttpRequest<?> request) {
        return listed(caller, folderId, request);
    }

    private List<MediaJson> listed(Caller caller, UUID folderId, HttpRequest<?> request) {
        FolderView view = folders.find(caller, folderId);
        return view.media().stream()
                .map(m -> mapper.media(m, view.folder(), urls.base(request)))
                .toList();
    }

    @Post(value = "/media", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(
            requestBody =
                    @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA,
                                            schema = @Schema(implementation = FolderController.UploadParts.class))))
    HttpResponse<List<MediaJson>> addFolderMedia(
            Caller caller,
            @PathVariable UUID folderId,
            @Parameter(hidden = true) @Body MultipartBody body,
            HttpRequest<?> request) {
        return added(caller, folderId, body, request);
    }

    /** Media added under the name early clients use. */
    @Post(value = "/images", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(
            requestBody =
                    @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.MULTIPART_FORM_DATA,
                                            schema = @Schema(implementation = FolderController.UploadParts.class))))
    HttpResponse<List<MediaJson>> addFolderImages(
            Caller caller,
            @PathVariable UUID folderId,
            @Parameter(hidden = true) @Body MultipartBody body,
            HttpRequest<?> request) {
        return added(caller, folderId, body, request);
    }

    private HttpResponse<List<MediaJson>> added(
            Caller caller, UUID folderId, MultipartBody body, HttpRequest<?> request) {
        return uploads.handle(body, upload -> {
            if (upload.files().isEmpty()) {
                throw noMedia();
            }
            List<Media> added = folders.addMedia(caller, folderId, payloads.media(upload.payload(), upload.files()));
            var view = folders.find(caller, folderId);
            return HttpResponse.created(added.stream()
                    .map(m -> mapper.media(m, view.folder(), urls.base(request)))
                    .toList());
        });
    }

    /** Media come as file parts of a multipart body; a JSON body (file paths, names) carries none. */
    @Post(
            uris = {"/media", "/images"},
            consumes = MediaType.APPLICATION_JSON)
    @Hidden
    HttpResponse<List<MediaJson>> refuseMediaWithoutFiles(@PathVariable UUID folderId, @Body @Nullable byte[] body) {
        throw noMedia();
    }

    private static ArgusException noMedia() {
        return new ArgusException(
                ErrorCode.MISSING_MEDIA,
                "the request carries no non-empty media file: send the files as "
                        + "parts of a multipart/form-data body");
    }

    @Get("/media/{mediaId}")
    MediaJson getFolderMedia(
            Caller caller, @PathVariable UUID folderId, @PathVariable UUID mediaId, HttpRequest<?> request) {
        Media media = folders.media(caller, folderId, mediaId);
        return mapper.media(media, folders.find(caller, folderId).folder(), urls.base(request));
    }

    /** Deletes a media named by its {@code media_id} or, as early clients do, by its {@code image_id}. */
    @Delete("/media/{mediaId}")
    HttpResponse<?> deleteFolderMedia(Caller caller, @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        return deleted(caller, folderId, mediaId);
    }

    @Delete("/images/{mediaId}")
    HttpResponse<?> deleteFolderImage(Caller caller, @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        return deleted(caller, folderId, mediaId);
    }

    private HttpResponse<?> deleted(Caller caller, UUID folderId, UUID mediaId) {
        FolderView view = folders.find(caller, folderId);
        Media media = view.media().stream()
                .filter(m -> m.id().equals(mediaId) || m.imageId().equals(mediaId))
                .findFirst()
                .orElseThrow(() -> ArgusException.notFound("media " + mediaId));
        folders.deleteMedia(caller, media.id());
        return HttpResponse.noContent();
    }

    @Get("/media/{mediaId}/original")
    HttpResponse<StreamedFile> downloadFolderMedia(
            Caller caller, @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        Media media = folders.media(caller, folderId, mediaId);
        return Downloads.attachment(store, media.storageKey(), MediaType.of(media.contentType()), media.originalName());
    }

    @Get("/media/{mediaId}/thumb")
    HttpResponse<StreamedFile> downloadFolderMediaThumb(
            Caller caller, @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        Media media = folders.media(caller, folderId, mediaId);
        if (media.thumbKey() == null) {
            throw ArgusException.notFound("preview of media " + mediaId);
        }
        return Downloads.attachment(store, media.thumbKey(), MediaType.IMAGE_JPEG_TYPE, "thumb.jpg");
    }
}
