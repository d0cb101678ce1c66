package argus.folder;

import argus.analysis.AnalysisEngine;
import argus.analysis.AnalysisOutcome;
import argus.analysis.AnalysisState;
import argus.analysis.OutputImage;
import argus.analysis.Resolution;
import argus.auth.Caller;
import argus.vision.MediaKind;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Oz Instant (non-persistent) mode: the media are analysed in memory and the answer has the shape of a folder, but
 * nothing is written at any point: no row, no file, no preview. Images the analyses produce are described but not
 * kept, so they have no download URL.
 */
@Singleton
public class InstantService {
    private final MediaIntake intake;
    private final AnalysisWork work;
    private final AnalysisEngine engine;
    private final JsonText json;

    public InstantService(MediaIntake intake, AnalysisWork work, AnalysisEngine engine, JsonText json) {
        this.intake = intake;
        this.work = work;
        this.engine = engine;
        this.json = json;
    }

    public FolderView analyze(Caller caller, FolderSubmission submission) {
        caller.require(caller.role().createsFolders(), "run analyses");
        List<MediaIntake.Opened> opened = intake.open(submission.media());
        try (AnalysisEngine.Admission ignored = engine.admit()) {
            List<AnalysisWork.Candidate> candidates = opened.stream()
                    .map(o -> new AnalysisWork.Candidate(o.mediaId(), o.info().kind(), o.upload().tags(), o.source()))
                    .toList();
            AnalysisWork.Result result = work.analyze(candidates, submission.analyses(), false);
            return view(caller, submission, opened, result);
        } finally {
            MediaIntake.close(opened);
        }
    }

    private FolderView view(Caller caller, FolderSubmission submission, List<MediaIntake.Opened> opened, AnalysisWork.Result result) {
        UUID folderId = UUID.randomUUID();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Media> media = opened.stream().map(o -> new Media(o.mediaId(), folderId, caller.companyId(), o.upload().key(),
                o.upload().originalName(), o.info().kind() == MediaKind.VIDEO ? MediaType.VIDEO_FOLDER : MediaType.IMAGE_FOLDER,
                o.info().contentType(), json.write(o.upload().tags()), json.write(MediaIntake.describe(o.info(), o.upload().data().size())),
                json.write(o.upload().metaData()), "", null, UUID.randomUUID(), o.upload().data().size(), "", null, time, time)).toList();
        UUID groupId = UUID.randomUUID();
        List<Analysis> analyses = new ArrayList<>();
        List<Media> outputs = new ArrayList<>();
        for (int i = 0; i < result.outcomes().size(); i++) {
            AnalysisOutcome outcome = result.outcomes().get(i);
            UUID analysisId = UUID.randomUUID();
            for (OutputImage image : outcome.outputImages()) {
                outputs.add(new Media(image.mediaId(), folderId, caller.companyId(), null, "best_shot.jpg", MediaType.IMAGE_FOLDER,
                        "image/jpeg", json.write(List.of("photo_selfie")),
                        json.write(Map.of("width", image.width(), "height", image.height(), "codec", "jpeg")),
                        json.write(Map.of("source_media_id", image.sourceMediaId().toString())), "", null, UUID.randomUUID(),
                        image.jpeg().length, "", analysisId, time, time));
            }
            analyses.add(new Analysis(analysisId, folderId, caller.companyId(), groupId, submission.analyses().get(i).type(),
                    AnalysisState.PROCESSING, Resolution.PROCESSING, json.write(submission.analyses().get(i).params()),
                    json.write(submission.analyses().get(i).metaData()), json.write(result.sources().get(i)), null,
                    json.write(List.of()), null, null, time, time).finished(outcome, json, time));
        }
        Folder folder = new Folder(folderId, caller.companyId(), caller.userId(), null, FolderRecords.status(analyses), "[]",
                Resolution.consolidate(analyses.stream().map(Analysis::resolutionStatus).toList()), json.write(submission.metaData()),
                null, null, null, null, time, time);
        return new FolderView(folder, media, outputs, analyses);
    }
}
