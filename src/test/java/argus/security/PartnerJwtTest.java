package argus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestJwts;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Partner JWTs on {@code /api-gateway}, verified by Micronaut Security: the shared HS256 secret and the RS256 keys
 * of a partner's JWKS (served here on loopback, rotated during the test), {@code exp}, {@code nbf} and the configured
 * audience and issuer; unsigned tokens never. An authenticated request for an unknown task is 404, a refused one 401.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerJwtTest implements TestPropertyProvider {
    private static final String AUDIENCE = "argus-avf";
    private static final String ISSUER = "https://idp.partner.test/";

    private final RSAKey first = rsa("key-2026-11");
    private final RSAKey second = rsa("key-2026-12");
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
    private HttpServer jwks;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        try {
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        return Map.of(
                "argus.auth.jwt-jwks-url",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json",
                "argus.auth.jwt-jwks-cache",
                "1s",
                "argus.auth.jwt-audience",
                AUDIENCE,
                "argus.auth.jwt-issuer",
                ISSUER);
    }

    @AfterAll
    void stopJwks() {
        jwks.stop(0);
    }

    private static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .audience(AUDIENCE)
                .issuer(ISSUER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    private static String rs256(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private int status(String jwt) {
        Reply reply = new OzClient(http)
                .send(HttpRequest.GET("/api-gateway/avf/status/" + UUID.randomUUID())
                        .bearerAuth(jwt));
        return reply.status();
    }

    @Test
    void theSharedSecretAndTheClaimsAreChecked() throws Exception {
        assertEquals(
                404,
                status(TestJwts.hs256(claims(OzClient.ADMIN_EMAIL).build(), TestJwts.SECRET)),
                "a valid HS256 token is accepted");
        assertEquals(
                401,
                status(TestJwts.hs256(claims(OzClient.ADMIN_EMAIL).build(), "another-secret-of-thirty-two-bytes!")));
        assertEquals(
                401,
                status(TestJwts.hs256(
                        claims(OzClient.ADMIN_EMAIL)
                                .expirationTime(Date.from(Instant.now().minusSeconds(60)))
                                .build(),
                        TestJwts.SECRET)),
                "expired");
        assertEquals(
                401,
                status(TestJwts.hs256(
                        claims(OzClient.ADMIN_EMAIL).expirationTime(null).build(), TestJwts.SECRET)),
                "no expiry");
        assertEquals(
                401,
                status(TestJwts.hs256(
                        claims(OzClient.ADMIN_EMAIL)
                                .notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
                                .build(),
                        TestJwts.SECRET)),
                "not yet valid");
        assertEquals(
                401,
                status(TestJwts.hs256(
                        claims(OzClient.ADMIN_EMAIL).audience("someone-else").build(), TestJwts.SECRET)),
                "another audience");
        assertEquals(
                401,
                status(TestJwts.hs256(
                        claims(OzClient.ADMIN_EMAIL)
                                .issuer("https://evil.test/")
                                .build(),
                        TestJwts.SECRET)),
                "another issuer");
        assertEquals(
                401,
                status(TestJwts.hs256(claims("nobody@nowhere.test").build(), TestJwts.SECRET)),
                "an unknown subject");
        assertEquals(
                401,
                status(new PlainJWT(claims(OzClient.ADMIN_EMAIL).build()).serialize()),
                "an unsigned token (alg none)");
    }

    @Test
    void keysPublishedByThePartnerAreAcceptedAndRotate() throws Exception {
        JWTClaimsSet claims = claims(OzClient.ADMIN_EMAIL).build();
        assertEquals(404, status(rs256(claims, first)), "signed with the published key");
        assertEquals(401, status(rs256(claims, second)), "signed with a key not published yet");

        published.set(new JWKSet(second.toPublicJWK()));
        Thread.sleep(1500);
        assertEquals(404, status(rs256(claims, second)), "the rotated key is read once the cache lapses");
        assertEquals(401, status(rs256(claims, first)), "the retired key no longer verifies");
        published.set(new JWKSet(first.toPublicJWK()));
        Thread.sleep(1500);
    }
}
