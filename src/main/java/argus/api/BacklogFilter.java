package argus.api;

import argus.jobs.JobQueue;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The queued contracts' uploads are refused before their body is read while the job queue is backed up (429 with
 * Retry-After and the rate-limit headers); otherwise they are queued whatever the engine is doing right now.
 */
@ServerFilter(
        value = {
            "/api/technology/experimental/authenticity-verification",
            "/api-gateway/avf/infer",
            "/v1/deepfake-detection/analyze",
            "/api/v1/*/video/detect"
        },
        methods = HttpMethod.POST)
@Order(10)
public class BacklogFilter {
    private final JobQueue queue;

    public BacklogFilter(JobQueue queue) {
        this.queue = queue;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void refuseWhenBacklogged(HttpRequest<?> request) {
        queue.refuseWhenBacklogged();
    }
}
