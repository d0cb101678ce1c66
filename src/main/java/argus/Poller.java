package argus;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop that does a round of work at a fixed interval, or at once when woken (a local event made work
 * due). A failing round is logged and retried at the next interval.
 */
public final class Poller {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final String name;
    private final Duration interval;
    private final Runnable round;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public Poller(String name, Duration interval, Runnable round) {
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofVirtual().name(name).start(this::loop);
    }

    public void wake() {
        wakeups.release();
    }

    private void loop() {
        while (running) {
            try {
                round.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed", name, e);
            }
            try {
                wakeups.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
