package argus.jobs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The job queue: analyses started through the multi-step flow and the queued work of the other contracts.
 *
 * @param lease       how long a claimed job is reserved to its instance without a renewal; a job whose instance
 *                    died is taken over once its lease runs out
 * @param poll        how often an idle instance looks for jobs (a local submission wakes it at once)
 * @param maxAttempts claims of one job before it is given up and its analyses FAILED
 * @param maxBacklog  waiting jobs beyond which new uploads of the queued contracts are refused with 429
 */
@ConfigurationProperties("argus.jobs")
public record JobConfig(
        @Bindable(defaultValue = "2m") Duration lease,
        @Bindable(defaultValue = "1s") Duration poll,
        @Bindable(defaultValue = "3") int maxAttempts,
        @Bindable(defaultValue = "200") int maxBacklog) {}
