package argus.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import argus.OzClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** An access token unused for longer than its lifetime stops working. */
@MicronautTest
@Property(name = "argus.auth.token-ttl", value = "1s")
class TokenExpiryTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void anExpiredTokenIsRefused() throws InterruptedException {
        OzClient admin = new OzClient(http);
        assertEquals(200, admin.get("/api/users/me/").status());
        Thread.sleep(1500);
        OzClient.Reply expired = admin.get("/api/users/me/");
        assertEquals(401, expired.status());
        assertEquals("TOKEN_EXPIRED", expired.errorCode());
        assertEquals(8, expired.ozCode());
    }
}
