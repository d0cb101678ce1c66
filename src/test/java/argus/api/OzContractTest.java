package argus.api;

import static argus.OzClient.firstAnalysis;
import static argus.OzClient.list;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestMedia;
import argus.WebhookReceiver;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parts of the Oz contract ({@code oz-api-contract.md}) that the client replays do not reach: the bytes of the
 * answers, both header and role spellings, permission flags, the metadata family on every owner, media and analyses
 * by id and in lists, company deactivation, a webhook given with the analyses, and the per-folder media limit.
 */
@MicronautTest
@Property(name = "argus.folders.max-media", value = "3")
@Property(name = "argus.webhooks.allow-private", value = "true")
class OzContractTest {
    private static final String PHOTO = "liveness/real/tv-real-02.jpg";

    @Inject
    @Client("/")
    HttpClient http;

    OzClient admin;
    String company;
    OzClient clientAdmin;

    @BeforeEach
    void tenant() {
        admin = new OzClient(http);
        company = TestAccounts.company(admin, "Contract " + System.nanoTime());
        clientAdmin =
                TestAccounts.user(http, admin, company, "ca-" + System.nanoTime() + "@contract.test", "CLIENT ADMIN");
    }

    private String raw(HttpRequest<?> request) {
        try {
            return http.toBlocking().retrieve(request);
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getResponse().getBody(String.class).orElse("");
        }
    }

    @Test
    void answersAreWrittenAsOzWritesThem() {
        String me = raw(HttpRequest.GET("/api/users/me/").header(OzClient.TOKEN_HEADER, clientAdmin.token()));
        assertTrue(me.startsWith("{\"user_id\": \""), me);
        assertTrue(me.contains("\", \"company_id\": \""), me);
        String text = "{\"folder:meta_data\": {\"note\": \"a: b, c\"}}";
        String folder = raw(HttpRequest.POST("/api/folders/", text).header(OzClient.TOKEN_HEADER, clientAdmin.token()));
        assertTrue(folder.contains("\"note\": \"a: b, c\""), "spacing never changes text inside strings: " + folder);
        String refused = raw(HttpRequest.GET("/api/folders/").header(OzClient.TOKEN_HEADER, "nope"));
        assertTrue(refused.startsWith("{\"error_code\": 7, \"error_message\": \""), refused);
        String vendor = raw(HttpRequest.GET("/v1/deepfake-detection/analyses/x"));
        assertFalse(vendor.contains("\": "), "other contracts stay compact: " + vendor);
    }

    @Test
    void everyRefusalCarriesANumericOzCode() {
        assertEquals(
                1,
                clientAdmin
                        .send(HttpRequest.PUT("/api/folders/", "{}").header(OzClient.TOKEN_HEADER, clientAdmin.token()))
                        .ozCode());
        assertEquals(
                10,
                clientAdmin
                        .get("/api/folders/00000000-0000-0000-0000-000000000000/")
                        .ozCode());
        assertEquals(10, clientAdmin.get("/api/no-such-thing/").ozCode());
        assertEquals(4, clientAdmin.get("/api/folders/not-a-uuid/").ozCode());
        assertEquals(
                3,
                clientAdmin
                        .send(HttpRequest.POST("/api/folders/", "{not json")
                                .header(OzClient.TOKEN_HEADER, clientAdmin.token()))
                        .ozCode());
        assertEquals(
                5,
                clientAdmin
                        .post("/api/folders/", "{\"folder:meta_data\": [1, 2]}")
                        .ozCode());
        assertEquals(
                9,
                clientAdmin.post("/api/companies/", Map.of("name", "not mine")).ozCode());
    }

    @Test
    void bothSpellingsOfTheTokenHeaderWork() {
        Reply me = clientAdmin.send(
                HttpRequest.GET("/api/users/me/").header("X-Forensics-Access-Token", clientAdmin.token()));
        assertEquals(200, me.status());
        assertEquals(clientAdmin.email(), me.body().get("email"));
    }

    @Test
    void rolesAreTakenAndShownInTheSpellingsOfBothApiGenerations() {
        Reply legacyAdmin = clientAdmin.post(
                "/api/users/",
                Map.of(
                        "email",
                        "legacy-admin-" + System.nanoTime() + "@contract.test",
                        "password",
                        TestAccounts.PASSWORD,
                        "user_type",
                        "CLIENT",
                        "is_admin",
                        true));
        assertEquals(201, legacyAdmin.status(), legacyAdmin.body().toString());
        assertEquals("CLIENT ADMIN", legacyAdmin.body().get("user_type"));
        assertEquals(true, legacyAdmin.body().get("is_admin"));
        assertEquals(false, legacyAdmin.body().get("is_service"));

        String serviceEmail = "legacy-service-" + System.nanoTime() + "@contract.test";
        Reply service = clientAdmin.post(
                "/api/users/",
                Map.of(
                        "email",
                        serviceEmail,
                        "password",
                        TestAccounts.PASSWORD,
                        "user_type",
                        "CLIENT",
                        "is_service",
                        true,
                        "first_name",
                        "Batch",
                        "middle_name",
                        "M",
                        "last_name",
                        "Job"));
        assertEquals("CLIENT SERVICE", service.body().get("user_type"));
        assertEquals(true, service.body().get("is_service"));
        assertEquals("M", service.body().get("middle_name"));
        Reply signedIn =
                new OzClient(http, serviceEmail, TestAccounts.PASSWORD).signIn(TestAccounts.PASSWORD, Map.of());
        Instant expires = Instant.ofEpochSecond(
                new BigDecimal(signedIn.body().get("expire_date").toString()).longValue());
        assertTrue(
                expires.isAfter(Instant.now().plus(Duration.ofDays(4 * 365))),
                "a service login is long-lived: " + expires);

        String userId = (String) legacyAdmin.body().get("user_id");
        Reply demoted = clientAdmin.patch("/api/users/" + userId + "/", Map.of("is_admin", false));
        assertEquals("CLIENT", demoted.body().get("user_type"), demoted.body().toString());
        Reply sixSpelling = clientAdmin.patch("/api/users/" + userId + "/", Map.of("user_type", "CLIENT_OPERATOR"));
        assertEquals("CLIENT OPERATOR", sixSpelling.body().get("user_type"));
    }

    @Test
    void permissionFlagsDecideWhichAnalysesAUserMayStart() {
        String email = "no-liveness-" + System.nanoTime() + "@contract.test";
        Reply created = clientAdmin.post(
                "/api/users/",
                Map.of(
                        "email",
                        email,
                        "password",
                        TestAccounts.PASSWORD,
                        "user_type",
                        "CLIENT",
                        "can_start_analyse_quality",
                        false));
        assertEquals(false, created.body().get("can_start_analysis_quality"));
        assertEquals(false, created.body().get("can_start_analyse_quality"));
        assertEquals(true, created.body().get("can_start_analysis_biometry"));
        assertEquals(true, created.body().get("can_start_analysis_collection"));
        OzClient user = new OzClient(http, email, TestAccounts.PASSWORD);
        Reply refused =
                user.postFolder(Map.of("photo", TestMedia.file(PHOTO)), "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(403, refused.status());
        assertEquals(9, refused.ozCode());
        Reply refusedSelf = user.patch(
                "/api/users/" + created.body().get("user_id") + "/", Map.of("can_start_analysis_quality", true));
        assertEquals(403, refusedSelf.status(), "a user cannot grant itself a permission");

        assertEquals(
                true,
                clientAdmin
                        .patch(
                                "/api/users/" + created.body().get("user_id") + "/",
                                Map.of("can_start_analysis_quality", true))
                        .body()
                        .get("can_start_analysis_quality"));
        Reply allowed = new OzClient(http, email, TestAccounts.PASSWORD)
                .postFolder(Map.of("photo", TestMedia.file(PHOTO)), "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, allowed.status(), allowed.body().toString());
    }

    @Test
    void everyOwnerHasTheMetadataFamily() {
        Reply folder = clientAdmin.postFolder(
                Map.of("photo", TestMedia.file(PHOTO)), "{\"analyses\": [{\"type\": \"quality\"}]}");
        String collection = (String) clientAdmin
                .post("/api/collections/", Map.of("alias", "watch"))
                .body()
                .get("collection_id");
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put("folders", (String) folder.body().get("folder_id"));
        owners.put("media", (String) list(folder.body().get("media")).getFirst().get("media_id"));
        owners.put("analyses", (String) firstAnalysis(folder).get("analysis_id"));
        owners.put("users", clientAdmin.userId());
        owners.put("collections", collection);
        owners.put("companies", company);
        for (Map.Entry<String, String> owner : owners.entrySet()) {
            String path = "/api/" + owner.getKey() + "/" + owner.getValue() + "/meta_data/";
            assertEquals(Map.of(), clientAdmin.get(path).body(), path);
            assertEquals(
                    Map.of("a", 1, "b", "x"),
                    clientAdmin.post(path, Map.of("a", 1, "b", "x")).body(),
                    path);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("a", null);
            change.put("c", List.of(1, 2));
            assertEquals(
                    Map.of("b", "x", "c", List.of(1, 2)),
                    clientAdmin.patch(path, change).body(),
                    path);
            assertEquals(
                    Map.of("b", "x", "c", List.of(1, 2)), clientAdmin.get(path).body(), path);
            assertEquals(204, clientAdmin.delete(path).status(), path);
            assertEquals(Map.of(), clientAdmin.get(path).body(), path);
        }
        assertEquals(
                Map.of(),
                object(clientAdmin
                        .get("/api/collections/" + collection + "/")
                        .body()
                        .get("meta_data")));
        assertEquals(
                404, clientAdmin.get("/api/widgets/" + company + "/meta_data/").status());
    }

    @Test
    void mediaAndAnalysesAreReachedByIdAndListed() {
        Reply folder = clientAdmin.postFolder(
                Map.of("photo", TestMedia.file(PHOTO), "video", TestMedia.file("video/selfie-real-3s.mp4")),
                "{\"analyses\": [{\"type\": \"quality\"}, {\"type\": \"biometry\"}]}");
        String folderId = (String) folder.body().get("folder_id");
        String mediaId = (String) list(folder.body().get("media")).getFirst().get("media_id");
        assertEquals(
                mediaId, clientAdmin.get("/api/media/" + mediaId + "/").body().get("media_id"));
        assertEquals(
                2,
                clientAdmin.get("/api/folders/" + folderId + "/media").items().size());

        Reply qualities = clientAdmin.get("/api/analyses/?folder_id=" + folderId + "&type=quality");
        assertEquals(1, qualities.total());
        assertEquals("QUALITY", qualities.items().getFirst().get("type"));
        assertEquals(
                2,
                clientAdmin.get("/api/analyses?folder_id=" + folderId).items().size());
        OzClient stranger = TestAccounts.user(
                http,
                admin,
                TestAccounts.company(admin, "Other " + System.nanoTime()),
                "stranger-" + System.nanoTime() + "@contract.test",
                "CLIENT ADMIN");
        assertEquals(0, stranger.get("/api/analyses/?folder_id=" + folderId).total());
        assertEquals(404, stranger.get("/api/media/" + mediaId + "/").status());

        assertEquals(204, clientAdmin.delete("/api/media/" + mediaId + "/").status());
        assertEquals(10, clientAdmin.get("/api/media/" + mediaId + "/").ozCode());
        assertEquals(
                1,
                clientAdmin.get("/api/folders/" + folderId + "/media/").items().size());
    }

    @Test
    void aWebhookCanBeGivenWithTheAnalyses() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            String folderId =
                    (String) clientAdmin.post("/api/folders/", "{}").body().get("folder_id");
            assertEquals(
                    201,
                    clientAdmin
                            .postFiles(
                                    "/api/folders/" + folderId + "/media/",
                                    Map.of("photo", TestMedia.file(PHOTO)),
                                    null)
                            .status());
            Reply started = clientAdmin.post(
                    "/api/folders/" + folderId + "/analyses/",
                    Map.of("analyses", List.of(Map.of("type", "quality")), "resolution_endpoint", receiver.url()));
            assertEquals(201, started.status(), started.body().toString());
            assertEquals(receiver.url(), clientAdmin.getFolder(folderId).body().get("resolution_endpoint"));
            for (long deadline = System.currentTimeMillis() + 120_000;
                    receiver.calls().isEmpty() && System.currentTimeMillis() < deadline; ) {
                Thread.sleep(100);
            }
            assertTrue(receiver.calls().getFirst().body().contains(folderId));
        }
    }

    @Test
    void aDeletedCompanyIsDeactivated() {
        String doomed = TestAccounts.company(admin, "Doomed " + System.nanoTime());
        OzClient user =
                TestAccounts.user(http, admin, doomed, "doomed-" + System.nanoTime() + "@contract.test", "CLIENT");
        user.token();
        assertEquals(403, clientAdmin.delete("/api/companies/" + company + "/").status());
        assertEquals(204, admin.delete("/api/companies/" + doomed + "/").status());
        assertEquals(false, admin.get("/api/companies/" + doomed + "/").body().get("is_active"));
        assertEquals(401, user.get("/api/users/me/").status());
    }

    @Test
    void aFolderHoldsAtMostTheConfiguredMedia() {
        String folderId = (String) clientAdmin
                .postFolder(Map.of("a", TestMedia.file(PHOTO), "b", TestMedia.file(PHOTO)), null)
                .body()
                .get("folder_id");
        Reply refused = clientAdmin.postFiles(
                "/api/folders/" + folderId + "/media/",
                Map.of("c", TestMedia.file(PHOTO), "d", TestMedia.file(PHOTO)),
                null);
        assertEquals(400, refused.status());
        assertEquals("TOO_MANY_MEDIA", refused.errorCode());
        assertEquals(4, refused.ozCode());
        assertEquals(
                201,
                clientAdmin
                        .postFiles("/api/folders/" + folderId + "/media/", Map.of("c", TestMedia.file(PHOTO)), null)
                        .status());
    }
}
