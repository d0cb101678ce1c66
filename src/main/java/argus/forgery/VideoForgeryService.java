package argus.forgery;

import argus.ArgusException;
import argus.analysis.AnalysisEngine;
import argus.analysis.AnalysisRequest;
import argus.analysis.AnalysisRunner;
import argus.analysis.AnalysisType;
import argus.analysis.MediaEvidence;
import argus.auth.Caller;
import argus.auth.Role;
import argus.folder.RequestContext;
import argus.storage.MediaStore;
import argus.vision.FaceForgery;
import argus.vision.MediaKind;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Video forgery checks on the shared engine. The video is decoded once; its sampled frames feed both the face-swap
 * detector ({@link FaceForgery}, averaged over the frames showing one face) and QUALITY, whose
 * {@code confidence_spoofing} is the replay (re-capture) evidence. The forgery score is the larger of the two. The
 * check runs within an engine slot before the request is acknowledged and is recorded with the client's request
 * context; the video is not kept.
 */
@Singleton
public class VideoForgeryService {
    private static final double FAKE_FROM = 0.5;

    private final AnalysisEngine engine;
    private final AnalysisRunner runner;
    private final MediaOpener opener;
    private final FaceForgery forgery;
    private final MediaStore store;
    private final ForgeryTaskRepository tasks;

    public VideoForgeryService(AnalysisEngine engine, AnalysisRunner runner, MediaOpener opener, FaceForgery forgery,
                               MediaStore store, ForgeryTaskRepository tasks) {
        this.engine = engine;
        this.runner = runner;
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
                List<MediaEvidence> evidence = runner.decode(List.of(new AnalysisRunner.DecodeJob(UUID.randomUUID(), List.of(), source,
                        s -> s.sample(opener.limits().sampledFrames()))));
                try {
                    return tasks.save(assess(caller, evidence.getFirst(), fileName, context, received));
                } finally {
                    evidence.forEach(MediaEvidence::close);
                }
            } finally {
                store.discard(staged);
            }
        }
    }

    /** The staged upload as a video; anything else, damaged or not, is an invalid file format (400). */
    private MediaSource openVideo(MediaStore.StagedFile staged) {
        MediaSource source;
        try {
            source = opener.open(staged.path());
        } catch (MediaRejectedException rejected) {
            throw ArgusException.badRequest("INVALID_FILE_FORMAT", rejected.getMessage());
        }
        if (source.info().kind() != MediaKind.VIDEO) {
            source.close();
            throw ArgusException.badRequest("INVALID_FILE_FORMAT", "the file is not a video (mp4, mov, webm, mkv, avi)");
        }
        return source;
    }

    public Optional<ForgeryTask> find(Caller caller, UUID id) {
        Optional<ForgeryTask> task = caller.role().scope() == Role.Scope.ALL ? tasks.findById(id) : tasks.findByIdAndCompanyId(id, caller.companyId());
        return task.filter(t -> caller.sees(t.companyId(), t.userId()));
    }

    private ForgeryTask assess(Caller caller, MediaEvidence evidence, @Nullable String fileName, RequestContext context, Instant received) {
        OptionalDouble faceSwap = engine.call(() -> IntStream.range(0, evidence.frameCount())
                .mapToObj(evidence::facesAt)
                .filter(MediaEvidence.FrameFaces::hasSingleSubject)
                .mapToDouble(frame -> forgery.forgeryProbability(frame.frame().image(), frame.faces().getFirst()))
                .average(), "the face-swap check");
        var quality = runner.run(List.of(new AnalysisRunner.Planned(new AnalysisRequest(AnalysisType.QUALITY, Map.of(), Map.of()),
                List.of(evidence), caller.companyId()))).getFirst().mediaResults().getFirst();
        Double replay = quality.resultsData().get("confidence_spoofing") instanceof Double spoofing ? spoofing : null;
        Instant completed = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (faceSwap.isEmpty() || replay == null) {
            String reason = quality.errorMessage() != null ? quality.errorMessage() : "no single face was found in the video";
            return new ForgeryTask(UUID.randomUUID(), caller.companyId(), caller.userId(), fileName, context.sessionId(), context.deviceInfo(),
                    context.geoLocation(), false, "Inference failed: " + reason, null, null, null,
                    faceSwap.isPresent() ? round(faceSwap.getAsDouble()) : null, replay, evidence.frameCount(), received, completed);
        }
        double score = Math.max(faceSwap.getAsDouble(), replay);
        boolean fake = score >= FAKE_FROM;
        return new ForgeryTask(UUID.randomUUID(), caller.companyId(), caller.userId(), fileName, context.sessionId(), context.deviceInfo(),
                context.geoLocation(), true, "Inference completed", fake ? "fake" : "real", round(fake ? score : 1 - score), round(score),
                round(faceSwap.getAsDouble()), replay, evidence.frameCount(), received, completed);
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
