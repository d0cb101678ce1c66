package argus.authenticity;

import argus.ArgusException;
import argus.ErrorCode;
import argus.Timestamps;
import argus.analysis.AnalysisEngine;
import argus.audio.AudioConfig;
import argus.audio.AudioDecoder;
import argus.audio.SpeechAuthenticity;
import argus.auth.Caller;
import argus.jobs.JobQueue;
import argus.storage.MediaStore;
import argus.storage.StorageConfig;
import argus.vision.MediaRejectedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Audio authenticity tasks: the request is checked (segment, free space, the file holding decodable audio — a 422
 * otherwise), the audio stored, and the task recorded {@code pending} and queued in one transaction;
 * {@link AuthenticityWork} scores it on the engine.
 */
@Singleton
public class AuthenticityService {
    private final Timestamps timestamps;

    private final AnalysisEngine engine;
    private final AudioDecoder decoder;
    private final AuthenticityTaskRepository tasks;
    private final MediaStore store;
    private final StorageConfig storage;
    private final AudioConfig config;
    private final JobQueue queue;
    private final SpeechAuthenticity speech;

    public AuthenticityService(
            Timestamps timestamps,
            AnalysisEngine engine,
            AudioDecoder decoder,
            AuthenticityTaskRepository tasks,
            MediaStore store,
            StorageConfig storage,
            AudioConfig config,
            JobQueue queue,
            SpeechAuthenticity speech) {
        this.timestamps = timestamps;
        this.speech = speech;
        this.engine = engine;
        this.decoder = decoder;
        this.tasks = tasks;
        this.store = store;
        this.storage = storage;
        this.config = config;
        this.queue = queue;
    }

    public AuthenticityTask submit(
            Caller caller, InputStream audio, @Nullable String fileName, @Nullable Double from, @Nullable Double to) {
        caller.require(caller.role().createsFolders(), "submit media");
        speech.requireInstalled();
        checkSegment(from, to);
        checkFreeSpace();
        UUID id = UUID.randomUUID();
        String storageKey = "%s/authenticity/%s".formatted(caller.companyId(), id);
        store.keep(store.stageUpload(audio), storageKey, this::checkAudio);
        Instant now = timestamps.now();
        return queue.submit(
                AuthenticityWork.KIND,
                id,
                caller.companyId(),
                storageKey,
                () -> tasks.save(new AuthenticityTask(
                        id,
                        caller.companyId(),
                        caller.userId(),
                        fileName,
                        from,
                        to,
                        "pending",
                        null,
                        null,
                        storageKey,
                        now)));
    }

    public Optional<AuthenticityTask> find(Caller caller, UUID id) {
        return tasks.findById(id).filter(t -> caller.sees(t.companyId(), t.userId()));
    }

    /** The per-channel scores of a finished task. */
    public List<SpeechAuthenticity.ChannelScore> channels(AuthenticityTask task) {
        return task.result() == null ? List.of() : task.result();
    }

    private static void checkSegment(@Nullable Double from, @Nullable Double to) {
        if (from != null && (from < 0 || !Double.isFinite(from))
                || to != null && (to <= 0 || !Double.isFinite(to))
                || from != null && to != null && to <= from) {
            throw new ArgusException(
                    ErrorCode.INVALID_SEGMENT,
                    "start_time and end_time must be seconds with 0 <= start_time < end_time");
        }
    }

    private void checkFreeSpace() {
        try {
            if (Files.getFileStore(storage.dataDir()).getUsableSpace() < config.minFreeBytes()) {
                throw new ArgusException(
                        ErrorCode.INSUFFICIENT_STORAGE, "the storage is full and cannot accept any data");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first second must decode as audio; a file without decodable audio is a validation error (422). */
    private void checkAudio(Path file) {
        try {
            engine.call(() -> decoder.decode(file, 0.0, 1.0), "reading the audio");
        } catch (MediaRejectedException rejected) {
            throw new ArgusException(rejected.code(), HttpStatus.UNPROCESSABLE_ENTITY, rejected.getMessage());
        }
    }
}
