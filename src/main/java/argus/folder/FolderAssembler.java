package argus.folder;

import argus.RequestContext;
import argus.Timestamps;
import argus.analysis.AnalysisOutcome;
import argus.analysis.OutputImage;
import argus.analysis.Resolution;
import argus.auth.Caller;
import argus.storage.Published;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Assembles a new folder, its media and its finished analyses from the work done on a submission: the rows the single
 * request inserts, or the transient folder Instant mode answers with. With {@code published}, media and produced
 * images are stored on the way.
 */
@Singleton
class FolderAssembler {
    private final Timestamps timestamps;
    private final MediaIntake intake;

    FolderAssembler(Timestamps timestamps, MediaIntake intake) {
        this.timestamps = timestamps;
        this.intake = intake;
    }

    FolderView assemble(
            Caller caller,
            FolderSubmission submission,
            RequestContext context,
            List<MediaIntake.Opened> opened,
            AnalysisWork.Result result,
            @Nullable Published published) {
        UUID folderId = UUID.randomUUID();
        Instant created = timestamps.now();
        List<Media> media = intake.rows(caller.companyId(), folderId, opened, result.previews(), created, published);
        UUID groupId = UUID.randomUUID();
        Instant finished = timestamps.now();
        List<Analysis> analyses = new ArrayList<>();
        List<Media> outputs = new ArrayList<>();
        for (int i = 0; i < result.outcomes().size(); i++) {
            AnalysisOutcome outcome = result.outcomes().get(i);
            Analysis queued = Analysis.queued(
                    folderId,
                    caller.companyId(),
                    caller.userId(),
                    groupId,
                    submission.analyses().get(i),
                    result.sources().get(i),
                    created.plusNanos(1000L * i));
            for (OutputImage image : outcome.outputImages()) {
                outputs.add(intake.outputImage(caller.companyId(), folderId, queued.id(), image, finished, published));
            }
            analyses.add(queued.finished(outcome, finished));
        }
        Folder folder = new Folder(
                folderId,
                caller.companyId(),
                caller.userId(),
                submission.resolutionEndpoint(),
                FolderRecords.status(analyses),
                "[]",
                Resolution.consolidate(
                        analyses.stream().map(Analysis::resolutionStatus).toList()),
                submission.metaData(),
                context.sessionId(),
                context.deviceInfo(),
                context.geoLocation(),
                context.idempotencyKey(),
                created,
                analyses.isEmpty() ? created : finished);
        return new FolderView(folder, media, outputs, analyses, List.of());
    }
}
