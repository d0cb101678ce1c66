package argus.health;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The database answers within two seconds. Replaces the framework's JDBC check, which shows the connection URL (a
 * URL may carry credentials); this one shows only the product.
 */
@Singleton
@Readiness
public class DatabaseHealth extends AbstractHealthIndicator<Map<String, Object>> {
    private final ConnectionOperations<Connection> connections;

    public DatabaseHealth(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try {
            String product = connections.executeRead(status -> {
                Connection connection = status.getConnection();
                try {
                    return connection.isValid(2) ? connection.getMetaData().getDatabaseProductName() : null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            healthStatus = product != null ? HealthStatus.UP : HealthStatus.DOWN;
            return product != null ? Map.of("database", product) : Map.of();
        } catch (RuntimeException e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("error", e.getClass().getSimpleName());
        }
    }

    @Override
    public String getName() {
        return "database";
    }
}
