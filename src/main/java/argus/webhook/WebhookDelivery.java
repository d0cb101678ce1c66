package argus.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One notification to send: its payload, and the outcome of its attempts so far; {@code folderId} when about a folder. */
@MappedEntity(value = "webhook_delivery", escape = false)
public record WebhookDelivery(
        @Id UUID id,
        @Nullable UUID folderId,
        UUID companyId,
        String url,
        String payload,
        DeliveryState state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        @Nullable String leaseOwner,
        @Nullable Instant leaseUntil,
        Instant timeCreated,
        Instant timeUpdated) {

    public enum DeliveryState {
        PENDING,
        DELIVERED,
        FAILED
    }

    WebhookDelivery attempted(
            DeliveryState next, @Nullable Integer status, @Nullable String error, Instant nextAttempt, Instant now) {
        return new WebhookDelivery(
                id,
                folderId,
                companyId,
                url,
                payload,
                next,
                attempts + 1,
                nextAttempt,
                status,
                error,
                null,
                null,
                timeCreated,
                now);
    }
}
