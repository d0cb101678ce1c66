package argus.forgery;

import argus.ErrorCode;
import argus.Timestamps;
import argus.jobs.QueuedWork;
import argus.storage.MediaStore;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.UUID;

/** Runs a queued video forgery check ({@link FaceMediaForgery}: face swap and replay from one decode) and removes the video. */
@Singleton
public class VideoForgeryWork implements QueuedWork {
    private final Timestamps timestamps;
    static final String KIND = "VIDEO_FORGERY";

    private final ForgeryTaskRepository tasks;
    private final MediaStore store;
    private final MediaOpener opener;
    private final FaceMediaForgery forgery;

    public VideoForgeryWork(
            Timestamps timestamps,
            ForgeryTaskRepository tasks,
            MediaStore store,
            MediaOpener opener,
            FaceMediaForgery forgery) {
        this.timestamps = timestamps;
        this.tasks = tasks;
        this.store = store;
        this.opener = opener;
        this.forgery = forgery;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(UUID taskId) {
        ForgeryTask task = tasks.findById(taskId).filter(ForgeryTask::pending).orElse(null);
        if (task == null) {
            return;
        }
        try (MediaStore.LocalFile file = store.fetch(task.storageKey());
                MediaSource source = opener.openVideo(file.path())) {
            tasks.update(task.completed(forgery.assess(source, task.companyId()), timestamps.now()));
        } catch (MediaRejectedException e) {
            tasks.update(task.failed("Inference failed: " + e.getMessage(), null, timestamps.now()));
        } catch (IOException e) {
            tasks.update(task.failed("Inference failed: the stored video cannot be read", null, timestamps.now()));
        }
        store.deleteQuietly(task.storageKey());
    }

    @Override
    public void abandon(UUID taskId, ErrorCode code, String reason) {
        tasks.findById(taskId).filter(ForgeryTask::pending).ifPresent(task -> {
            tasks.update(task.failed("Inference failed: " + reason, null, timestamps.now()));
            store.deleteQuietly(task.storageKey());
        });
    }
}
