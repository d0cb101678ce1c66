package argus.blacklist;

import argus.storage.StoredObjectOwner;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface PersonImageRepository extends CrudRepository<PersonImage, UUID>, StoredObjectOwner {

    List<PersonImage> findByPersonIdOrderByTimeCreated(UUID personId);

    List<PersonImage> findByCollectionId(UUID collectionId);

    int countByCompanyId(UUID companyId);

    @Query("SELECT * FROM person_image WHERE company_id = :companyId ORDER BY id LIMIT :limit")
    List<PersonImage> firstPage(UUID companyId, int limit);

    @Query("SELECT * FROM person_image WHERE company_id = :companyId AND id > :after ORDER BY id LIMIT :limit")
    List<PersonImage> pageAfter(UUID companyId, UUID after, int limit);

    List<PersonImage> findByIdIn(Collection<UUID> ids);

    boolean existsByStorageKey(String storageKey);

    /** Enrolled persons own their photos. */
    @Override
    default boolean refersTo(String key) {
        return existsByStorageKey(key);
    }
}
