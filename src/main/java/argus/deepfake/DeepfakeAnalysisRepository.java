package argus.deepfake;

import argus.storage.StoredObjectOwner;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface DeepfakeAnalysisRepository extends CrudRepository<DeepfakeAnalysis, UUID>, StoredObjectOwner {

    boolean existsByStorageKey(String storageKey);

    /** Queued analyses own their files until analysed. */
    @Override
    default boolean refersTo(String key) {
        return existsByStorageKey(key);
    }
}
