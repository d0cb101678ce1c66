package argus;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The one clock of the service: every time it stores or reports is read here. */
@Singleton
public class Timestamps {
    private final Clock clock;

    public Timestamps(Clock clock) {
        this.clock = clock;
    }

    /** Now, at the precision the databases keep (microseconds): a time read back equals the time written. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Now, at the millisecond precision of the vendor contracts that report times so. */
    public Instant nowInMillis() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The system's clock in UTC, replaceable by a test's. */
    @Factory
    static class SystemClock {
        @Singleton
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
