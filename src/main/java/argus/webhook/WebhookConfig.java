package argus.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Delivery of folder results to {@code resolution_endpoint}.
 *
 * @param allowPrivate  deliver to loopback, private and link-local addresses (off: such endpoints are refused)
 * @param timeout       connect and response time-out of one attempt
 * @param maxAttempts   attempts before a delivery is recorded as failed
 * @param firstRetry    delay before the second attempt; each further one doubles it
 * @param maxRetryDelay longest delay between attempts
 * @param poll          how often an idle instance looks for due deliveries
 */
@ConfigurationProperties("argus.webhooks")
public record WebhookConfig(
        @Bindable(defaultValue = "false") boolean allowPrivate,
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "5s") Duration firstRetry,
        @Bindable(defaultValue = "30m") Duration maxRetryDelay,
        @Bindable(defaultValue = "1s") Duration poll) {}
