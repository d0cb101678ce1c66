package argus.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import argus.OzClient;
import argus.OzClient.Reply;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * While the database cannot be reached (here: every connection of the pool is held by the test, so a request for one
 * times out as it does when the database is down), callers get a retryable 503 in their contract's error shape, not a
 * 500, and health and readiness say DOWN (liveness stays UP); the service answers normally as soon as the database is
 * back.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.maximum-pool-size", value = "3")
@Property(name = "datasources.default.connection-timeout", value = "250")
class DatabaseOutageTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Test
    void anUnreachableDatabaseIsARetryable503() throws SQLException {
        OzClient oz = new OzClient(http);
        String token = oz.token();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        Reply folders;
        Reply videoDetect;
        Reply health;
        Reply readiness;
        Reply liveness;
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            folders = oz.send(HttpRequest.GET("/api/folders/").header(OzClient.TOKEN_HEADER, token));
            videoDetect =
                    oz.send(HttpRequest.GET("/api/v1/acme/video/detect/sub-1").header("X-API-Key", "some-key"));
            health = oz.send(HttpRequest.GET("/health"));
            readiness = oz.send(HttpRequest.GET("/health/readiness"));
            liveness = oz.send(HttpRequest.GET("/health/liveness"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertEquals(503, folders.status(), folders.body().toString());
        assertEquals("SERVICE_UNAVAILABLE", folders.errorCode());
        assertEquals("5", folders.response().getHeaders().get("Retry-After"));
        assertEquals(503, videoDetect.status(), videoDetect.body().toString());
        assertEquals(false, videoDetect.body().get("success"));
        assertEquals("service_unavailable", videoDetect.body().get("error"));

        assertEquals(503, health.status(), health.body().toString());
        assertEquals("DOWN", health.body().get("status"));
        assertEquals(
                "DOWN",
                OzClient.object(OzClient.object(health.body().get("details")).get("database"))
                        .get("status"));
        assertEquals(503, readiness.status(), "a balancer stops sending requests here");
        assertEquals(200, liveness.status(), "the process itself is alive: no restart is needed");

        assertEquals(
                200,
                oz.send(HttpRequest.GET("/api/folders/").header(OzClient.TOKEN_HEADER, token))
                        .status());
        assertEquals("UP", oz.send(HttpRequest.GET("/health")).body().get("status"));
    }
}
