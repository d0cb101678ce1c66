package argus.ops;

import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a platform team reads: health, the Prometheus scrape, request ids in responses and in every log line. */
@MicronautTest
@Property(name = "argus.metrics.token", value = "scrape-secret-of-the-test")
@Property(name = "argus.metrics.networks", value = "10.255.0.0/16")
class OperationsTest {
    private static final String QUALITY = "{\"analyses\": [{\"type\": \"quality\"}]}";

    @Inject
    @Client("/")
    HttpClient http;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    @Test
    void healthNeedsNoTokenShowsEveryCheckAndNoSecret() {
        Reply health = new OzClient(http).send(HttpRequest.GET("/health"));
        assertEquals(200, health.status(), health.body().toString());
        assertEquals("UP", health.body().get("status"));
        Map<String, Object> details = object(health.body().get("details"));
        assertTrue(
                details.keySet().containsAll(Set.of("database", "diskSpace", "mediaStore", "modelPacks", "jobBacklog")),
                details.toString());
        assertEquals(
                "minifasnet",
                object(object(details.get("modelPacks")).get("details")).get("livenessPack"));
        String text = health.body().toString();
        assertFalse(text.contains("jdbc:"), "no connection URL: " + text);
        assertFalse(
                text.contains(OzClient.ADMIN_PASSWORD) || text.contains("jwt-secret") || text.contains("password"),
                text);

        assertEquals(
                200,
                new OzClient(http).send(HttpRequest.GET("/health/liveness")).status());
        Reply readiness = new OzClient(http).send(HttpRequest.GET("/health/readiness"));
        assertEquals(200, readiness.status());
        assertEquals("UP", readiness.body().get("status"));
    }

    @Test
    void theScrapeHasTheServiceMetricsAfterASingleRequestAndNeedsItsToken() {
        OzClient oz = new OzClient(http);
        Reply folder = oz.postFolder(Map.of("photo1", TestMedia.file("match/df-a/img1.jpg")), QUALITY);
        assertEquals(201, folder.status(), folder.body().toString());

        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> http.toBlocking().retrieve(HttpRequest.GET("/prometheus")));
        assertEquals(401, refused.getStatus().getCode());
        String scrape =
                http.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth("scrape-secret-of-the-test"));

        for (String metric : List.of(
                "argus_analyses_total{",
                "resolution=\"SUCCESS\"",
                "type=\"QUALITY\"",
                "argus_analysis_duration_seconds_count{",
                "argus_media_decode_seconds_count",
                "argus_model_inference_seconds_count{",
                "argus_admission_slots_in_use",
                "argus_admission_slots ",
                "argus_jobs_waiting{kind=\"FOLDER\"",
                "argus_jobs_running{",
                "argus_gallery_faces",
                "argus_gallery_search_seconds_count",
                "http_server_requests_seconds_count{",
                "jvm_memory_used_bytes",
                "process_cpu_usage",
                "hikaricp_connections")) {
            assertTrue(scrape.contains(metric), "the scrape lacks " + metric);
        }
        assertTrue(
                scrape.lines()
                        .anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                                && line.contains("/api/folders")
                                && line.contains("status=\"201\"")),
                scrape.lines()
                        .filter(line -> line.startsWith("http_server_requests_seconds_count"))
                        .toList()
                        .toString());
    }

    @Test
    void aRequestIdIsEchoedAndOnEveryLogLineOfTheRequestItsAnalysesAndItsQueuedJobs() throws Exception {
        OzClient oz = new OzClient(http);
        String token = oz.token();
        MultipartBody single = MultipartBody.builder()
                .addPart(
                        "photo1",
                        "selfie.jpg",
                        io.micronaut.http.MediaType.IMAGE_JPEG_TYPE,
                        TestMedia.file("match/df-a/img1.jpg").toFile())
                .addPart("payload", QUALITY)
                .build();
        HttpResponse<Map<String, Object>> created = http.toBlocking()
                .exchange(
                        HttpRequest.POST("/api/folders/", single)
                                .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE)
                                .header(OzClient.TOKEN_HEADER, token)
                                .header("X-Request-ID", "partner-req-0001"),
                        OzClient.JSON);
        assertEquals("partner-req-0001", created.header("X-Request-ID"));
        assertTrue(
                threadsLoggingFor("partner-req-0001").stream().anyMatch(thread -> thread.startsWith("analysis-")),
                "the analysis logged under the request's id: " + threadsLoggingFor("partner-req-0001"));

        String folderId = (String) created.body().get("folder_id");
        Reply started = oz.send(HttpRequest.POST("/api/folders/" + folderId + "/analyses/", QUALITY)
                .header(OzClient.TOKEN_HEADER, token)
                .header("X-Request-ID", "partner-req-0002"));
        assertEquals("partner-req-0002", started.response().header("X-Request-ID"));
        String analysisId = (String) started.items().getFirst().get("analysis_id");
        for (long deadline = System.currentTimeMillis() + 120_000;
                "PROCESSING"
                                .equals(oz.get("/api/analyses/" + analysisId + "/")
                                        .body()
                                        .get("state"))
                        && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(100);
        }
        assertTrue(
                threadsLoggingFor("partner-req-0002").stream().anyMatch(thread -> thread.startsWith("analysis-")),
                "the queued analysis logged under the id of the request that queued it");

        for (String implausible : List.of("two words\tINFO forged field", "x".repeat(200))) {
            String replaced = http.toBlocking()
                    .exchange(HttpRequest.GET("/health").header("X-Request-ID", implausible))
                    .header("X-Request-ID");
            assertNotEquals(implausible, replaced);
            assertTrue(replaced.matches("[0-9a-f-]{36}"), replaced);
        }
        assertTrue(
                http.toBlocking()
                        .exchange(HttpRequest.GET("/health"))
                        .header("X-Request-ID")
                        .matches("[0-9a-f-]{36}"),
                "a request without an id gets one");
        assertFalse(
                logs.list.stream().anyMatch(event -> event.getFormattedMessage().contains(token)),
                "a token reached the log");
    }

    private Set<String> threadsLoggingFor(String requestId) {
        return logs.list.stream()
                .filter(event -> requestId.equals(event.getMDCPropertyMap().get("request_id")))
                .map(ILoggingEvent::getThreadName)
                .collect(Collectors.toSet());
    }
}
