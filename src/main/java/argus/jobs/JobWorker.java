package argus.jobs;

import argus.ArgusException;
import argus.ErrorCode;
import argus.Poller;
import argus.RequestIds;
import argus.Timestamps;
import argus.analysis.AnalysisEngine;
import argus.auth.ActiveAccounts;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued jobs, each by the {@link QueuedWork} of its kind, on the same bounded engine as the single request. Jobs
 * live in the database, so any instance sharing it may run them: a job is claimed with a conditional update and a
 * lease, the lease is renewed while the job runs, and a job whose instance died is taken over when the lease runs out.
 * A job claimed too often is given up with {@code PROCESSING_ABANDONED}, so nothing stays PROCESSING forever.
 */
@Singleton
public class JobWorker implements ApplicationEventListener<StartupEvent>, GracefulShutdownCapable {
    private final Timestamps timestamps;
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    private static final int BATCH = 16;

    private final AnalysisJobRepository jobs;
    private final AnalysisEngine engine;
    private final JobConfig config;
    private final String owner;
    private final Poller poller;
    private final AtomicInteger running = new AtomicInteger();
    private final ScheduledExecutorService leases =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    private final Map<String, QueuedWork> queuedWork;
    private final ActiveAccounts accounts;

    public JobWorker(
            Timestamps timestamps,
            AnalysisJobRepository jobs,
            AnalysisEngine engine,
            JobConfig config,
            List<QueuedWork> queuedWork,
            ActiveAccounts accounts) {
        this.timestamps = timestamps;
        this.accounts = accounts;
        this.queuedWork = queuedWork.stream().collect(Collectors.toMap(QueuedWork::kind, Function.identity()));
        this.jobs = jobs;
        this.engine = engine;
        this.config = config;
        this.owner = hostName() + "/" + UUID.randomUUID();
        this.poller = new Poller("job-worker", config.poll(), this::claimAvailable);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "argus";
        }
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        LOG.info("job worker {} started", owner);
        poller.start();
    }

    /** A job was queued here: look now rather than at the next poll. */
    public void wake() {
        poller.wake();
    }

    /** Claims as many waiting jobs as the engine has free slots for, and starts them. */
    private void claimAvailable() {
        Instant now = timestamps.now();
        for (AnalysisJob job : jobs.findClaimable(now, BATCH)) {
            Optional<AnalysisEngine.Admission> slot = engine.tryAdmitBackground();
            if (slot.isEmpty()) {
                return;
            }
            if (jobs.claim(job.id(), owner, now.plus(config.lease()), now) != 1) {
                slot.get().close();
                continue;
            }
            if (job.attempts() > 0) {
                LOG.warn(
                        "resuming job {} ({} {}) left unfinished by an earlier run (attempt {})",
                        job.id(),
                        job.kind(),
                        job.subjectId(),
                        job.attempts() + 1);
            }
            if (job.attempts() + 1 > config.maxAttempts()) {
                try (AnalysisEngine.Admission ignored = slot.get()) {
                    abandon(job);
                }
                continue;
            }
            if (!accounts.companyActive(job.companyId())) {
                try (AnalysisEngine.Admission ignored = slot.get()) {
                    refuse(job, ErrorCode.COMPANY_INACTIVE, "the company was deactivated before the work ran");
                }
                continue;
            }
            running.incrementAndGet();
            Thread.ofVirtual().name("job-" + job.id()).start(() -> {
                try (AnalysisEngine.Admission ignored = slot.get()) {
                    RequestIds.runAs(job.requestId(), () -> run(job));
                } finally {
                    running.decrementAndGet();
                }
            });
        }
    }

    private void run(AnalysisJob job) {
        ScheduledFuture<?> renewal = leases.scheduleAtFixedRate(
                () -> jobs.renew(job.id(), owner, timestamps.now().plus(config.lease())),
                config.lease().toMillis() / 3,
                config.lease().toMillis() / 3,
                TimeUnit.MILLISECONDS);
        QueuedWork work = queuedWork.get(job.kind());
        try {
            work.run(job.subjectId());
        } catch (ArgusException refused) {
            LOG.warn("job {} ({}) refused: {}", job.id(), job.kind(), refused.getMessage());
            work.abandon(job.subjectId(), refused.code(), refused.getMessage());
        } catch (RuntimeException e) {
            LOG.error("job {} ({}) failed", job.id(), job.kind(), e);
            work.abandon(job.subjectId(), ErrorCode.INTERNAL_ERROR, "the work failed unexpectedly");
        } finally {
            renewal.cancel(false);
        }
        jobs.finish(job.id(), owner, timestamps.now());
    }

    /** A job that kept failing to finish (its instances died): its work ends with a code. */
    private void abandon(AnalysisJob job) {
        LOG.warn("giving up job {} after {} attempts", job.id(), job.attempts());
        refuse(
                job,
                ErrorCode.PROCESSING_ABANDONED,
                "the work was interrupted %d times and has been given up".formatted(job.attempts()));
    }

    /** Ends a job without running it: its work records the code and the reason as its outcome. */
    private void refuse(AnalysisJob job, ErrorCode code, String reason) {
        queuedWork.get(job.kind()).abandon(job.subjectId(), code, reason);
        jobs.finish(job.id(), owner, timestamps.now());
    }

    /** On a graceful shutdown: claim nothing more, and finish the jobs running here (within the grace period). */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        poller.stop();
        CompletableFuture<Void> idle = new CompletableFuture<>();
        Thread.ofVirtual().name("job-worker-drain").start(() -> {
            while (running.get() > 0) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    break;
                }
            }
            idle.complete(null);
        });
        return idle;
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.of(running.get());
    }

    /**
     * Hands the jobs still running here back to the queue (the grace period ran out), so that another instance takes
     * them at once rather than when their leases expire; the interrupted attempt does not count against them.
     */
    @PreDestroy
    void stop() {
        poller.stop();
        leases.shutdownNow();
        try {
            int released = jobs.release(owner, timestamps.now());
            if (released > 0) {
                LOG.info("handed {} running job(s) back to the queue", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not hand the running jobs back; other instances take them when their leases expire", e);
        }
    }
}
