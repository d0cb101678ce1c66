package argus.auth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface UserRepository extends CrudRepository<User, UUID> {

    Optional<User> findByEmail(String email);

    Page<User> findByEmailIlike(String pattern, Pageable pageable);

    Page<User> findByCompanyIdAndRoleInAndEmailIlike(
            UUID companyId, Collection<Role> roles, String pattern, Pageable pageable);
}
