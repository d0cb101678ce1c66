package argus.folder;

import argus.analysis.AnalysisEngine;
import argus.analysis.OverloadedException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Queues the work of another contract; call it in the transaction that records the subject. While more jobs than
 * {@link JobConfig#maxBacklog()} wait, new uploads are refused with 429 rather than queued for ever longer.
 */
@Singleton
public class JobQueue {
    private final AnalysisJobRepository jobs;
    private final JobWorker worker;
    private final JobConfig config;
    private final AnalysisEngine engine;

    public JobQueue(AnalysisJobRepository jobs, JobWorker worker, JobConfig config, AnalysisEngine engine) {
        this.jobs = jobs;
        this.worker = worker;
        this.config = config;
        this.engine = engine;
    }

    public void refuseWhenBacklogged() {
        if (jobs.countByState(AnalysisJob.JobState.QUEUED) >= config.maxBacklog()) {
            throw new OverloadedException("%d jobs are waiting; retry later".formatted(config.maxBacklog()),
                    Math.max(1, engine.config().retryAfter().toSeconds()), config.maxBacklog());
        }
    }

    public void enqueue(String kind, UUID subjectId, UUID companyId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jobs.save(new AnalysisJob(UUID.randomUUID(), null, companyId, kind, subjectId, AnalysisJob.JobState.QUEUED, 0, null, null, now, now));
        worker.wake();
    }
}
