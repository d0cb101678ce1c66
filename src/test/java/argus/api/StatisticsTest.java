package argus.api;

import static argus.OzClient.firstAnalysis;
import static argus.OzClient.list;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestMedia;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Statistics agree with the folders a company made today: per day and verdict, overrides, failures, roles. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTest {
    private static final String QUALITY = "{\"analyses\": [{\"type\": \"quality\"}]}";

    @Inject
    @Client("/")
    HttpClient http;

    OzClient admin;
    TestAccounts.Tenant tenant;
    Map<String, Long> verdicts = new HashMap<>();
    Map<String, Long> qualityVerdicts = new HashMap<>();

    @BeforeAll
    void folders() {
        admin = new OzClient(http);
        tenant = TestAccounts.tenant(http, admin, "Statistics Bank");
        OzClient client = tenant.as("CLIENT");
        String overridden = null;
        for (String photo : new String[] {
            "liveness/real/ac-real-crop-01.png",
            "liveness/real/ac-real-crop-02.png",
            "liveness/spoof/ac-spoof-crop-01.png",
            "nonface/fruits.jpg"
        }) {
            Reply reply = client.postFolder(Map.of("photo1", TestMedia.file(photo)), QUALITY);
            assertEquals(201, reply.status(), reply.body().toString());
            verdicts.merge((String) reply.body().get("system_resolution"), 1L, Long::sum);
            Map<String, Object> quality = firstAnalysis(reply);
            qualityVerdicts.merge((String) quality.get("resolution"), 1L, Long::sum);
            if (overridden == null && "SUCCESS".equals(quality.get("resolution"))) {
                overridden = (String) quality.get("analysis_id");
            }
        }
        assertNotNull(overridden, "a real photo passed");
        Reply decided = tenant.as("CLIENT ADMIN")
                .patch(
                        "/api/analyses/" + overridden + "/",
                        Map.of("resolution_status", "declined", "resolution_comment", "second look"));
        assertEquals(200, decided.status(), decided.body().toString());
        assertTrue(qualityVerdicts.containsKey("FAILED"), "the photo without a face failed: " + qualityVerdicts);
    }

    @Test
    void theDayAndTotalAgreeWithTheFoldersMade() {
        Reply reply = tenant.as("CLIENT ADMIN").get("/api/statistics/?group_by=day");
        assertEquals(200, reply.status(), reply.body().toString());
        assertEquals(tenant.companyId(), reply.body().get("company_id"));
        Map<String, Object> day = list(reply.body().get("periods")).getFirst();
        assertEquals(1, list(reply.body().get("periods")).size());
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), day.get("period_start"));
        for (Map<String, Object> counts :
                new Map[] {object(day.get("counts")), object(reply.body().get("total"))}) {
            assertEquals(verdicts, longs(object(counts.get("folders"))));
            assertEquals(
                    qualityVerdicts, longs(object(object(counts.get("analyses")).get("QUALITY"))));
            assertEquals(Map.of("SUCCESS -> DECLINED", 1L), longs(object(counts.get("operator_overrides"))));
            assertEquals(
                    qualityVerdicts.get("FAILED"),
                    longs(object(counts.get("failed_reasons"))).values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
            assertTrue(((Number) counts.get("finished_analyses")).longValue() >= 3);
            long p50 = ((Number) counts.get("analysis_time_ms_p50")).longValue();
            long p95 = ((Number) counts.get("analysis_time_ms_p95")).longValue();
            assertTrue(0 <= p50 && p50 <= p95, p50 + " " + p95);
        }
    }

    @Test
    void periodsAndBoundsAndWhoMayRead() {
        OzClient clientAdmin = tenant.as("CLIENT ADMIN");
        Map<String, Object> month = list(clientAdmin
                        .get("/api/statistics/?group_by=month")
                        .body()
                        .get("periods"))
                .getFirst();
        assertEquals(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString(), month.get("period_start"));
        long later = System.currentTimeMillis() / 1000 + 3600;
        assertTrue(list(clientAdmin
                        .get("/api/statistics/?time_created.min=" + later)
                        .body()
                        .get("periods"))
                .isEmpty());

        Reply asAdmin = admin.get("/api/statistics/?company_id=" + tenant.companyId());
        assertEquals(verdicts, longs(object(object(asAdmin.body().get("total")).get("folders"))));
        assertEquals(403, tenant.as("CLIENT").get("/api/statistics/").status());
        OzClient outsider =
                TestAccounts.tenant(http, admin, "Statistics Outsider").as("CLIENT ADMIN");
        assertTrue(object(object(outsider.get("/api/statistics/").body().get("total"))
                        .get("folders"))
                .isEmpty());
        assertEquals(
                404,
                outsider.get("/api/statistics/?company_id=" + tenant.companyId())
                        .status());
        assertEquals(400, clientAdmin.get("/api/statistics/?group_by=fortnight").status());
    }

    private static Map<String, Long> longs(Map<String, Object> counts) {
        Map<String, Long> values = new HashMap<>();
        counts.forEach((key, value) -> values.put(key, ((Number) value).longValue()));
        return values;
    }
}
