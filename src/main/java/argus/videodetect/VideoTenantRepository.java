package argus.videodetect;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface VideoTenantRepository extends CrudRepository<VideoTenant, UUID> {

    Optional<VideoTenant> findByTenantSlug(String tenantSlug);

    /** Takes {@code cost} credits if the balance allows, in one conditional update (safe across instances). */
    @Query("UPDATE video_tenant SET credits = credits - :cost WHERE company_id = :companyId AND credits >= :cost")
    int charge(UUID companyId, long cost);

    @Query("UPDATE video_tenant SET credits = credits + :cost WHERE company_id = :companyId")
    int refund(UUID companyId, long cost);
}
