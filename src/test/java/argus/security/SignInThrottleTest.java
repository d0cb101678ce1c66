package argus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is slowed down per account at an address, per address and per account, with {@code Retry-After},
 * before any password is hashed; and an attacker cannot keep the owner out. The tests reach the server through a
 * trusted proxy (loopback here) whose {@code X-Forwarded-For} gives each simulated client its own address.
 */
@MicronautTest
@Property(name = "argus.api.trusted-proxies", value = "127.0.0.1,::1")
class SignInThrottleTest {
    @Inject
    @Client("/")
    HttpClient http;

    private static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    @Test
    void repeatedWrongPasswordsFromOneAddressAreRefusedWithRetryAfter() {
        OzClient victim = TestAccounts.user(
                http,
                new OzClient(http),
                TestAccounts.company(new OzClient(http), "Guessed Bank"),
                "victim@guessed.test",
                "CLIENT");
        int unauthorized = 0;
        Reply last = null;
        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            last = victim.signIn("guess-" + i, from("203.0.113.10"));
            if (last.status() == 401) {
                unauthorized++;
            }
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(5, unauthorized, "five guesses are free, then the account is blocked at that address");
        assertEquals(429, last.status());
        assertEquals("TOO_MANY_ATTEMPTS", last.errorCode());
        assertNotNull(last.response().getHeaders().get("Retry-After"));
        assertTrue(
                elapsedMs < 6 * 400 + 25 * 100,
                "refused attempts cost no password hashing: " + elapsedMs + " ms for 30");

        Reply right = victim.signIn(TestAccounts.PASSWORD, from("203.0.113.10"));
        assertEquals(429, right.status(), "even the right password waits out the block at that address");
        Reply elsewhere = victim.signIn(TestAccounts.PASSWORD, from("198.51.100.20"));
        assertEquals(200, elsewhere.status(), "the owner signs in from its own address meanwhile");
    }

    @Test
    void oneAddressTryingManyAccountsIsBlocked() {
        OzClient admin = new OzClient(http);
        String company = TestAccounts.company(admin, "Sprayed Bank");
        Reply last = null;
        int refusedBeforeBlock = 0;
        for (int i = 0; i < 40; i++) {
            OzClient account = new OzClient(http, "user" + i + "@sprayed.test", "x");
            last = account.signIn("Password1!", from("203.0.113.77"));
            if (last.status() == 401) {
                refusedBeforeBlock++;
            }
            if (last.status() == 429) {
                break;
            }
        }
        assertEquals(429, last.status(), "spraying passwords over accounts from one address is blocked");
        assertEquals(30, refusedBeforeBlock);
        OzClient real = TestAccounts.user(http, admin, company, "real@sprayed.test", "CLIENT");
        assertEquals(
                429, real.signIn(TestAccounts.PASSWORD, from("203.0.113.77")).status());
        assertEquals(
                200, real.signIn(TestAccounts.PASSWORD, from("203.0.113.78")).status());
    }

    @Test
    void aDistributedAttackSlowsTheAccountButNotItsOwnerAtAKnownAddress() {
        OzClient victim = TestAccounts.user(
                http,
                new OzClient(http),
                TestAccounts.company(new OzClient(http), "Botnet Bank"),
                "victim@botnet.test",
                "CLIENT");
        assertEquals(
                200, victim.signIn(TestAccounts.PASSWORD, from("192.0.2.200")).status(), "the owner's usual address");
        Reply last = null;
        for (int i = 0; i < 25 && (last == null || last.status() != 429); i++) {
            last = victim.signIn("guess-" + i, from("198.51.100." + (i + 1)));
        }
        assertEquals(429, last.status(), "guesses from many addresses block the account for strangers");
        assertEquals(
                429,
                victim.signIn(TestAccounts.PASSWORD, from("198.51.100.200")).status());
        assertEquals(
                200,
                victim.signIn(TestAccounts.PASSWORD, from("192.0.2.200")).status(),
                "the owner's known address is not locked out");
        int retryAfter = Integer.parseInt(last.response().getHeaders().get("Retry-After"));
        assertTrue(retryAfter <= 120, "an account-wide block is short: " + retryAfter + " s");
    }

    @Test
    void aForwardedAddressFromAnUntrustedPeerIsIgnored() {
        OzClient admin = new OzClient(http);
        OzClient victim = TestAccounts.user(
                http, admin, TestAccounts.company(admin, "Spoofed Bank"), "victim@spoofed.test", "CLIENT");
        // loopback is trusted here, so the forwarded chain is read right to left: the spoofed first hop is not believed
        // once an untrusted hop stands after it
        for (int i = 0; i < 6; i++) {
            victim.signIn("guess-" + i, from("10.9.9." + i + ", 203.0.113.99"));
        }
        assertEquals(
                429,
                victim.signIn("guess", from("10.9.9.200, 203.0.113.99")).status(),
                "rotating a forged first hop does not escape the block on the real client address");
    }
}
