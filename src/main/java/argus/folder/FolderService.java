package argus.folder;

import argus.ArgusException;
import argus.ErrorCode;
import argus.RequestContext;
import argus.RequestIds;
import argus.Timestamps;
import argus.analysis.AnalysisEngine;
import argus.analysis.AnalysisRequest;
import argus.analysis.AnalysisType;
import argus.analysis.Resolution;
import argus.auth.Caller;
import argus.jobs.AnalysisJob;
import argus.jobs.JobWorker;
import argus.storage.MediaStore;
import argus.storage.Published;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.model.Page;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders through their life: created (with media, and with analyses run inline for the single request), given
 * more media, given analyses to run later, read, edited and deleted. Work is checked and computed before anything is
 * published: files are committed and rows written only once every media decoded (and, inline, every analysis
 * ended), so a refused request leaves nothing behind. Staged uploads stay the caller's to discard.
 */
@Singleton
public class FolderService {
    private static final int MAX_COMMENT = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(FolderService.class);

    private final MediaIntake intake;
    private final AnalysisWork work;
    private final AnalysisEngine engine;
    private final FolderRecords records;
    private final MediaStore store;
    private final JobWorker jobs;
    private final FolderAssembler assembler;
    private final FolderLimits limits;
    private final Timestamps timestamps;

    public FolderService(
            Timestamps timestamps,
            MediaIntake intake,
            AnalysisWork work,
            AnalysisEngine engine,
            FolderRecords records,
            MediaStore store,
            JobWorker jobs,
            FolderAssembler assembler,
            FolderLimits limits) {
        this.timestamps = timestamps;
        this.limits = limits;
        this.intake = intake;
        this.work = work;
        this.engine = engine;
        this.records = records;
        this.store = store;
        this.jobs = jobs;
        this.assembler = assembler;
    }

    /** A created folder; {@code replayed} when an earlier request with the same idempotency key had created it. */
    public record Creation(FolderView view, boolean replayed) {}

    public Creation create(Caller caller, FolderSubmission submission, RequestContext context) {
        caller.require(caller.role().createsFolders(), "create folders");
        AnalysisPermissions.check(caller, submission.analyses());
        checkRoom(0, submission.media().size());
        if (context.idempotencyKey() != null) {
            var existing = records.byIdempotencyKey(caller.userId(), context.idempotencyKey());
            if (existing.isPresent()) {
                return new Creation(records.view(existing.get(), true), true);
            }
        }
        List<MediaIntake.Opened> opened = intake.open(submission.media());
        Published published = new Published(store);
        try (AnalysisEngine.Admission ignored = engine.admit()) {
            List<AnalysisWork.Candidate> candidates = candidates(opened);
            AnalysisWork.Result result = submission.analyses().isEmpty()
                    ? new AnalysisWork.Result(work.previews(candidates), List.of(), List.of())
                    : work.analyze(caller.companyId(), candidates, submission.analyses(), true);
            return new Creation(persist(caller, submission, context, opened, result, published), false);
        } catch (DataAccessException e) {
            published.rollback();
            return replayAfterRace(caller, context, e);
        } catch (RuntimeException e) {
            published.rollback();
            throw e;
        } finally {
            MediaIntake.close(opened);
        }
    }

    /** Two requests with one idempotency key raced: the loser answers with the winner's folder. */
    private Creation replayAfterRace(Caller caller, RequestContext context, DataAccessException e) {
        if (context.idempotencyKey() != null) {
            var winner = records.byIdempotencyKey(caller.userId(), context.idempotencyKey());
            if (winner.isPresent()) {
                return new Creation(records.view(winner.get(), true), true);
            }
        }
        throw e;
    }

    private static List<AnalysisWork.Candidate> candidates(List<MediaIntake.Opened> opened) {
        return opened.stream().map(MediaIntake.Opened::candidate).toList();
    }

    private FolderView persist(
            Caller caller,
            FolderSubmission submission,
            RequestContext context,
            List<MediaIntake.Opened> opened,
            AnalysisWork.Result result,
            Published published) {
        FolderView view = assembler.assemble(caller, submission, context, opened, result, published);
        List<Media> rows = new ArrayList<>(view.media());
        rows.addAll(view.outputImages());
        records.insert(view.folder(), rows, view.analyses());
        return view;
    }

    /** Adds uploaded media to an existing folder (the multi-step flow). */
    public List<Media> addMedia(Caller caller, UUID folderId, List<MediaUpload> uploads) {
        caller.require(caller.role().createsFolders(), "add media");
        Folder folder = folder(caller, folderId);
        checkRoom(
                records.mediaOf(folderId).stream()
                        .filter(m -> m.sourceAnalysisId() == null)
                        .count(),
                uploads.size());
        List<MediaIntake.Opened> opened = intake.open(uploads);
        Published published = new Published(store);
        try (AnalysisEngine.Admission ignored = engine.admit()) {
            Map<UUID, byte[]> previews = work.previews(candidates(opened));
            Instant time = timestamps.now();
            List<Media> rows = intake.rows(folder.companyId(), folder.id(), opened, previews, time, published);
            records.addMedia(folder, rows, time);
            return rows;
        } catch (RuntimeException e) {
            published.rollback();
            throw e;
        } finally {
            MediaIntake.close(opened);
        }
    }

    private void checkRoom(long held, int added) {
        if (held + added > limits.maxMedia()) {
            throw new ArgusException(
                    ErrorCode.TOO_MANY_MEDIA,
                    "a folder holds at most %d media files; it has %d and %d were sent"
                            .formatted(limits.maxMedia(), held, added));
        }
    }

    /**
     * Records analyses to run on the folder's media and queues them as one job; returns them at once, in state
     * PROCESSING. The source media are chosen now (by the client or by Oz's rules), so a wrong id is refused here.
     * A {@code resolutionEndpoint} given with them becomes the folder's webhook.
     */
    public List<Analysis> startAnalyses(
            Caller caller, UUID folderId, List<AnalysisRequest> requests, @Nullable String resolutionEndpoint) {
        caller.require(caller.role().createsFolders(), "start analyses");
        if (requests.isEmpty()) {
            throw new ArgusException(ErrorCode.MISSING_ANALYSES, "analyses must name at least one analysis");
        }
        AnalysisPermissions.check(caller, requests);
        Folder folder = folder(caller, folderId);
        List<AnalysisWork.Candidate> candidates = storedCandidates(folderId);
        UUID groupId = UUID.randomUUID();
        Instant time = timestamps.now();
        List<Analysis> rows = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            rows.add(Analysis.queued(
                    folderId,
                    folder.companyId(),
                    folder.userId(),
                    groupId,
                    requests.get(i),
                    AnalysisWork.sources(requests.get(i), candidates),
                    time.plusNanos(1000L * i)));
        }
        AnalysisJob job = new AnalysisJob(
                groupId,
                folderId,
                folder.companyId(),
                FolderAnalysesWork.KIND,
                groupId,
                AnalysisJob.JobState.QUEUED,
                0,
                null,
                null,
                time,
                time,
                RequestIds.current());
        if (resolutionEndpoint != null) {
            folder = folder.withResolutionEndpoint(resolutionEndpoint, time);
        }
        records.queue(folder, rows, job);
        jobs.wake();
        return rows;
    }

    /**
     * What a legacy client's bare "launch the analyses" starts: liveness, and face matching when at least two media
     * of the folder can be compared.
     */
    public List<Analysis> startDefaultAnalyses(Caller caller, UUID folderId) {
        folder(caller, folderId);
        List<AnalysisRequest> requests =
                new ArrayList<>(List.of(new AnalysisRequest(AnalysisType.QUALITY, Map.of(), Map.of())));
        AnalysisRequest biometry = new AnalysisRequest(AnalysisType.BIOMETRY, Map.of(), Map.of());
        if (AnalysisWork.sources(biometry, storedCandidates(folderId)).size() >= 2) {
            requests.add(biometry);
        }
        return startAnalyses(caller, folderId, requests, null);
    }

    private List<AnalysisWork.Candidate> storedCandidates(UUID folderId) {
        return records.mediaOf(folderId).stream()
                .map(m -> new AnalysisWork.Candidate(
                        m.id(), m.mediaType().kind(), m.tags(), null, m.sourceAnalysisId() != null))
                .toList();
    }

    public FolderView find(Caller caller, UUID folderId) {
        return records.find(folderId, caller).orElseThrow(() -> ArgusException.notFound("folder " + folderId));
    }

    public Page<FolderView> list(Caller caller, FolderQuery query) {
        return records.list(caller, query);
    }

    /** The next folders the query finds after {@code after}, oldest first (see {@link FolderRecords#after}). */
    public List<FolderView> after(Caller caller, FolderQuery query, @Nullable Folder after, int size) {
        return records.after(caller, query, after, size);
    }

    public long count(Caller caller, FolderQuery query) {
        return records.count(caller, query);
    }

    /**
     * Records an operator's decision on a folder or, with {@code analysisId}, on one of its analyses: SUCCESS or
     * DECLINED, with a comment, by a role that makes decisions. An earlier decision stays in the record.
     */
    public OperatorDecision decide(
            Caller caller, UUID folderId, @Nullable UUID analysisId, Resolution resolution, String comment) {
        FolderView view = find(caller, folderId);
        caller.require(caller.role().decides(), "make operator decisions");
        if (analysisId != null && view.analyses().stream().noneMatch(a -> a.id().equals(analysisId))) {
            throw ArgusException.notFound("analysis " + analysisId);
        }
        if (resolution != Resolution.SUCCESS && resolution != Resolution.DECLINED) {
            throw new ArgusException(
                    ErrorCode.INVALID_VALUE, "an operator decides SUCCESS or DECLINED, not " + resolution);
        }
        if (comment.length() > MAX_COMMENT) {
            throw new ArgusException(
                    ErrorCode.INVALID_VALUE, "the comment is longer than %d characters".formatted(MAX_COMMENT));
        }
        return records.decide(new OperatorDecision(
                UUID.randomUUID(),
                folderId,
                analysisId,
                view.folder().companyId(),
                resolution,
                comment.strip(),
                caller.userId(),
                caller.email(),
                timestamps.now()));
    }

    public Page<Analysis> listAnalyses(Caller caller, AnalysisQuery query) {
        return records.listAnalyses(caller, query);
    }

    public Analysis analysis(Caller caller, UUID analysisId) {
        return records.findAnalysis(analysisId, caller)
                .orElseThrow(() -> ArgusException.notFound("analysis " + analysisId));
    }

    public Media media(Caller caller, UUID folderId, UUID mediaId) {
        return records.findMedia(folderId, mediaId, caller)
                .orElseThrow(() -> ArgusException.notFound("media " + mediaId));
    }

    private Folder folder(Caller caller, UUID folderId) {
        return records.folder(folderId, caller).orElseThrow(() -> ArgusException.notFound("folder " + folderId));
    }

    /** Replaces the folder's metadata. */
    public Folder setFolderMetaData(Caller caller, UUID folderId, Map<String, Object> metaData) {
        Folder folder = folder(caller, folderId);
        return records.updateFolder(folder.withMetaData(metaData, timestamps.now()));
    }

    /** A media of a folder the caller sees, by its id alone. */
    public Media media(Caller caller, UUID mediaId) {
        return records.findMedia(mediaId, caller).orElseThrow(() -> ArgusException.notFound("media " + mediaId));
    }

    public Media setMediaMetaData(Caller caller, UUID mediaId, Map<String, Object> metaData) {
        Media row = media(caller, mediaId);
        return records.updateMedia(row.withMetaData(metaData, timestamps.now()));
    }

    public Analysis setAnalysisMetaData(Caller caller, UUID analysisId, Map<String, Object> metaData) {
        Analysis row = analysis(caller, analysisId);
        return records.updateAnalysis(row.withMetaData(metaData, timestamps.now()));
    }

    /** Deletes one media and its files (roles that may delete only), unless analyses of its folder are running. */
    public void deleteMedia(Caller caller, UUID mediaId) {
        caller.require(caller.role().deletes(), "delete media");
        Media row = media(caller, mediaId);
        Folder folder = folder(caller, row.folderId());
        if (folder.resolutionStatus() == FolderStatus.PROCESSING) {
            throw new ArgusException(
                    ErrorCode.FOLDER_BUSY, "analyses of the folder are running; delete the media once they end");
        }
        removeFiles(records.deleteMedia(row), folder.id());
    }

    /** Deletes a folder with its media files (roles that may delete only). */
    public void delete(Caller caller, UUID folderId) {
        caller.require(caller.role().deletes(), "delete folders");
        Folder folder = folder(caller, folderId);
        removeFiles(records.delete(folder), folderId);
    }

    private void removeFiles(List<String> keys, UUID folderId) {
        for (String key : keys) {
            try {
                store.delete(key);
            } catch (IOException e) {
                LOG.warn("could not remove {} of folder {}", key, folderId, e);
            }
        }
    }
}
