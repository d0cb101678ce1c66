package argus.security;

import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestMedia;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The account findings of the attack on Argus, each replayed as the attacker did it: a CLIENT ADMIN taking over or
 * locking out staff accounts of its company, an idempotency key replaying another user's folder, refresh tokens
 * that kept minting access, a password change without the current password, duplicate JSON keys, and e-mail
 * enumeration across companies.
 */
@MicronautTest
class AccountSecurityTest {
    private static final String NEW_PASSWORD = "taken-over-pass-1";

    @Inject
    @Client("/")
    HttpClient http;

    private OzClient admin() {
        return new OzClient(http);
    }

    @Test
    void aClientAdminCannotTakeOverOrLockOutStaffAccountsOfItsCompany() {
        OzClient admin = admin();
        String company = TestAccounts.company(admin, "Takeover Bank");
        OzClient staffAdmin = TestAccounts.user(http, admin, company, "staff-admin@takeover.test", "ADMIN");
        OzClient staffOperator = TestAccounts.user(http, admin, company, "staff-operator@takeover.test", "OPERATOR");
        OzClient clientAdmin = TestAccounts.user(http, admin, company, "client-admin@takeover.test", "CLIENT ADMIN");
        OzClient client = TestAccounts.user(http, admin, company, "client@takeover.test", "CLIENT");
        String staffAdminId = staffAdmin.userId();
        String staffOperatorId = staffOperator.userId();

        Reply takeover = clientAdmin.patch(
                "/api/users/" + staffAdminId + "/", Map.of("user_type", "CLIENT", "password", NEW_PASSWORD));
        assertEquals(404, takeover.status(), takeover.body().toString());
        assertEquals(
                401,
                new OzClient(http, staffAdmin.email(), NEW_PASSWORD)
                        .signIn(NEW_PASSWORD, Map.of())
                        .status());
        assertEquals(
                404,
                clientAdmin
                        .patch("/api/users/" + staffAdminId + "/", Map.of("password", NEW_PASSWORD))
                        .status());
        assertEquals(
                404,
                clientAdmin
                        .patch("/api/users/" + staffAdminId + "/", Map.of("is_active", false))
                        .status());
        assertEquals(
                404, clientAdmin.delete("/api/users/" + staffOperatorId + "/").status());
        assertEquals(404, clientAdmin.get("/api/users/" + staffAdminId + "/").status());
        List<Object> listed = clientAdmin.get("/api/users/?limit=100").items().stream()
                .map(u -> u.get("user_id"))
                .toList();
        assertFalse(listed.contains(staffAdminId) || listed.contains(staffOperatorId), listed.toString());

        assertEquals(200, staffAdmin.get("/api/users/me/").status(), "the staff administrator still works");
        assertEquals("ADMIN", staffAdmin.get("/api/users/me/").body().get("user_type"));
        assertEquals(200, staffOperator.get("/api/users/me/").status());

        String clientId = client.userId();
        Reply promote = clientAdmin.patch("/api/users/" + clientId + "/", Map.of("user_type", "ADMIN"));
        assertEquals(403, promote.status());
        assertEquals(
                403,
                clientAdmin
                        .patch("/api/users/" + clientId + "/", Map.of("user_type", "OPERATOR"))
                        .status());
        Reply managed = clientAdmin.patch("/api/users/" + clientId + "/", Map.of("user_type", "CLIENT OPERATOR"));
        assertEquals(200, managed.status(), "a client-side user of its company is still its to manage");
        assertEquals("CLIENT OPERATOR", managed.body().get("user_type"));
    }

    @Test
    void anIdempotencyKeyReplaysOnlyTheSendersOwnFolder() {
        OzClient admin = admin();
        String company = TestAccounts.company(admin, "Replay Bank");
        OzClient clientAdmin = TestAccounts.user(http, admin, company, "admin@replay.test", "CLIENT ADMIN");
        OzClient client = TestAccounts.user(http, admin, company, "client@replay.test", "CLIENT");
        Map<String, java.nio.file.Path> photo = Map.of("photo1", TestMedia.file("liveness/real/tv-real-02.jpg"));

        Reply first = post(clientAdmin, photo, "{\"folder:meta_data\": {\"owner\": \"client admin\"}}", "shared-key-1");
        assertEquals(201, first.status(), first.body().toString());
        Reply other = post(client, photo, "{\"folder:meta_data\": {\"owner\": \"client\"}}", "shared-key-1");
        assertEquals(201, other.status(), other.body().toString());
        assertNull(other.response().getHeaders().get("Idempotent-Replayed"));
        assertNotEquals(first.body().get("folder_id"), other.body().get("folder_id"));
        assertEquals(client.userId(), other.body().get("user_id"));
        assertEquals("client", object(other.body().get("meta_data")).get("owner"));

        Reply retried =
                post(clientAdmin, photo, "{\"folder:meta_data\": {\"owner\": \"client admin\"}}", "shared-key-1");
        assertEquals("true", retried.response().getHeaders().get("Idempotent-Replayed"));
        assertEquals(first.body().get("folder_id"), retried.body().get("folder_id"));
        Reply retriedByClient = post(client, photo, "{}", "shared-key-1");
        assertEquals(other.body().get("folder_id"), retriedByClient.body().get("folder_id"));
    }

    private static Reply post(OzClient oz, Map<String, java.nio.file.Path> files, String payload, String key) {
        io.micronaut.http.client.multipart.MultipartBody.Builder body =
                io.micronaut.http.client.multipart.MultipartBody.builder();
        files.forEach((name, file) -> body.addPart(
                name, file.getFileName().toString(), MediaType.APPLICATION_OCTET_STREAM_TYPE, file.toFile()));
        body.addPart("payload", payload);
        return oz.send(HttpRequest.POST("/api/folders/", body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header(OzClient.TOKEN_HEADER, oz.token())
                .header("Idempotency-Key", key));
    }

    @Test
    void anExpireTokenRefreshesOnceAndItsReuseRevokesTheWholeSignIn() {
        OzClient admin = admin();
        String company = TestAccounts.company(admin, "Rotation Bank");
        OzClient user = TestAccounts.user(http, admin, company, "user@rotation.test", "CLIENT");
        Reply login = user.signIn(TestAccounts.PASSWORD, Map.of());
        String access = (String) login.body().get("access_token");
        String expire = (String) login.body().get("expire_token");

        Reply refreshed = refresh(access, expire);
        assertEquals(200, refreshed.status(), refreshed.body().toString());
        String newAccess = (String) refreshed.body().get("access_token");
        String newExpire = (String) refreshed.body().get("expire_token");
        assertNotEquals(expire, newExpire);
        assertEquals(200, me(access).status(), "the old access token lasts until the new pair is used");
        assertEquals(200, me(newAccess).status());
        assertEquals(401, me(access).status(), "using the new pair retired the old one");

        Reply replay = refresh(null, expire);
        assertEquals(401, replay.status());
        assertEquals("TOKEN_REUSED", replay.errorCode());
        assertEquals(401, me(newAccess).status(), "the reuse revoked every pair of that sign-in");
        assertEquals(401, refresh(newAccess, newExpire).status());

        Reply other = user.signIn(TestAccounts.PASSWORD, Map.of());
        assertEquals(200, me((String) other.body().get("access_token")).status(), "a new sign-in is a new family");
        Reply stranger = refresh((String) other.body().get("access_token"), (String)
                admin.signIn(OzClient.ADMIN_PASSWORD, Map.of()).body().get("expire_token"));
        assertEquals(403, stranger.status(), "the access token of one session cannot refresh another's");
    }

    private Reply refresh(String access, String expire) {
        var request = HttpRequest.POST("/api/authorize/refresh", Map.of("expire_token", expire));
        if (access != null) {
            request.header(OzClient.TOKEN_HEADER, access);
        }
        return admin().send(request);
    }

    private Reply me(String token) {
        return admin().send(HttpRequest.GET("/api/users/me/").header(OzClient.TOKEN_HEADER, token));
    }

    @Test
    void tokensEndWithLogoutDeactivationAndAPasswordReset() {
        OzClient admin = admin();
        String company = TestAccounts.company(admin, "Lifecycle Bank");
        OzClient user = TestAccounts.user(http, admin, company, "user@lifecycle.test", "CLIENT");
        String id = user.userId();
        String first =
                (String) user.signIn(TestAccounts.PASSWORD, Map.of()).body().get("access_token");
        assertEquals(
                204,
                admin().send(HttpRequest.POST("/api/authorize/logout", "").header(OzClient.TOKEN_HEADER, first))
                        .status());
        assertEquals(401, me(first).status(), "logged out");

        String second =
                (String) user.signIn(TestAccounts.PASSWORD, Map.of()).body().get("access_token");
        assertEquals(204, admin.delete("/api/users/" + id + "/").status());
        assertEquals(401, me(second).status(), "deactivated");
        assertEquals(401, user.signIn(TestAccounts.PASSWORD, Map.of()).status());
        assertEquals(
                200,
                admin.patch("/api/users/" + id + "/", Map.of("is_active", true)).status());
        assertEquals(401, me(second).status(), "reactivation does not revive old tokens");

        String third =
                (String) user.signIn(TestAccounts.PASSWORD, Map.of()).body().get("access_token");
        assertEquals(
                200,
                admin.patch("/api/users/" + id + "/", Map.of("password", NEW_PASSWORD))
                        .status(),
                "an administrator resets it");
        assertEquals(401, me(third).status(), "a reset ends every session");
        assertEquals(401, me("x".repeat(300)).status());
        assertEquals(401, me("").status());
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        OzClient admin = admin();
        String company = TestAccounts.company(admin, "Password Bank");
        OzClient user = TestAccounts.user(http, admin, company, "user@password.test", "CLIENT ADMIN");
        String id = user.userId();
        String otherSession =
                (String) user.signIn(TestAccounts.PASSWORD, Map.of()).body().get("access_token");

        Reply without = user.patch("/api/users/" + id + "/", Map.of("password", NEW_PASSWORD));
        assertEquals(400, without.status());
        Reply wrong = user.patch(
                "/api/users/" + id + "/", Map.of("password", NEW_PASSWORD, "current_password", "not-the-password"));
        assertEquals(403, wrong.status());
        assertEquals("WRONG_PASSWORD", wrong.errorCode());
        assertEquals(
                401,
                new OzClient(http, user.email(), NEW_PASSWORD)
                        .signIn(NEW_PASSWORD, Map.of())
                        .status());

        Reply changed = user.patch(
                "/api/users/" + id + "/", Map.of("password", NEW_PASSWORD, "current_password", TestAccounts.PASSWORD));
        assertEquals(200, changed.status(), changed.body().toString());
        assertEquals(200, user.get("/api/users/me/").status(), "the session that changed it goes on");
        assertEquals(401, me(otherSession).status(), "every other session ends");
        assertEquals(
                200,
                new OzClient(http, user.email(), NEW_PASSWORD)
                        .signIn(NEW_PASSWORD, Map.of())
                        .status());
        assertEquals(
                403,
                user.patch("/api/users/" + id + "/", Map.of("is_active", false)).status(),
                "no one deactivates itself");
    }

    @Test
    void accountBodiesWithADuplicateKeyAreRefused() {
        Reply login = admin().send(HttpRequest.POST(
                        "/api/authorize/auth",
                        "{\"credentials\": {\"email\": \"" + OzClient.ADMIN_EMAIL + "\", \"password\": \""
                                + OzClient.ADMIN_PASSWORD + "\", \"password\": \"wrong\"}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        assertEquals(400, login.status(), login.body().toString());
        assertNull(login.body().get("access_token"));
        OzClient admin = admin();
        Reply company = admin.send(HttpRequest.POST("/api/companies/", "{\"name\": \"A\", \"name\": \"B\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(OzClient.TOKEN_HEADER, admin.token()));
        assertEquals(400, company.status());
    }

    @Test
    void aTakenEmailIsRefusedWithoutSayingWhereAndProbingIsSlowedDown() {
        OzClient admin = admin();
        String mine = TestAccounts.company(admin, "Probe Bank");
        String theirs = TestAccounts.company(admin, "Probed Bank");
        TestAccounts.user(http, admin, theirs, "ceo@probed.test", "CLIENT");
        TestAccounts.user(http, admin, mine, "teller@probe.test", "CLIENT");
        OzClient prober = TestAccounts.user(http, admin, mine, "admin@probe.test", "CLIENT ADMIN");

        Reply foreign = prober.post(
                "/api/users/",
                Map.of("email", "ceo@probed.test", "password", TestAccounts.PASSWORD, "user_type", "CLIENT"));
        Reply own = prober.post(
                "/api/users/",
                Map.of("email", "teller@probe.test", "password", TestAccounts.PASSWORD, "user_type", "CLIENT"));
        assertEquals(409, foreign.status());
        assertEquals(foreign.body(), own.body(), "a taken address answers the same wherever it is taken");
        assertFalse(foreign.body().toString().contains("Probed"), foreign.body().toString());

        Reply throttled = foreign;
        for (int i = 0; i < 12 && throttled.status() != 429; i++) {
            throttled = prober.post(
                    "/api/users/",
                    Map.of("email", "ceo@probed.test", "password", TestAccounts.PASSWORD, "user_type", "CLIENT"));
        }
        assertEquals(429, throttled.status(), "probing many taken addresses is slowed down");
        assertNotNull(throttled.response().getHeaders().get("Retry-After"));
        Reply staff = admin.post(
                "/api/users/",
                Map.of(
                        "email",
                        "ceo@probed.test",
                        "password",
                        TestAccounts.PASSWORD,
                        "user_type",
                        "CLIENT",
                        "company_id",
                        mine));
        assertEquals(409, staff.status(), "staff are not throttled by a client's probing");
        assertTrue(
                prober.post(
                                        "/api/users/",
                                        Map.of(
                                                "email",
                                                "new-teller@probe.test",
                                                "password",
                                                TestAccounts.PASSWORD,
                                                "user_type",
                                                "CLIENT"))
                                .status()
                        == 429,
                "while slowed down, the prober waits");
    }
}
