package argus.blacklist;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface CollectionRepository extends CrudRepository<FaceCollection, UUID> {

    Page<FaceCollection> findByCompanyId(UUID companyId, Pageable pageable);
}
