package argus.authenticity;

import argus.storage.StoredObjectOwner;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface AuthenticityTaskRepository extends CrudRepository<AuthenticityTask, UUID>, StoredObjectOwner {

    boolean existsByStorageKey(String storageKey);

    /** Authenticity tasks own their audio until scored. */
    @Override
    default boolean refersTo(String key) {
        return existsByStorageKey(key);
    }
}
