package argus.authenticity;

import argus.ArgusException;
import argus.analysis.AnalysisEngine;
import argus.audio.AudioConfig;
import argus.audio.AudioDecoder;
import argus.audio.SpeechAuthenticity;
import argus.auth.Caller;
import argus.auth.Role;
import argus.folder.JsonText;
import argus.storage.MediaStore;
import argus.storage.StorageConfig;
import argus.vision.MediaRejectedException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Audio authenticity tasks on the shared engine: the upload is staged, decoded and scored within an engine slot (429
 * when none is free), and the task is recorded with its per-channel scores before it is acknowledged, so that any
 * instance answers the poll and nothing acknowledged is lost. The audio itself is not kept.
 */
@Singleton
public class AuthenticityService {
    private static final Argument<List<SpeechAuthenticity.ChannelScore>> SCORES = Argument.listOf(SpeechAuthenticity.ChannelScore.class);

    private final AnalysisEngine engine;
    private final AudioDecoder decoder;
    private final SpeechAuthenticity authenticity;
    private final AuthenticityTaskRepository tasks;
    private final MediaStore store;
    private final StorageConfig storage;
    private final AudioConfig config;
    private final JsonText json;

    public AuthenticityService(AnalysisEngine engine, AudioDecoder decoder, SpeechAuthenticity authenticity,
                               AuthenticityTaskRepository tasks, MediaStore store, StorageConfig storage, AudioConfig config, JsonText json) {
        this.engine = engine;
        this.decoder = decoder;
        this.authenticity = authenticity;
        this.tasks = tasks;
        this.store = store;
        this.storage = storage;
        this.config = config;
        this.json = json;
    }

    /** A task and its per-channel scores. */
    public record Outcome(AuthenticityTask task, List<SpeechAuthenticity.ChannelScore> channels) {
    }

    public Outcome submit(Caller caller, InputStream audio, @Nullable String fileName, @Nullable Double from, @Nullable Double to) {
        caller.require(caller.role().createsFolders(), "submit media");
        checkSegment(from, to);
        checkFreeSpace();
        try (AnalysisEngine.Admission ignored = engine.admit()) {
            MediaStore.StagedFile staged = store.stageUpload(audio);
            try {
                List<SpeechAuthenticity.ChannelScore> channels = score(staged, from, to);
                AuthenticityTask task = tasks.save(new AuthenticityTask(UUID.randomUUID(), caller.companyId(), caller.userId(),
                        fileName, from, to, json.write(channels), Instant.now().truncatedTo(ChronoUnit.MICROS)));
                return new Outcome(task, channels);
            } finally {
                store.discard(staged);
            }
        }
    }

    public Optional<Outcome> find(Caller caller, UUID id) {
        Optional<AuthenticityTask> task = caller.role().scope() == Role.Scope.ALL
                ? tasks.findById(id) : tasks.findByIdAndCompanyId(id, caller.companyId());
        return task.filter(t -> caller.sees(t.companyId(), t.userId()))
                .map(t -> new Outcome(t, json.read(t.result(), SCORES)));
    }

    private static void checkSegment(@Nullable Double from, @Nullable Double to) {
        if (from != null && (from < 0 || !Double.isFinite(from)) || to != null && (to <= 0 || !Double.isFinite(to))
                || from != null && to != null && to <= from) {
            throw new ArgusException(HttpStatus.UNPROCESSABLE_ENTITY, "INVALID_SEGMENT",
                    "start_time and end_time must be seconds with 0 <= start_time < end_time");
        }
    }

    private void checkFreeSpace() {
        try {
            if (Files.getFileStore(storage.dataDir()).getUsableSpace() < config.minFreeBytes()) {
                throw new ArgusException(HttpStatus.INSUFFICIENT_STORAGE, "INSUFFICIENT_STORAGE", "the storage is full and cannot accept any data");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes and scores on the engine, within its time limit; unusable audio is a validation error (422). */
    private List<SpeechAuthenticity.ChannelScore> score(MediaStore.StagedFile staged, @Nullable Double from, @Nullable Double to) {
        try {
            return engine.call(() -> authenticity.score(decoder.decode(staged.path(), from, to)), "the audio analysis");
        } catch (MediaRejectedException rejected) {
            throw new ArgusException(HttpStatus.UNPROCESSABLE_ENTITY, rejected.code(), rejected.getMessage());
        }
    }
}
