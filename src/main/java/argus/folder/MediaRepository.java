package argus.folder;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface MediaRepository extends CrudRepository<Media, UUID> {

    List<Media> findByFolderIdOrderByTimeCreated(UUID folderId);

    Optional<Media> findByIdAndCompanyId(UUID id, UUID companyId);

    boolean existsByStorageKeyOrThumbKey(String storageKey, String thumbKey);
}
