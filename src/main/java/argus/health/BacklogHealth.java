package argus.health;

import argus.jobs.JobQueue;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Not ready while more jobs wait than the backlog allows (new queued work is refused with 429 then): a balancer
 * sends new clients elsewhere until the instances catch up. The queue is shared, so every instance says the same.
 */
@Singleton
@Readiness
public class BacklogHealth extends AbstractHealthIndicator<Map<String, Object>> {
    private final JobQueue queue;

    public BacklogHealth(JobQueue queue) {
        this.queue = queue;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        long waiting = queue.waiting();
        healthStatus = waiting < queue.maxBacklog() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("waitingJobs", waiting, "maxBacklog", queue.maxBacklog());
    }

    @Override
    public String getName() {
        return "jobBacklog";
    }
}
