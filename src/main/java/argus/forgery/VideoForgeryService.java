package argus.forgery;

import argus.ArgusException;
import argus.analysis.AnalysisEngine;
import argus.auth.Caller;
import argus.auth.Role;
import argus.folder.RequestContext;
import argus.storage.MediaStore;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Video forgery checks on the shared engine ({@link FaceMediaForgery}: face swap and replay from one decode). The
 * check runs within an engine slot before the request is acknowledged and is recorded with the client's request
 * context; the video is not kept.
 */
@Singleton
public class VideoForgeryService {
    private final AnalysisEngine engine;
    private final MediaOpener opener;
    private final FaceMediaForgery forgery;
    private final MediaStore store;
    private final ForgeryTaskRepository tasks;

    public VideoForgeryService(AnalysisEngine engine, MediaOpener opener, FaceMediaForgery forgery, MediaStore store,
                               ForgeryTaskRepository tasks) {
        this.engine = engine;
        this.opener = opener;
        this.forgery = forgery;
        this.store = store;
        this.tasks = tasks;
    }

    public ForgeryTask check(Caller caller, InputStream video, @Nullable String fileName, RequestContext context) {
        caller.require(caller.role().createsFolders(), "submit media");
        Instant received = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (AnalysisEngine.Admission ignored = engine.admit()) {
            MediaStore.StagedFile staged = store.stageUpload(video);
            try (MediaSource source = openVideo(staged)) {
                return tasks.save(task(caller, forgery.assess(source, caller.companyId()), fileName, context, received));
            } finally {
                store.discard(staged);
            }
        }
    }

    /** The staged upload as a video; anything else, damaged or not, is an invalid file format (400). */
    private MediaSource openVideo(MediaStore.StagedFile staged) {
        try {
            return opener.openVideo(staged.path());
        } catch (MediaRejectedException rejected) {
            throw ArgusException.badRequest("INVALID_FILE_FORMAT", rejected.getMessage());
        }
    }

    public Optional<ForgeryTask> find(Caller caller, UUID id) {
        Optional<ForgeryTask> task = caller.role().scope() == Role.Scope.ALL ? tasks.findById(id) : tasks.findByIdAndCompanyId(id, caller.companyId());
        return task.filter(t -> caller.sees(t.companyId(), t.userId()));
    }

    private ForgeryTask task(Caller caller, FaceMediaForgery.Evidence evidence, @Nullable String fileName, RequestContext context,
                             Instant received) {
        Instant completed = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (evidence.probability() == null) {
            return new ForgeryTask(UUID.randomUUID(), caller.companyId(), caller.userId(), fileName, context.sessionId(), context.deviceInfo(),
                    context.geoLocation(), false, "Inference failed: " + evidence.reason(), null, null, null,
                    evidence.faceSwap(), evidence.replay(), evidence.frames(), received, completed);
        }
        double score = evidence.probability();
        return new ForgeryTask(UUID.randomUUID(), caller.companyId(), caller.userId(), fileName, context.sessionId(), context.deviceInfo(),
                context.geoLocation(), true, "Inference completed", evidence.forged() ? "fake" : "real",
                FaceMediaForgery.round(evidence.forged() ? score : 1 - score), score, evidence.faceSwap(), evidence.replay(),
                evidence.frames(), received, completed);
    }
}
