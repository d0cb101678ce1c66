package argus.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The folder list as CSV: the list's filters, every folder found (past one page), formulas neutralised, tenancy. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderCsvExportTest {
    @Inject
    @Client("/")
    HttpClient http;

    OzClient admin;
    OzClient client;
    String batch = UUID.randomUUID().toString();
    List<String> created = new ArrayList<>();

    @BeforeAll
    void folders() {
        admin = new OzClient(http);
        TestAccounts.Tenant tenant = TestAccounts.tenant(http, admin, "Csv Exporters");
        client = tenant.as("CLIENT");
        for (int i = 0; i < 503; i++) {
            String value = switch (i) {
                case 0 -> "=HYPERLINK(\"http://evil.test\",\"click\")";
                case 1 -> "+1+2";
                case 2 -> "-3";
                case 3 -> "@SUM(A1)";
                default -> "row " + i + ", plain";
            };
            Reply reply = client.post(
                    "/api/folders/", Map.of("folder:meta_data", Map.of("batch", batch, "note", value, "n", i)));
            assertEquals(201, reply.status(), reply.body().toString());
            created.add((String) reply.body().get("folder_id"));
        }
        Reply decided = tenant.as("CLIENT ADMIN")
                .patch(
                        "/api/folders/" + created.get(4) + "/",
                        Map.of("operator_status", "declined", "operator_comment", "=cmd|' /C calc'!A0"));
        assertEquals(200, decided.status(), decided.body().toString());
    }

    @Test
    void everyFolderTheFiltersFindIsExportedOldestFirstPastOnePage() {
        Csv answer = csv("/api/folders/?format=csv&meta_data.batch=" + batch + "&meta_data_keys=note,n");
        assertEquals(200, answer.status());
        assertTrue(answer.contentType().startsWith("text/csv"), answer.contentType());
        assertTrue(answer.disposition().contains("folders.csv"));
        List<String> lines = Arrays.asList(answer.body().split("\r\n"));
        assertEquals(
                "folder_id,time_created,time_updated,company_id,user_id,resolution_status,system_resolution,"
                        + "operator_status,operator_comment,analyses,meta_data.note,meta_data.n,meta_data",
                lines.getFirst());
        assertEquals(1 + created.size(), lines.size(), "a header and every folder, though the page size is 500");
        for (int i = 0; i < created.size(); i++) {
            assertTrue(lines.get(1 + i).startsWith(created.get(i) + ","), "oldest first: row " + i);
        }
        assertTrue(lines.get(1).contains(",\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\",0,"), lines.get(1));
        assertTrue(lines.get(2).contains(",'+1+2,1,"), lines.get(2));
        assertTrue(lines.get(3).contains(",'-3,2,"), lines.get(3));
        assertTrue(lines.get(4).contains(",'@SUM(A1),3,"), lines.get(4));
        assertTrue(lines.get(5).contains(",DECLINED,'=cmd|' /C calc'!A0,,\"row 4, plain\",4,"), lines.get(5));
        assertTrue(lines.get(6).contains(",\"row 5, plain\",5,"), lines.get(6));
    }

    @Test
    void acceptTextCsvAsksForTheSameAndOtherCompaniesSeeNothing() {
        HttpResponse<String> byHeader = http.toBlocking()
                .exchange(
                        HttpRequest.GET("/api/folders/?meta_data.batch=" + batch)
                                .header("X-Forensic-Access-Token", client.token())
                                .accept("text/csv"),
                        String.class);
        assertEquals(1 + created.size(), byHeader.body().split("\r\n").length);

        OzClient stranger = TestAccounts.tenant(http, admin, "Csv Strangers").as("CLIENT");
        HttpResponse<String> none = http.toBlocking()
                .exchange(
                        HttpRequest.GET("/api/folders/?format=csv&meta_data.batch=" + batch)
                                .header("X-Forensic-Access-Token", stranger.token()),
                        String.class);
        assertEquals(1, none.body().split("\r\n").length, "the header alone");
    }

    @Test
    void badFiltersAreRefusedBeforeAnyRowIsSent() {
        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> csv("/api/folders/?format=csv&system_resolution=MAYBE"));
        assertEquals(400, refused.getStatus().getCode());
    }

    private record Csv(int status, String contentType, String disposition, String body) {}

    private Csv csv(String path) {
        HttpResponse<byte[]> answer = http.toBlocking()
                .exchange(HttpRequest.GET(path).header("X-Forensic-Access-Token", client.token()), byte[].class);
        return new Csv(
                answer.code(),
                answer.getContentType().orElseThrow().toString(),
                answer.header("Content-Disposition"),
                new String(answer.body(), StandardCharsets.UTF_8));
    }
}
