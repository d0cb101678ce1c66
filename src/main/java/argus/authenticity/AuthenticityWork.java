package argus.authenticity;

import argus.ErrorCode;
import argus.analysis.AnalysisEngine;
import argus.audio.AudioDecoder;
import argus.audio.SpeechAuthenticity;
import argus.jobs.QueuedWork;
import argus.storage.MediaStore;
import argus.vision.MediaRejectedException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** Scores a queued audio authenticity task, channel by channel, and removes its audio. */
@Singleton
public class AuthenticityWork implements QueuedWork {
    static final String KIND = "AUDIO_AUTHENTICITY";

    private final AuthenticityTaskRepository tasks;
    private final MediaStore store;
    private final AudioDecoder decoder;
    private final SpeechAuthenticity authenticity;
    private final AnalysisEngine engine;

    public AuthenticityWork(
            AuthenticityTaskRepository tasks,
            MediaStore store,
            AudioDecoder decoder,
            SpeechAuthenticity authenticity,
            AnalysisEngine engine) {
        this.tasks = tasks;
        this.store = store;
        this.decoder = decoder;
        this.authenticity = authenticity;
        this.engine = engine;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(UUID taskId) {
        AuthenticityTask task =
                tasks.findById(taskId).filter(AuthenticityTask::open).orElse(null);
        if (task == null) {
            return;
        }
        AuthenticityTask running = tasks.update(task.running());
        try (MediaStore.LocalFile file = store.fetch(running.storageKey())) {
            List<SpeechAuthenticity.ChannelScore> channels = engine.call(
                    () -> authenticity.score(decoder.decode(file.path(), running.segmentStart(), running.segmentEnd())),
                    "the audio analysis");
            tasks.update(running.done(channels));
        } catch (MediaRejectedException e) {
            tasks.update(running.failed(e.getMessage()));
        } catch (IOException e) {
            tasks.update(running.failed("the stored audio cannot be read"));
        }
        store.deleteQuietly(running.storageKey());
    }

    @Override
    public void abandon(UUID taskId, ErrorCode code, String reason) {
        tasks.findById(taskId).filter(AuthenticityTask::open).ifPresent(task -> {
            tasks.update(task.failed(reason));
            store.deleteQuietly(task.storageKey());
        });
    }
}
