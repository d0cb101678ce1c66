package argus.folder;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface OperatorDecisionRepository extends CrudRepository<OperatorDecision, UUID> {

    List<OperatorDecision> findByFolderIdOrderByTimeCreated(UUID folderId);

    /** The rows of a page of folders, in one query. */
    List<OperatorDecision> findByFolderIdInOrderByTimeCreated(Collection<UUID> folderId);
}
