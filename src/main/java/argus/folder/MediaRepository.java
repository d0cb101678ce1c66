package argus.folder;

import argus.storage.StoredObjectOwner;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface MediaRepository extends CrudRepository<Media, UUID>, StoredObjectOwner {

    List<Media> findByFolderIdOrderByTimeCreated(UUID folderId);

    /** The rows of a page of folders, in one query. */
    List<Media> findByFolderIdInOrderByTimeCreated(Collection<UUID> folderId);

    Optional<Media> findByIdAndCompanyId(UUID id, UUID companyId);

    boolean existsByStorageKeyOrThumbKey(String storageKey, String thumbKey);

    /** Media rows own their originals, previews and output images. */
    @Override
    default boolean refersTo(String key) {
        return existsByStorageKeyOrThumbKey(key, key);
    }
}
