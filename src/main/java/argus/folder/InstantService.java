package argus.folder;

import argus.RequestContext;
import argus.analysis.AnalysisEngine;
import argus.auth.Caller;
import jakarta.inject.Singleton;
import java.util.List;

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
    private final FolderAssembler assembler;

    public InstantService(MediaIntake intake, AnalysisWork work, AnalysisEngine engine, FolderAssembler assembler) {
        this.intake = intake;
        this.work = work;
        this.engine = engine;
        this.assembler = assembler;
    }

    public FolderView analyze(Caller caller, FolderSubmission submission) {
        caller.require(caller.role().createsFolders(), "run analyses");
        AnalysisPermissions.check(caller, submission.analyses());
        List<MediaIntake.Opened> opened = intake.open(submission.media());
        try (AnalysisEngine.Admission ignored = engine.admit()) {
            List<AnalysisWork.Candidate> candidates =
                    opened.stream().map(MediaIntake.Opened::candidate).toList();
            AnalysisWork.Result result = work.analyze(caller.companyId(), candidates, submission.analyses(), false);
            return assembler.assemble(caller, submission, RequestContext.NONE, opened, result, null);
        } finally {
            MediaIntake.close(opened);
        }
    }
}
