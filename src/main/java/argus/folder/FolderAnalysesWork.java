package argus.folder;

import argus.ErrorCode;
import argus.Timestamps;
import argus.analysis.AnalysisOutcome;
import argus.analysis.AnalysisRequest;
import argus.analysis.OutputImage;
import argus.jobs.QueuedWork;
import argus.storage.MediaStore;
import argus.storage.Published;
import argus.vision.MediaData;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group of analyses started together on a folder (the multi-step flow), queued as a job whose subject is the group:
 * its media are read back from the store, analysed, and the group finished with the outputs in one transaction.
 */
@Singleton
public class FolderAnalysesWork implements QueuedWork {
    /** The kind of the jobs, as stored since folder analyses were first queued. */
    public static final String KIND = "FOLDER";

    private static final Logger LOG = LoggerFactory.getLogger(FolderAnalysesWork.class);

    private final Timestamps timestamps;
    private final FolderRecords records;
    private final AnalysisWork work;
    private final MediaIntake intake;
    private final MediaOpener opener;
    private final MediaStore store;

    public FolderAnalysesWork(
            Timestamps timestamps,
            FolderRecords records,
            AnalysisWork work,
            MediaIntake intake,
            MediaOpener opener,
            MediaStore store) {
        this.timestamps = timestamps;
        this.records = records;
        this.work = work;
        this.intake = intake;
        this.opener = opener;
        this.store = store;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(UUID groupId) {
        List<Analysis> group = records.group(groupId);
        if (group.isEmpty() || records.folderById(group.getFirst().folderId()).isEmpty()) {
            return;
        }
        complete(group, outcomes(group));
    }

    /** The group's analyses end FAILED with the code. */
    @Override
    public void abandon(UUID groupId, ErrorCode code, String reason) {
        List<Analysis> group = records.group(groupId);
        if (!group.isEmpty()) {
            complete(group, failure(group.size(), code, reason));
        }
    }

    /** Opens the source media from the store and runs the group's analyses on them. */
    private List<AnalysisOutcome> outcomes(List<Analysis> group) {
        Analysis first = group.getFirst();
        List<AnalysisRequest> requests = group.stream()
                .map(a -> new AnalysisRequest(a.type(), a.params(), a.metaData(), a.sourceMedia()))
                .toList();
        Map<UUID, Media> media =
                records.mediaOf(first.folderId()).stream().collect(Collectors.toMap(Media::id, Function.identity()));
        List<MediaStore.LocalFile> files = new ArrayList<>();
        List<MediaSource> sources = new ArrayList<>();
        try {
            List<AnalysisWork.Candidate> candidates = new ArrayList<>();
            for (UUID id : requests.stream()
                    .flatMap(r -> r.sourceMedia().stream())
                    .distinct()
                    .toList()) {
                Media row = media.get(id);
                if (row == null) {
                    continue;
                }
                MediaStore.LocalFile file = store.fetch(row.storageKey());
                files.add(file);
                MediaSource source = opener.open(new MediaData.InFile(file.path()), true);
                sources.add(source);
                candidates.add(new AnalysisWork.Candidate(id, row.mediaType().kind(), row.tags(), source));
            }
            return work.analyze(first.companyId(), candidates, requests, false).outcomes();
        } catch (MediaRejectedException e) {
            return failure(group.size(), e.code(), e.getMessage());
        } catch (IOException e) {
            LOG.error("folder {}: stored media unreadable", first.folderId(), e);
            return failure(group.size(), ErrorCode.MEDIA_UNAVAILABLE, "a stored media of the folder cannot be read");
        } finally {
            sources.forEach(MediaSource::close);
            files.forEach(FolderAnalysesWork::closeQuietly);
        }
    }

    private static void closeQuietly(MediaStore.LocalFile file) {
        try {
            file.close();
        } catch (IOException e) {
            LOG.warn("could not remove the temporary copy {}", file.path(), e);
        }
    }

    private static List<AnalysisOutcome> failure(int count, ErrorCode code, String message) {
        return Collections.nCopies(count, AnalysisOutcome.unresolved(List.of(), code.name(), message));
    }

    private void complete(List<Analysis> group, List<AnalysisOutcome> outcomes) {
        Instant time = timestamps.now();
        Published published = new Published(store);
        try {
            List<Analysis> finished = new ArrayList<>();
            List<Media> outputs = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                Analysis analysis = group.get(i);
                for (OutputImage image : outcomes.get(i).outputImages()) {
                    outputs.add(intake.outputImage(
                            analysis.companyId(), analysis.folderId(), analysis.id(), image, time, published));
                }
                finished.add(analysis.finished(outcomes.get(i), time));
            }
            records.complete(group.getFirst().folderId(), finished, outputs, time);
        } catch (RuntimeException e) {
            published.rollback();
            throw e;
        }
    }
}
