package argus.api;

import static argus.OzClient.list;
import static argus.OzClient.number;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestMedia;
import argus.WebhookReceiver;
import argus.folder.FolderRepository;
import argus.webhook.WebhookDelivery;
import argus.webhook.WebhookDeliveryRepository;
import argus.webhook.WebhookSender;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Oz multi-step flow as a client walks it (login, create, upload, start analyses, poll, webhook), for every role,
 * with companies kept apart.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "argus.webhooks.allow-private", value = "true")
@Property(name = "argus.webhooks.first-retry", value = "200ms")
@Property(name = "argus.webhooks.poll", value = "100ms")
@Property(name = "argus.jobs.poll", value = "100ms")
class MultiStepFlowTest {
    private static final String PASSWORD = TestAccounts.PASSWORD;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    FolderRepository folders;

    @Inject
    WebhookDeliveryRepository deliveries;

    @Inject
    JsonMapper json;

    OzClient admin;
    String companyA;
    String companyB;
    OzClient clientA;
    OzClient otherClientA;
    OzClient adminA;
    OzClient operatorA;
    OzClient serviceA;
    OzClient clientB;
    OzClient operator;

    @BeforeAll
    void accounts() {
        admin = new OzClient(http);
        companyA = TestAccounts.company(admin, "Bank A");
        companyB = TestAccounts.company(admin, "Bank B");
        clientA = user(companyA, "client-a@bank.test", "CLIENT");
        otherClientA = user(companyA, "client2-a@bank.test", "CLIENT");
        adminA = user(companyA, "admin-a@bank.test", "CLIENT ADMIN");
        operatorA = user(companyA, "operator-a@bank.test", "CLIENT OPERATOR");
        serviceA = user(companyA, "service-a@bank.test", "CLIENT SERVICE");
        clientB = user(companyB, "client-b@bank.test", "CLIENT");
        operator =
                user((String) admin.get("/api/users/me/").body().get("company_id"), "operator@argus.test", "OPERATOR");
    }

    private OzClient user(String company, String email, String role) {
        return TestAccounts.user(http, admin, company, email, role);
    }

    /** Creates a folder with a selfie video and a photo of the same person, as the multi-step flow does. */
    private String folderWithMedia(OzClient client, String payload) {
        Reply created = client.post("/api/folders/", payload);
        assertEquals(201, created.status(), created.body().toString());
        assertEquals("INITIAL", created.body().get("resolution_status"));
        String folderId = (String) created.body().get("folder_id");
        Reply added = client.postFiles(
                "/api/folders/" + folderId + "/media/",
                Map.of(
                        "video1",
                        TestMedia.file("video/selfie-real-3s.mp4"),
                        "photo1",
                        TestMedia.file("liveness/real/tv-real-02.jpg")),
                "{\"media:tags\": {\"video1\": [\"video_selfie\", \"video_selfie_blank\"], \"photo1\": [\"photo_selfie\"]}}");
        assertEquals(201, added.status(), added.body().toString());
        assertEquals(2, list(added.body().get("items")).size());
        return folderId;
    }

    private Map<String, Object> awaitFinished(OzClient client, String analysisId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Map<String, Object> analysis =
                    client.get("/api/analyses/" + analysisId + "/").body();
            if (!"PROCESSING".equals(analysis.get("state"))) {
                return analysis;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("analysis " + analysisId + " still PROCESSING after a minute");
    }

    @Test
    void everyRoleThatCreatesWalksTheWholeFlowAndReceivesASignedWebhook() throws Exception {
        String argusCompany = (String) admin.get("/api/users/me/").body().get("company_id");
        walkFlow(admin, admin, argusCompany);
        walkFlow(clientA, adminA, companyA);
        walkFlow(adminA, adminA, companyA);
        walkFlow(serviceA, adminA, companyA);
    }

    /** login, create, upload, start analyses, poll, read the folder, receive the webhook (refused once, then delivered). */
    private void walkFlow(OzClient client, OzClient companyAdmin, String companyId) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(1)) {
            String folderId = folderWithMedia(
                    client,
                    "{\"folder:meta_data\": {\"partner_side_folder_id\": \"ms-1\"}, \"resolution_endpoint\": \""
                            + receiver.url() + "\"}");

            Reply started = client.post(
                    "/api/folders/" + folderId + "/analyses/",
                    "{\"analyses\": [{\"type\": \"quality\", \"params\": {\"extract_best_shot\": true}}, {\"type\": \"biometry\"}]}");
            assertEquals(201, started.status(), started.body().toString());
            List<Map<String, Object>> analyses = list(started.body().get("items"));
            assertEquals(
                    List.of("PROCESSING", "PROCESSING"),
                    analyses.stream().map(a -> a.get("state")).toList());
            assertEquals("PROCESSING", client.getFolder(folderId).body().get("resolution_status"));

            Map<String, Object> quality =
                    awaitFinished(client, (String) analyses.get(0).get("analysis_id"));
            Map<String, Object> biometry =
                    awaitFinished(client, (String) analyses.get(1).get("analysis_id"));
            assertEquals("FINISHED", quality.get("state"));
            assertEquals("SUCCESS", quality.get("resolution"));
            assertEquals(2, list(quality.get("results_media")).size());
            assertEquals(
                    1,
                    list(list(quality.get("results_media")).getFirst().get("output_images"))
                            .size());
            assertEquals("SUCCESS", biometry.get("resolution"), biometry.toString());
            assertTrue(number(object(biometry.get("results_data")).get("min_confidence")) >= 0.85);

            Reply folder = client.getFolder(folderId);
            assertEquals("FINISHED", folder.body().get("resolution_status"));
            assertEquals("SUCCESS", folder.body().get("system_resolution"));
            assertEquals(
                    2,
                    list(client.get("/api/folders/" + folderId + "/analyses/")
                                    .body()
                                    .get("items"))
                            .size());

            String secret = (String)
                    companyAdmin.get("/api/companies/" + companyId + "/").body().get("webhook_secret");
            WebhookReceiver.Call call = awaitDelivery(receiver, 2);
            String expected =
                    "sha256=" + WebhookSender.signature(secret, call.header(WebhookSender.TIMESTAMP), call.body());
            assertEquals(expected, call.header(WebhookSender.SIGNATURE));
            Map<String, Object> delivered = json.readValue(call.body(), OzClient.JSON);
            assertEquals(folderId, delivered.get("folder_id"));
            assertEquals("SUCCESS", delivered.get("system_resolution"));
            assertEquals("ms-1", object(delivered.get("meta_data")).get("partner_side_folder_id"));
            // The sender records the outcome once the receiver has answered: wait for that write.
            WebhookDelivery record =
                    deliveries.findByFolderId(UUID.fromString(folderId)).getFirst();
            for (long deadline = System.currentTimeMillis() + 120_000;
                    record.state() != WebhookDelivery.DeliveryState.DELIVERED && System.currentTimeMillis() < deadline;
                    record =
                            deliveries.findByFolderId(UUID.fromString(folderId)).getFirst()) {
                Thread.sleep(50);
            }
            assertEquals(WebhookDelivery.DeliveryState.DELIVERED, record.state());
            assertEquals(2, record.attempts(), "the first attempt was refused and retried");
        }
    }

    private static WebhookReceiver.Call awaitDelivery(WebhookReceiver receiver, int calls) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (receiver.calls().size() < calls && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(calls, receiver.calls().size(), "webhook calls");
        return receiver.calls().getLast();
    }

    @Test
    void sourceMediaCanBeNamedAndUnknownOnesAreRefused() throws Exception {
        String folderId = folderWithMedia(serviceA, "{}");
        Map<String, Object> folder = serviceA.getFolder(folderId).body();
        String photo = list(folder.get("media")).stream()
                .filter(m -> "IMAGE_FOLDER".equals(m.get("media_type")))
                .map(m -> (String) m.get("media_id"))
                .findFirst()
                .orElseThrow();
        Reply started = serviceA.post(
                "/api/folders/" + folderId + "/analyses/",
                "{\"analyses\": [{\"type\": \"quality\", \"source_media\": [\"" + photo + "\"]}]}");
        assertEquals(201, started.status(), started.body().toString());
        Map<String, Object> quality = awaitFinished(
                serviceA, (String) list(started.body().get("items")).getFirst().get("analysis_id"));
        assertEquals(1, list(quality.get("results_media")).size());
        assertEquals(photo, list(quality.get("results_media")).getFirst().get("source_media_id"));

        Reply unknown = serviceA.post(
                "/api/folders/" + folderId + "/analyses/",
                "{\"analyses\": [{\"type\": \"quality\", \"source_media\": [\"" + UUID.randomUUID() + "\"]}]}");
        assertEquals(400, unknown.status());
        assertEquals("UNKNOWN_MEDIA", unknown.errorCode());
        assertEquals(
                400,
                serviceA.post("/api/folders/" + folderId + "/analyses/", "{\"analyses\": []}")
                        .status());
    }

    @Test
    void eachRoleSeesAndDoesWhatItMay() {
        String folderId = folderWithMedia(clientA, "{\"folder:meta_data\": {\"case\": \"roles\"}}");
        String mediaUrl = (String)
                list(clientA.getFolder(folderId).body().get("media")).getFirst().get("original_url");

        for (OzClient sameCompany : List.of(adminA, operatorA, serviceA)) {
            assertEquals(200, sameCompany.getFolder(folderId).status());
        }
        assertEquals(200, operator.getFolder(folderId).status());
        assertEquals(200, admin.getFolder(folderId).status());
        assertEquals(404, otherClientA.getFolder(folderId).status(), "a CLIENT sees its own folders only");
        assertEquals(404, clientB.getFolder(folderId).status(), "another company's folder does not exist for it");
        assertEquals("NOT_FOUND", clientB.getFolder(folderId).errorCode());
        assertEquals(404, clientB.download(mediaUrl, clientB.token()).code());
        assertEquals(
                404,
                clientB.post("/api/folders/" + folderId + "/analyses/", "{\"analyses\": [{\"type\": \"quality\"}]}")
                        .status());
        assertEquals(
                404,
                clientB.patch("/api/folders/" + folderId + "/meta_data/", "{\"x\": 1}")
                        .status());

        Reply byOperator = operatorA.post("/api/folders/", "{}");
        assertEquals(403, byOperator.status());
        assertEquals("PERMISSION_DENIED", byOperator.errorCode());
        assertEquals(403, operatorA.delete("/api/folders/" + folderId + "/").status());
        assertEquals(403, clientA.delete("/api/folders/" + folderId + "/").status());
        assertEquals(403, serviceA.delete("/api/folders/" + folderId + "/").status());

        Reply edited =
                operatorA.patch("/api/folders/" + folderId + "/meta_data/", "{\"reviewed\": true, \"case\": null}");
        assertEquals(200, edited.status());
        assertEquals(Map.of("reviewed", true), edited.body());

        assertTrue(ids(clientA.get("/api/folders/?limit=100")).contains(folderId));
        assertTrue(ids(adminA.get("/api/folders/?limit=100")).contains(folderId));
        assertTrue(!ids(otherClientA.get("/api/folders/?limit=100")).contains(folderId));
        assertTrue(!ids(clientB.get("/api/folders/?limit=100")).contains(folderId));
        assertTrue(ids(operator.get("/api/folders/?limit=100&meta_data.reviewed=x"))
                .isEmpty());

        assertEquals(204, adminA.delete("/api/folders/" + folderId + "/").status());
        assertEquals(404, adminA.getFolder(folderId).status());
        assertEquals(404, clientA.download(mediaUrl, clientA.token()).code());
    }

    @Test
    void folderListFiltersAndPages() {
        String tag = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    201,
                    clientA.post(
                                    "/api/folders/",
                                    "{\"folder:meta_data\": {\"batch\": \"" + tag + "\", \"i\": " + i + "}}")
                            .status());
        }
        Reply page = clientA.get("/api/folders/?limit=2&offset=0&meta_data=batch==" + tag);
        assertEquals(200, page.status());
        assertEquals(3, page.total());
        assertEquals(2, page.items().size());
        assertTrue(
                page.response().header("Link").contains("offset=2"),
                page.response().header("Link"));
        Reply second = clientA.get("/api/folders/?limit=2&offset=2&meta_data.batch=" + tag);
        assertEquals(1, second.items().size());
        assertTrue(second.response().header("Link").contains("rel=\"prev\"")
                && !second.response().header("Link").contains("rel=\"next\""));
        assertEquals(
                0,
                clientA.get("/api/folders/?system_resolution=DECLINED&meta_data.batch=" + tag)
                        .total());
        assertEquals(
                0,
                clientA.get("/api/folders/?resolution_status=DECLINED&meta_data.batch=" + tag)
                        .total());
        assertEquals(
                3,
                clientA.get("/api/folders/?resolution_status=INITIAL&meta_data.batch=" + tag)
                        .total());
        assertEquals(
                1,
                clientA.get("/api/folders/?meta_data=i==1&meta_data=batch==" + tag)
                        .total());
        assertEquals(
                2,
                clientA.get("/api/folders/?meta_data=i!=1&meta_data=batch==" + tag)
                        .total());
        long now = System.currentTimeMillis() / 1000;
        assertEquals(
                0,
                clientA.get("/api/folders/?time_created.min=" + (now + 3600) + "&meta_data.batch=" + tag)
                        .total());
        assertEquals(
                3,
                clientA.get("/api/folders/?time_created.max=" + (now + 3600) + "&meta_data.batch=" + tag)
                        .total());
        // a real client sends milliseconds
        assertEquals(
                3,
                clientA.get("/api/folders/?time_created.min=" + (now - 3600) * 1000 + "&meta_data.batch=" + tag)
                        .total());
        assertEquals(
                0,
                clientA.get("/api/folders/?time_updated.min=" + (now + 3600) * 1000 + "&meta_data.batch=" + tag)
                        .total());
        List<Object> newestFirst = clientA.get("/api/folders/?meta_data=batch==" + tag).items().stream()
                .map(f -> f.get("meta_data"))
                .toList();
        List<Object> oldestFirst =
                clientA.get("/api/folders/?sorting=time_created%7Basc%7D&meta_data=batch==" + tag).items().stream()
                        .map(f -> f.get("meta_data"))
                        .toList();
        assertEquals(newestFirst, oldestFirst.reversed());
        assertEquals(2, number(OzClient.object(oldestFirst.getLast()).get("i")));
        String first = (String) clientA.get("/api/folders/?sorting=time_created%7Basc%7D&meta_data=batch==" + tag)
                .items()
                .getFirst()
                .get("folder_id");
        assertEquals(1, clientA.get("/api/folders/?folder_id=" + first).total());
        assertEquals(400, clientA.get("/api/folders/?limit=100000").status());
        assertEquals(400, clientA.get("/api/folders/?offset=-1").status());
        assertEquals(4, clientA.get("/api/folders/?offset=-1").ozCode());
        assertEquals(400, clientA.get("/api/folders/?system_resolution=MAYBE").status());
        assertEquals(400, clientA.get("/api/folders/?sorting=name%7Basc%7D").status());
    }

    @Test
    void companiesAndUsersAreManagedByTheRightRoles() {
        assertEquals(
                403, adminA.post("/api/companies/", Map.of("name", "Rogue")).status());
        assertEquals(404, adminA.get("/api/companies/" + companyB + "/").status());
        assertEquals(
                null, clientA.get("/api/companies/" + companyA + "/").body().get("webhook_secret"));
        Reply created = adminA.post(
                "/api/users/", Map.of("email", "new-a@bank.test", "password", PASSWORD, "user_type", "CLIENT"));
        assertEquals(201, created.status());
        assertEquals(companyA, created.body().get("company_id"));
        assertEquals(
                403,
                adminA.post("/api/users/", Map.of("email", "x@bank.test", "password", PASSWORD, "user_type", "ADMIN"))
                        .status());
        assertEquals(
                403,
                adminA.post(
                                "/api/users/",
                                Map.of(
                                        "email",
                                        "y@bank.test",
                                        "password",
                                        PASSWORD,
                                        "user_type",
                                        "CLIENT",
                                        "company_id",
                                        companyB))
                        .status());
        assertEquals(
                409,
                admin.post(
                                "/api/users/",
                                Map.of("email", "new-a@bank.test", "password", PASSWORD, "user_type", "CLIENT"))
                        .status());
        assertEquals(403, clientA.get("/api/users/").status());
        assertEquals("client-a@bank.test", clientA.get("/api/users/me/").body().get("email"));

        OzClient newcomer = new OzClient(http, "new-a@bank.test", PASSWORD);
        assertEquals(200, newcomer.get("/api/users/me/").status());
        assertEquals(
                204,
                adminA.delete("/api/users/" + created.body().get("user_id") + "/")
                        .status());
        assertEquals(401, newcomer.get("/api/users/me/").status(), "a deactivated user's tokens stop working");
    }

    @Test
    void tokensRenewRevokeAndStopWorking() {
        Reply login = admin.send(HttpRequest.POST(
                "/api/authorize/auth",
                Map.of("credentials", Map.of("email", "client-a@bank.test", "password", PASSWORD))));
        String access = (String) login.body().get("access_token");
        String expire = (String) login.body().get("expire_token");
        assertTrue(number(login.body().get("expire_date")) > System.currentTimeMillis() / 1000.0);
        assertEquals("CLIENT", object(login.body().get("user")).get("user_type"));

        Reply refreshed = admin.send(HttpRequest.POST("/api/authorize/refresh", Map.of("expire_token", expire))
                .header(OzClient.TOKEN_HEADER, access));
        assertEquals(200, refreshed.status(), refreshed.body().toString());
        String newAccess = (String) refreshed.body().get("access_token");
        assertNotEquals(access, newAccess);
        assertEquals(200, withToken(access, "/api/users/me/").status(), "the old pair works until the new one is used");
        assertEquals(200, withToken(newAccess, "/api/users/me/").status());
        assertEquals(401, withToken(access, "/api/users/me/").status(), "the old pair stops once the new one is used");
        assertEquals(
                204,
                admin.send(HttpRequest.POST("/api/authorize/logout", "").header(OzClient.TOKEN_HEADER, newAccess))
                        .status());
        assertEquals(401, withToken(newAccess, "/api/users/me/").status(), "a revoked token stops working");
        assertEquals(
                401,
                admin.send(HttpRequest.POST("/api/authorize/refresh", Map.of("expire_token", expire)))
                        .status(),
                "a spent expire token");
        assertEquals(
                400,
                admin.send(HttpRequest.POST("/api/authorize/refresh", Map.of())).status());
    }

    private Reply withToken(String token, String path) {
        return admin.send(HttpRequest.GET(path).header(OzClient.TOKEN_HEADER, token));
    }

    @Test
    void requestContextIsStoredAndIdempotencyKeyReplaysTheFirstFolder() {
        String key = UUID.randomUUID().toString();
        var request = HttpRequest.POST("/api/folders/", "{\"folder:meta_data\": {\"k\": 1}}")
                .header(OzClient.TOKEN_HEADER, clientA.token())
                .header("Idempotency-Key", key)
                .header("X-Session-ID", "session-42")
                .header("X-Device-Info", "Pixel 8; Android 15")
                .header("X-Geo-Location", "52.52,13.40");
        Reply first = clientA.send(request);
        Reply second = clientA.send(HttpRequest.POST("/api/folders/", "{\"folder:meta_data\": {\"k\": 2}}")
                .header(OzClient.TOKEN_HEADER, clientA.token())
                .header("Idempotency-Key", key));
        assertEquals(201, first.status());
        assertEquals(201, second.status());
        assertEquals(first.body().get("folder_id"), second.body().get("folder_id"));
        assertEquals("true", second.response().getHeaders().get("Idempotent-Replayed"));
        assertEquals(Map.of("k", 1), second.body().get("meta_data"));
        var stored = folders.findById(UUID.fromString((String) first.body().get("folder_id")))
                .orElseThrow();
        assertEquals("session-42", stored.sessionId());
        assertEquals("Pixel 8; Android 15", stored.deviceInfo());
        assertEquals("52.52,13.40", stored.geoLocation());
        assertEquals(
                400,
                clientA.send(HttpRequest.POST("/api/folders/", "{}")
                                .header(OzClient.TOKEN_HEADER, clientA.token())
                                .header("Idempotency-Key", "has spaces in it"))
                        .status());
    }

    private static List<String> ids(Reply page) {
        return page.items().stream().map(f -> (String) f.get("folder_id")).toList();
    }
}
