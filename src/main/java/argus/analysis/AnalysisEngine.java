package argus.analysis;

import argus.ArgusException;
import argus.ErrorCode;
import argus.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool every decode and analysis runs on. A request must first be admitted: at most
 * {@code threads + queue} requests hold a slot at once, and the rest are refused at once with 429 rather than piling
 * up, so latency stays bounded under overload. Work inside an admitted request is submitted in FIFO order and never
 * waits on work queued behind it, so the pool cannot deadlock.
 */
@Singleton
public class AnalysisEngine {
    private final AnalysisConfig config;
    private final ThreadPoolExecutor pool;
    private final Semaphore slots;
    private final Counter refused;

    public AnalysisEngine(AnalysisConfig config, MeterRegistry metrics) {
        this.config = config;
        int threads = config.workerThreads();
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "analysis-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.slots = new Semaphore(threads + config.queue(), true);
        Gauge.builder("argus.admission.slots.in.use", this, AnalysisEngine::busySlots)
                .description("requests and queued jobs holding an analysis slot on this instance")
                .register(metrics);
        Gauge.builder("argus.admission.slots", () -> threads + config.queue())
                .description("analysis slots of this instance (worker threads plus admission queue)")
                .register(metrics);
        this.refused = Counter.builder("argus.overload.refusals")
                .tag("reason", "slots")
                .description("requests refused with 429")
                .register(metrics);
    }

    /** A slot for one request; close it when the request's work is done. */
    public Admission admit() {
        if (!slots.tryAcquire()) {
            throw overloaded();
        }
        return new Admission();
    }

    /** Refuses at once, as {@link #admit} would, while no slot is free. */
    public void refuseWhenFull() {
        if (slots.availablePermits() == 0) {
            throw overloaded();
        }
    }

    /** A slot if one is free. */
    public Optional<Admission> tryAdmit() {
        return slots.tryAcquire() ? Optional.of(new Admission()) : Optional.empty();
    }

    /**
     * A slot for queued background work, which never takes the last free one when there are several: a partner's
     * blocking request always finds a slot that queued jobs cannot fill.
     */
    public synchronized Optional<Admission> tryAdmitBackground() {
        int total = config.workerThreads() + config.queue();
        return total > 1 && slots.availablePermits() <= 1 ? Optional.empty() : tryAdmit();
    }

    private OverloadedException overloaded() {
        refused.increment();
        return new OverloadedException(
                Math.max(1, config.retryAfter().toSeconds()), config.workerThreads() + config.queue());
    }

    /**
     * Runs {@code work} on the pool and waits for it within the time limit, stopping it when the limit passes; a
     * refusal the work raises ({@link ArgusException}) reaches the caller as it is.
     */
    public <T> T call(Callable<T> work, String what) {
        Task<T> task = submit(work);
        try {
            return task.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.stop();
            throw new ArgusException(
                    ErrorCode.ANALYSIS_TIMEOUT,
                    "%s did not finish within %d s"
                            .formatted(what, config.timeout().toSeconds()));
        } catch (InterruptedException e) {
            task.stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ArgusException refusal) {
                throw refusal;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    public <T> Task<T> submit(Callable<T> work) {
        Task<T> task = new Task<>(work);
        task.future = pool.submit(RequestIds.carried(task::run));
        return task;
    }

    public AnalysisConfig config() {
        return config;
    }

    /** Requests currently holding a slot. */
    public int busySlots() {
        return config.workerThreads() + config.queue() - slots.availablePermits();
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }

    /**
     * Work on the pool that can be stopped safely: {@link #stop} returns only once the work has left its body, so the
     * native memory it reads (frames, decoder state) can be freed right after, even when it was cancelled mid-way.
     */
    public static final class Task<T> {
        private final Callable<T> work;
        private final CountDownLatch exited = new CountDownLatch(1);
        private Future<T> future;
        private boolean started;
        private boolean stopped;

        private Task(Callable<T> work) {
            this.work = work;
        }

        private T run() throws Exception {
            synchronized (this) {
                if (stopped) {
                    exited.countDown();
                    return null;
                }
                started = true;
            }
            try {
                return work.call();
            } finally {
                exited.countDown();
            }
        }

        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            return future.get(timeout, unit);
        }

        /** Interrupts the work if it runs, keeps it from starting otherwise, and waits for it to leave. */
        public void stop() {
            boolean running;
            synchronized (this) {
                stopped = true;
                running = started;
            }
            future.cancel(true);
            if (running) {
                boolean interrupted = false;
                while (true) {
                    try {
                        exited.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    public final class Admission implements AutoCloseable {
        private boolean released;

        private Admission() {}

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                slots.release();
            }
        }
    }
}
