package argus.forgery;

import argus.storage.StoredObjectOwner;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface ForgeryTaskRepository extends CrudRepository<ForgeryTask, UUID>, StoredObjectOwner {

    boolean existsByStorageKey(String storageKey);

    /** Queued checks own their videos until run. */
    @Override
    default boolean refersTo(String key) {
        return existsByStorageKey(key);
    }
}
