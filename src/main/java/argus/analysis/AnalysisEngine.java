package argus.analysis;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    public AnalysisEngine(AnalysisConfig config) {
        this.config = config;
        int threads = config.workerThreads();
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "analysis-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.slots = new Semaphore(threads + config.queue(), true);
    }

    /** A slot for one request; close it when the request's work is done. */
    public Admission admit() {
        if (!slots.tryAcquire()) {
            throw new OverloadedException(Math.max(1, config.retryAfter().toSeconds()));
        }
        return new Admission();
    }

    public <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
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

    public final class Admission implements AutoCloseable {
        private boolean released;

        private Admission() {
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                slots.release();
            }
        }
    }
}
