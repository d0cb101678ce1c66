package argus.videodetect;

import argus.storage.StoredObjectOwner;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface VideoSubmissionRepository extends CrudRepository<VideoSubmission, UUID>, StoredObjectOwner {

    Optional<VideoSubmission> findByApiKeyIdAndIdempotencyKey(UUID apiKeyId, String idempotencyKey);

    Optional<VideoSubmission> findByIdAndCompanyId(UUID id, UUID companyId);

    boolean existsByStorageKey(String storageKey);

    /** Queued submissions own their videos until judged. */
    @Override
    default boolean refersTo(String key) {
        return existsByStorageKey(key);
    }
}
