package argus.folder;

import argus.analysis.AnalysisEngine;
import argus.analysis.OverloadedException;
import argus.storage.MediaStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Queues the work of another contract, recorded together with its subject. While more jobs than
 * {@link JobConfig#maxBacklog()} wait, new uploads are refused with 429 rather than queued for ever longer.
 */
@Singleton
public class JobQueue {
    private final AnalysisJobRepository jobs;
    private final JobWorker worker;
    private final JobConfig config;
    private final AnalysisEngine engine;
    private final MediaStore store;

    public JobQueue(AnalysisJobRepository jobs, JobWorker worker, JobConfig config, AnalysisEngine engine, MediaStore store) {
        this.jobs = jobs;
        this.worker = worker;
        this.config = config;
        this.engine = engine;
        this.store = store;
    }

    public void refuseWhenBacklogged() {
        if (jobs.countByState(AnalysisJob.JobState.QUEUED) >= config.maxBacklog()) {
            throw new OverloadedException("%d jobs are waiting; retry later".formatted(config.maxBacklog()),
                    Math.max(1, engine.config().retryAfter().toSeconds()), config.maxBacklog());
        }
    }

    /**
     * Records the subject (with {@code record}) and queues its work of {@code kind} in one transaction; when that
     * fails, the subject's file, already stored under {@code storageKey}, is removed again.
     */
    public <T> T submit(String kind, UUID subjectId, UUID companyId, String storageKey, Supplier<T> record) {
        try {
            T saved = recordAndEnqueue(kind, subjectId, companyId, record);
            worker.wake();
            return saved;
        } catch (RuntimeException e) {
            store.deleteQuietly(storageKey);
            throw e;
        }
    }

    @Transactional
    protected <T> T recordAndEnqueue(String kind, UUID subjectId, UUID companyId, Supplier<T> record) {
        T saved = record.get();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jobs.save(new AnalysisJob(UUID.randomUUID(), null, companyId, kind, subjectId, AnalysisJob.JobState.QUEUED, 0, null, null, now, now));
        return saved;
    }
}
