package argus.analysis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The bounded analysis engine.
 *
 * @param threads           worker threads (default: the number of CPU cores)
 * @param queue             requests admitted beyond those the workers are serving; more are refused with 429
 * @param timeout           longest time one analysis (or one media's decoding) may take
 * @param retryAfter        the Retry-After advice given with a 429
 */
@ConfigurationProperties("argus.analysis")
public record AnalysisConfig(
        @Nullable Integer threads,
        @Bindable(defaultValue = "1") int queue,
        @Bindable(defaultValue = "60s") Duration timeout,
        @Bindable(defaultValue = "2s") Duration retryAfter) {

    public int workerThreads() {
        return threads == null || threads < 1 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
