package argus.blacklist;

import argus.auth.Company;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.UUID;

/** The counter of changes to a company's enrolled faces, which tells each instance when its index is stale. */
@JdbcRepository(dialect = Dialect.H2)
public interface FacesVersionRepository extends GenericRepository<Company, UUID> {

    @Query("SELECT faces_version FROM company WHERE id = :companyId")
    long facesVersion(UUID companyId);

    @Query("UPDATE company SET faces_version = faces_version + 1 WHERE id = :companyId")
    void bump(UUID companyId);
}
