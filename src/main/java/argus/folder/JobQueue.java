package argus.folder;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Queues the work of another contract; call it in the transaction that records the subject. */
@Singleton
public class JobQueue {
    private final AnalysisJobRepository jobs;
    private final JobWorker worker;

    public JobQueue(AnalysisJobRepository jobs, JobWorker worker) {
        this.jobs = jobs;
        this.worker = worker;
    }

    public void enqueue(String kind, UUID subjectId, UUID companyId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jobs.save(new AnalysisJob(UUID.randomUUID(), null, companyId, kind, subjectId, AnalysisJob.JobState.QUEUED, 0, null, null, now, now));
        worker.wake();
    }
}
