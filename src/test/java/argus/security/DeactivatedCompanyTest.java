package argus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.EngineSlots;
import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestJwts;
import argus.TestMedia;
import argus.analysis.AnalysisEngine;
import argus.videodetect.VideoSubmission;
import argus.videodetect.VideoSubmissionRepository;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A deactivated company loses every way in at once — Oz tokens, sign-in, refresh, video-detect API keys, partner
 * JWTs, the {@code x-api-key} and bearer contracts — and its work still waiting in the queue is not run.
 */
@MicronautTest
@Property(name = "argus.jobs.poll", value = "100ms")
class DeactivatedCompanyTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AnalysisEngine engine;

    @Inject
    VideoSubmissionRepository submissions;

    @Test
    void everyWayInIsClosedAndQueuedWorkIsNotRun() throws Exception {
        OzClient admin = new OzClient(http);
        String company = TestAccounts.company(admin, "Closing Bank");
        OzClient user = TestAccounts.user(http, admin, company, "user@closing.test", "CLIENT");
        OzClient service = TestAccounts.user(http, admin, company, "service@closing.test", "CLIENT SERVICE");
        String slug = "closing-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                200,
                admin.send(HttpRequest.PUT(
                                        "/api/companies/" + company + "/video-tenant/",
                                        Map.of("tenant_slug", slug, "credits", 10))
                                .header(OzClient.TOKEN_HEADER, admin.token()))
                        .status());
        String apiKey = (String) admin.post(
                        "/api/companies/" + company + "/api-keys/",
                        Map.of("scopes", List.of("detection:write", "detection:read")))
                .body()
                .get("api_key");
        Reply login = user.signIn(TestAccounts.PASSWORD, Map.of());
        String access = (String) login.body().get("access_token");
        String expire = (String) login.body().get("expire_token");
        String serviceToken = service.token();
        String jwt = TestJwts.hs256(user.email(), Instant.now().getEpochSecond() + 3600, TestJwts.SECRET);
        byte[] video = Files.readAllBytes(TestMedia.file("video/selfie-real-3s.mp4"));

        assertEquals(404, avfStatus(jwt), "before: the JWT is accepted");
        String waiting;
        try (EngineSlots ignored = new EngineSlots(engine)) {
            Reply queued = submit(slug, apiKey, video);
            assertEquals(201, queued.status(), queued.body().toString());
            waiting = (String) OzClient.object(queued.body().get("data")).get("submission_id");
            assertEquals(
                    200,
                    admin.patch("/api/companies/" + company + "/", Map.of("is_active", false))
                            .status());
        }

        Reply refusedKey = submit(slug, apiKey, video);
        assertEquals(401, refusedKey.status());
        assertEquals("invalid_key", refusedKey.body().get("error"));
        assertEquals(401, avfStatus(jwt), "a partner JWT of the company");
        assertEquals(
                401,
                send(HttpRequest.GET("/api/users/me/").header(OzClient.TOKEN_HEADER, access)),
                "its Oz access token");
        assertEquals(401, user.signIn(TestAccounts.PASSWORD, Map.of()).status(), "sign-in");
        assertEquals(401, send(HttpRequest.POST("/api/authorize/refresh", Map.of("expire_token", expire))), "refresh");
        assertEquals(
                401,
                send(HttpRequest.GET("/v1/deepfake-detection/da_" + UUID.randomUUID())
                        .header("x-api-key", serviceToken)),
                "the x-api-key contract");
        assertEquals(
                403,
                send(HttpRequest.GET("/api/technology/authenticity-verification/" + UUID.randomUUID())
                        .bearerAuth(serviceToken)),
                "the bearer contract");

        VideoSubmission submission = awaitSettled(UUID.fromString(waiting));
        assertEquals("failed", submission.status(), "queued work of a deactivated company is not run");
        assertTrue(submission.error().contains("deactivated"), submission.error());

        assertEquals(
                200,
                admin.patch("/api/companies/" + company + "/", Map.of("is_active", true))
                        .status());
        assertEquals(404, avfStatus(jwt), "reactivated: the JWT works again");
        assertEquals(200, user.signIn(TestAccounts.PASSWORD, Map.of()).status());
    }

    private int send(MutableHttpRequest<?> request) {
        return new OzClient(http).send(request).status();
    }

    private int avfStatus(String jwt) {
        return send(
                HttpRequest.GET("/api-gateway/avf/status/" + UUID.randomUUID()).bearerAuth(jwt));
    }

    private Reply submit(String slug, String apiKey, byte[] video) {
        MultipartBody body = MultipartBody.builder()
                .addPart("video_file", "selfie.mp4", MediaType.of("video/mp4"), video)
                .build();
        return new OzClient(http)
                .send(HttpRequest.POST("/api/v1/" + slug + "/video/detect", body)
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                        .header("X-API-Key", apiKey));
    }

    private VideoSubmission awaitSettled(UUID id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        VideoSubmission submission = submissions.findById(id).orElseThrow();
        while (List.of("pending", "processing").contains(submission.status())
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            submission = submissions.findById(id).orElseThrow();
        }
        return submission;
    }
}
