package argus.report;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.H2)
public interface ReportTemplateRepository extends CrudRepository<ReportTemplate, UUID> {

    List<ReportTemplate> findByCompanyIdOrderByTimeCreated(UUID companyId);

    List<ReportTemplate> findAllOrderByTimeCreated();
}
