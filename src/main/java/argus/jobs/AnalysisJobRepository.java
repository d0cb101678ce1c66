package argus.jobs;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Claims are conditional updates, so that several instances sharing one database never run the same job at once.
 */
@JdbcRepository(dialect = Dialect.H2)
public interface AnalysisJobRepository extends CrudRepository<AnalysisJob, UUID> {

    @Query("""
            SELECT * FROM analysis_job
            WHERE state = 'QUEUED' OR (state = 'RUNNING' AND lease_until < :now)
            ORDER BY time_created LIMIT :limit""")
    List<AnalysisJob> findClaimable(Instant now, int limit);

    @Query("""
            UPDATE analysis_job SET state = 'RUNNING', lease_owner = :owner, lease_until = :leaseUntil,
                attempts = attempts + 1, time_updated = :now
            WHERE id = :id AND (state = 'QUEUED' OR (state = 'RUNNING' AND lease_until < :now))""")
    int claim(UUID id, String owner, Instant leaseUntil, Instant now);

    long countByState(AnalysisJob.JobState state);

    long countByKindAndState(String kind, AnalysisJob.JobState state);

    @Query(
            "UPDATE analysis_job SET lease_until = :leaseUntil WHERE id = :id AND lease_owner = :owner AND state = 'RUNNING'")
    int renew(UUID id, String owner, Instant leaseUntil);

    @Query("""
            UPDATE analysis_job SET state = 'QUEUED', lease_owner = NULL, lease_until = NULL, attempts = attempts - 1, time_updated = :now
            WHERE lease_owner = :owner AND state = 'RUNNING'""")
    int release(String owner, Instant now);

    @Query(
            "UPDATE analysis_job SET state = 'DONE', lease_owner = NULL, lease_until = NULL, time_updated = :now WHERE id = :id AND lease_owner = :owner")
    int finish(UUID id, String owner, Instant now);
}
