package argus.folder;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface FolderRepository extends CrudRepository<Folder, UUID>, JpaSpecificationExecutor<Folder> {

    Optional<Folder> findByUserIdAndIdempotencyKey(UUID userId, String idempotencyKey);
}
