package argus.blacklist;

import argus.storage.StoredObjectOwner;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface PersonImageRepository extends CrudRepository<PersonImage, UUID>, StoredObjectOwner {

    List<PersonImage> findByPersonIdOrderByTimeCreated(UUID personId);

    List<PersonImage> findByCollectionId(UUID collectionId);

    List<PersonImage> findByCompanyId(UUID companyId);

    boolean existsByStorageKey(String storageKey);

    /** Enrolled persons own their photos. */
    @Override
    default boolean refersTo(String key) {
        return existsByStorageKey(key);
    }
}
