package argus.api.oz;

import argus.folder.Folder;
import argus.folder.FolderFinished;
import argus.folder.FolderRecords;
import argus.webhook.Webhooks;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** When a folder with a {@code resolution_endpoint} finishes, queues the Oz folder JSON for delivery there. */
@Singleton
class FolderWebhooks implements ApplicationEventListener<FolderFinished> {
    private final FolderRecords records;
    private final FolderJsonMapper mapper;
    private final Webhooks webhooks;
    private final BaseUrls urls;
    private final JsonMapper json;

    FolderWebhooks(FolderRecords records, FolderJsonMapper mapper, Webhooks webhooks, BaseUrls urls, JsonMapper json) {
        this.records = records;
        this.mapper = mapper;
        this.webhooks = webhooks;
        this.urls = urls;
        this.json = json;
    }

    @Override
    public void onApplicationEvent(FolderFinished event) {
        Folder folder = records.folderById(event.folderId()).orElseThrow();
        if (folder.resolutionEndpoint() == null) {
            return;
        }
        try {
            String payload = json.writeValueAsString(mapper.toJson(records.view(folder, true), urls.base()));
            webhooks.enqueue(folder.id(), folder.companyId(), folder.resolutionEndpoint(), payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
