package argus.jobs;

import argus.RequestIds;
import argus.Timestamps;
import argus.analysis.AnalysisEngine;
import argus.analysis.OverloadedException;
import argus.storage.MediaStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Queues the work of a contract, recorded together with its subject. While more jobs than
 * {@link JobConfig#maxBacklog()} wait, new uploads are refused with 429 rather than queued for ever longer.
 */
@Singleton
public class JobQueue {
    private final Timestamps timestamps;
    private final AnalysisJobRepository jobs;
    private final JobWorker worker;
    private final JobConfig config;
    private final AnalysisEngine engine;
    private final MediaStore store;
    private final Counter backlogRefusals;

    public JobQueue(
            Timestamps timestamps,
            AnalysisJobRepository jobs,
            JobWorker worker,
            JobConfig config,
            AnalysisEngine engine,
            MediaStore store,
            List<QueuedWork> queuedWork,
            MeterRegistry metrics) {
        this.timestamps = timestamps;
        this.jobs = jobs;
        for (String kind : queuedWork.stream().map(QueuedWork::kind).toList()) {
            Gauge.builder("argus.jobs.waiting", () -> jobs.countByKindAndState(kind, AnalysisJob.JobState.QUEUED))
                    .tag("kind", kind)
                    .description("jobs waiting for an instance (all instances)")
                    .register(metrics);
            Gauge.builder("argus.jobs.running", () -> jobs.countByKindAndState(kind, AnalysisJob.JobState.RUNNING))
                    .tag("kind", kind)
                    .description("jobs running on some instance")
                    .register(metrics);
        }
        this.backlogRefusals = Counter.builder("argus.overload.refusals")
                .tag("reason", "backlog")
                .description("requests refused with 429")
                .register(metrics);
        this.worker = worker;
        this.config = config;
        this.engine = engine;
        this.store = store;
    }

    /** Jobs waiting for an instance, on every instance together. */
    public long waiting() {
        return jobs.countByState(AnalysisJob.JobState.QUEUED);
    }

    public int maxBacklog() {
        return config.maxBacklog();
    }

    public void refuseWhenBacklogged() {
        if (waiting() >= config.maxBacklog()) {
            backlogRefusals.increment();
            throw new OverloadedException(
                    "%d jobs are waiting; retry later".formatted(config.maxBacklog()),
                    Math.max(1, engine.config().retryAfter().toSeconds()),
                    config.maxBacklog());
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
        Instant now = timestamps.now();
        jobs.save(new AnalysisJob(
                UUID.randomUUID(),
                null,
                companyId,
                kind,
                subjectId,
                AnalysisJob.JobState.QUEUED,
                0,
                null,
                null,
                now,
                now,
                RequestIds.current()));
        return saved;
    }
}
