package argus.webhook;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface WebhookDeliveryRepository extends CrudRepository<WebhookDelivery, UUID> {

    @Query("""
            SELECT * FROM webhook_delivery
            WHERE state = 'PENDING' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)
            ORDER BY next_attempt_at LIMIT :limit""")
    List<WebhookDelivery> findDue(Instant now, int limit);

    @Query("""
            UPDATE webhook_delivery SET lease_owner = :owner, lease_until = :leaseUntil
            WHERE id = :id AND state = 'PENDING' AND (lease_until IS NULL OR lease_until < :now)""")
    int claim(UUID id, String owner, Instant leaseUntil, Instant now);

    List<WebhookDelivery> findByFolderId(UUID folderId);
}
