package argus.folder;

import argus.Timestamps;
import argus.ErrorCode;
import argus.RequestIds;
import argus.storage.Published;

import argus.ArgusException;
import argus.Poller;
import argus.analysis.AnalysisEngine;
import argus.analysis.AnalysisOutcome;
import argus.analysis.AnalysisRequest;
import argus.analysis.OutputImage;
import argus.auth.ActiveAccounts;
import argus.storage.MediaStore;
import argus.vision.MediaData;
import argus.vision.MediaOpener;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletableFuture;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs queued analysis jobs on the same bounded engine as the single request. Jobs live in the database, so any
 * instance sharing it may run them: a job is claimed with a conditional update and a lease, the lease is renewed
 * while the job runs, and a job whose instance died is taken over when the lease runs out. A job claimed too often
 * is given up: its analyses end FAILED with {@code PROCESSING_ABANDONED}, so nothing stays PROCESSING forever.
 */
@Singleton
public class JobWorker implements ApplicationEventListener<StartupEvent>, GracefulShutdownCapable {
    private final Timestamps timestamps;
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    private static final int BATCH = 16;

    private final AnalysisJobRepository jobs;
    private final FolderRecords records;
    private final AnalysisWork work;
    private final AnalysisEngine engine;
    private final MediaIntake intake;
    private final MediaOpener opener;
    private final MediaStore store;
    private final JsonText json;
    private final JobConfig config;
    private final String owner;
    private final Poller poller;
    private final AtomicInteger running = new AtomicInteger();
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    private final Map<String, QueuedWork> queuedWork;
    private final ActiveAccounts accounts;

    public JobWorker(Timestamps timestamps, AnalysisJobRepository jobs, FolderRecords records, AnalysisWork work, AnalysisEngine engine,
                     MediaIntake intake, MediaOpener opener, MediaStore store, JsonText json, JobConfig config,
                     List<QueuedWork> queuedWork, ActiveAccounts accounts) {
        this.timestamps = timestamps;
        this.accounts = accounts;
        this.queuedWork = queuedWork.stream().collect(Collectors.toMap(QueuedWork::kind, Function.identity()));
        this.jobs = jobs;
        this.records = records;
        this.work = work;
        this.engine = engine;
        this.intake = intake;
        this.opener = opener;
        this.store = store;
        this.json = json;
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
                LOG.warn("resuming job {} ({} {}) left unfinished by an earlier run (attempt {})", job.id(), job.kind(),
                        job.folderId() != null ? job.folderId() : job.subjectId(), job.attempts() + 1);
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
                config.lease().toMillis() / 3, config.lease().toMillis() / 3, TimeUnit.MILLISECONDS);
        try {
            if (!AnalysisJob.FOLDER.equals(job.kind())) {
                runQueued(job);
                return;
            }
            List<Analysis> group = records.group(job.id());
            if (records.folderById(job.folderId()).isEmpty() || group.isEmpty()) {
                jobs.finish(job.id(), owner, timestamps.now());
                return;
            }
            complete(job, group, outcomes(job, group));
        } catch (RuntimeException e) {
            LOG.error("job {} failed", job.id(), e);
            complete(job, records.group(job.id()), failure(records.group(job.id()).size(), ErrorCode.INTERNAL_ERROR, "the analysis failed unexpectedly"));
        } finally {
            renewal.cancel(false);
        }
    }

    private void runQueued(AnalysisJob job) {
        QueuedWork work = queuedWork.get(job.kind());
        try {
            work.run(job.subjectId());
        } catch (ArgusException refused) {
            LOG.warn("job {} ({}) refused: {}", job.id(), job.kind(), refused.getMessage());
            work.abandon(job.subjectId(), refused.getMessage());
        } catch (RuntimeException e) {
            LOG.error("job {} ({}) failed", job.id(), job.kind(), e);
            work.abandon(job.subjectId(), "the work failed unexpectedly");
        }
        jobs.finish(job.id(), owner, timestamps.now());
    }

    /** Opens the source media from the store and runs the group's analyses on them. */
    private List<AnalysisOutcome> outcomes(AnalysisJob job, List<Analysis> group) {
        List<AnalysisRequest> requests = group.stream().map(a -> new AnalysisRequest(a.type(), json.object(a.params()),
                json.object(a.metaData()), json.ids(a.sourceMedia()))).toList();
        Map<UUID, Media> media = records.mediaOf(job.folderId()).stream().collect(Collectors.toMap(Media::id, Function.identity()));
        List<MediaStore.LocalFile> files = new ArrayList<>();
        List<MediaSource> sources = new ArrayList<>();
        try {
            List<AnalysisWork.Candidate> candidates = new ArrayList<>();
            for (UUID id : requests.stream().flatMap(r -> r.sourceMedia().stream()).distinct().toList()) {
                Media row = media.get(id);
                if (row == null) {
                    continue;
                }
                MediaStore.LocalFile file = store.fetch(row.storageKey());
                files.add(file);
                MediaSource source = opener.open(new MediaData.InFile(file.path()), true);
                sources.add(source);
                candidates.add(new AnalysisWork.Candidate(id, row.mediaType().kind(), json.strings(row.tags()), source));
            }
            return work.analyze(job.companyId(), candidates, requests, false).outcomes();
        } catch (MediaRejectedException e) {
            return failure(group.size(), e.code(), e.getMessage());
        } catch (IOException e) {
            LOG.error("job {}: stored media unreadable", job.id(), e);
            return failure(group.size(), ErrorCode.MEDIA_UNAVAILABLE, "a stored media of the folder cannot be read");
        } finally {
            sources.forEach(MediaSource::close);
            files.forEach(JobWorker::closeQuietly);
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
        return java.util.Collections.nCopies(count, AnalysisOutcome.unresolved(List.of(), code.name(), message));
    }

    private void complete(AnalysisJob job, List<Analysis> group, List<AnalysisOutcome> outcomes) {
        Instant time = timestamps.now();
        Published published = new Published(store);
        try {
            List<Analysis> finished = new ArrayList<>();
            List<Media> outputs = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                Analysis analysis = group.get(i);
                for (OutputImage image : outcomes.get(i).outputImages()) {
                    outputs.add(intake.outputImage(analysis.companyId(), analysis.folderId(), analysis.id(), image, time, published));
                }
                finished.add(analysis.finished(outcomes.get(i), json, time));
            }
            records.complete(job.folderId(), finished, outputs, time);
            jobs.finish(job.id(), owner, time);
        } catch (RuntimeException e) {
            published.rollback();
            throw e;
        }
    }

    /** A job that kept failing to finish (its instances died): its analyses end FAILED with a code. */
    private void abandon(AnalysisJob job) {
        LOG.warn("giving up job {} after {} attempts", job.id(), job.attempts());
        refuse(job, ErrorCode.PROCESSING_ABANDONED, "the work was interrupted %d times and has been given up".formatted(job.attempts()));
    }

    /** Ends a job without running it: its analyses FAILED with the code, or the other contract's work failed. */
    private void refuse(AnalysisJob job, ErrorCode code, String reason) {
        if (!AnalysisJob.FOLDER.equals(job.kind())) {
            queuedWork.get(job.kind()).abandon(job.subjectId(), reason);
            jobs.finish(job.id(), owner, timestamps.now());
            return;
        }
        List<Analysis> group = records.group(job.id());
        complete(job, group, failure(group.size(), code, reason));
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
