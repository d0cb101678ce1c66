package argus.forgery;

import argus.ArgusException;
import argus.ErrorCode;
import argus.RequestContext;
import argus.Timestamps;
import argus.auth.Caller;
import argus.jobs.JobQueue;
import argus.storage.MediaStore;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Video forgery checks: the upload must be a video (400 otherwise); it is stored and the check recorded
 * {@code pending}, with the client's request context, and queued in one transaction. {@link VideoForgeryWork} runs it.
 */
@Singleton
public class VideoForgeryService {
    private final Timestamps timestamps;
    private final MediaOpener opener;
    private final MediaStore store;
    private final ForgeryTaskRepository tasks;
    private final JobQueue queue;
    private final FaceMediaForgery forgery;

    public VideoForgeryService(
            Timestamps timestamps,
            MediaOpener opener,
            MediaStore store,
            ForgeryTaskRepository tasks,
            JobQueue queue,
            FaceMediaForgery forgery) {
        this.timestamps = timestamps;
        this.opener = opener;
        this.forgery = forgery;
        this.store = store;
        this.tasks = tasks;
        this.queue = queue;
    }

    public ForgeryTask submit(Caller caller, InputStream video, @Nullable String fileName, RequestContext context) {
        caller.require(caller.role().createsFolders(), "submit media");
        forgery.requireInstalled();
        UUID id = UUID.randomUUID();
        String storageKey = "%s/forgery/%s".formatted(caller.companyId(), id);
        store.keep(store.stageUpload(video), storageKey, file -> {
            try {
                opener.openVideo(file).close();
            } catch (MediaRejectedException rejected) {
                throw new ArgusException(ErrorCode.INVALID_FILE_FORMAT, rejected.getMessage());
            }
        });
        Instant now = timestamps.now();
        return queue.submit(
                VideoForgeryWork.KIND,
                id,
                caller.companyId(),
                storageKey,
                () -> tasks.save(new ForgeryTask(
                        id,
                        caller.companyId(),
                        caller.userId(),
                        fileName,
                        context.sessionId(),
                        context.deviceInfo(),
                        context.geoLocation(),
                        "pending",
                        true,
                        "Accepted for processing",
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        now,
                        null,
                        storageKey)));
    }

    public Optional<ForgeryTask> find(Caller caller, UUID id) {
        return tasks.findById(id).filter(t -> caller.sees(t.companyId(), t.userId()));
    }
}
