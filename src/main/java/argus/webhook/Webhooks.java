package argus.webhook;

import argus.Timestamps;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/**
 * Queues notifications; called inside the transaction that records what they announce (a finished folder, an
 * analysis), so none is lost or sent early.
 */
@Singleton
public class Webhooks {
    private final Timestamps timestamps;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookConfig config;
    private final WebhookSender sender;

    public Webhooks(
            Timestamps timestamps, WebhookDeliveryRepository deliveries, WebhookConfig config, WebhookSender sender) {
        this.timestamps = timestamps;
        this.deliveries = deliveries;
        this.config = config;
        this.sender = sender;
    }

    /** Refuses an endpoint the service would not call (bad URL, or an internal address unless allowed). */
    public void checkEndpoint(String url) {
        Endpoints.require(url, config.allowPrivate());
    }

    public void enqueue(@Nullable UUID folderId, UUID companyId, String url, String payload) {
        Instant now = timestamps.now();
        deliveries.save(new WebhookDelivery(
                UUID.randomUUID(),
                folderId,
                companyId,
                url,
                payload,
                WebhookDelivery.DeliveryState.PENDING,
                0,
                now,
                null,
                null,
                null,
                null,
                now,
                now));
        sender.wake();
    }
}
