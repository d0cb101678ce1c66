package argus.api.oz;

import argus.api.Refusals;
import argus.auth.Caller;
import argus.folder.FolderService;
import argus.folder.Media;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/** {@code /api/media/{id}/}: a media by its id alone, and its deletion (roles that may delete). */
@Tag(name = "Oz folders")
@Refusals.Oz
@Controller("/api/media")
@ExecuteOn(TaskExecutors.BLOCKING)
class MediaController {
    private final FolderService folders;
    private final FolderJsonMapper mapper;
    private final BaseUrls urls;

    MediaController(FolderService folders, FolderJsonMapper mapper, BaseUrls urls) {
        this.folders = folders;
        this.mapper = mapper;
        this.urls = urls;
    }

    @Get("/{mediaId}")
    MediaJson getMedia(Caller caller, @PathVariable UUID mediaId, HttpRequest<?> request) {
        Media media = folders.media(caller, mediaId);
        return mapper.media(media, folders.find(caller, media.folderId()).folder(), urls.base(request));
    }

    @Delete("/{mediaId}")
    HttpResponse<?> deleteMedia(Caller caller, @PathVariable UUID mediaId) {
        folders.deleteMedia(caller, mediaId);
        return HttpResponse.noContent();
    }
}
