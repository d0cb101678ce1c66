package argus.folder;

import argus.analysis.AnalysisState;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface AnalysisRepository extends CrudRepository<Analysis, UUID>, JpaSpecificationExecutor<Analysis> {

    List<Analysis> findByFolderIdOrderByTimeCreated(UUID folderId);

    /** The rows of a page of folders, in one query. */
    List<Analysis> findByFolderIdInOrderByTimeCreated(Collection<UUID> folderId);

    List<Analysis> findByGroupIdOrderByTimeCreated(UUID groupId);

    long countByFolderIdAndState(UUID folderId, AnalysisState state);
}
