package argus.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface AuthSessionRepository extends CrudRepository<AuthSession, UUID> {

    Optional<AuthSession> findByAccessHash(String accessHash);

    Optional<AuthSession> findByExpireHash(String expireHash);

    @Query("UPDATE auth_session SET revoked = TRUE WHERE user_id = :userId AND revoked = FALSE")
    void revokeAllOfUser(UUID userId);

    @Query("UPDATE auth_session SET revoked = TRUE WHERE user_id = :userId AND id <> :keptId AND revoked = FALSE")
    void revokeAllOfUserBut(UUID userId, UUID keptId);

    @Query("UPDATE auth_session SET revoked = TRUE WHERE family_id = :familyId AND revoked = FALSE")
    void revokeFamily(UUID familyId);

    /** Spends the expire token of a pair; 0 when it was spent already (a reuse, or a concurrent refresh). */
    @Query("UPDATE auth_session SET expire_spent = TRUE WHERE id = :id AND expire_spent = FALSE")
    int spendExpire(UUID id);
}
