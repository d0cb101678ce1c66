package argus.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.H2)
interface ThrottleRepository extends CrudRepository<ThrottleEntry, String> {

    @Query("DELETE FROM login_throttle WHERE (last_failure IS NULL OR last_failure < :failuresBefore) "
            + "AND (last_success IS NULL OR last_success < :successesBefore)")
    int deleteStale(Instant failuresBefore, Instant successesBefore);
}
