package argus.api.oz;

import argus.ArgusException;
import argus.auth.Caller;
import argus.folder.FolderRecords;
import argus.folder.Media;
import argus.storage.MediaStore;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Downloads of a folder's media ({@code original_url}) and their previews ({@code thumb_url}), for its company only. */
@Controller("/api/folders/{folderId}/media/{mediaId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class MediaFileController {
    private final FolderRecords records;
    private final MediaStore store;

    MediaFileController(FolderRecords records, MediaStore store) {
        this.records = records;
        this.store = store;
    }

    @Get("/original")
    HttpResponse<StreamedFile> original(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                        @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        Media media = media(caller, folderId, mediaId);
        return file(media.storageKey(), MediaType.of(media.contentType()), media.originalName());
    }

    @Get("/thumb")
    HttpResponse<StreamedFile> thumb(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                     @PathVariable UUID folderId, @PathVariable UUID mediaId) {
        Media media = media(caller, folderId, mediaId);
        if (media.thumbKey() == null) {
            throw ArgusException.notFound("preview of media " + mediaId);
        }
        return file(media.thumbKey(), MediaType.IMAGE_JPEG_TYPE, "thumb.jpg");
    }

    private Media media(Caller caller, UUID folderId, UUID mediaId) {
        return records.findMedia(mediaId, caller.companyId())
                .filter(media -> media.folderId().equals(folderId))
                .orElseThrow(() -> ArgusException.notFound("media " + mediaId));
    }

    private HttpResponse<StreamedFile> file(String key, MediaType type, String name) {
        try {
            StreamedFile file = new StreamedFile(store.open(key), type, System.currentTimeMillis(), store.size(key));
            String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
            return HttpResponse.ok(file).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("stored media is unreadable: " + key, e);
        }
    }
}
