package argus.api;

import static argus.OzClient.firstAnalysis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestMedia;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Operators' manual decisions through the API: {@code PATCH /api/analyses/{id}/} sets an analysis's verdict with
 * {@code resolution_status} and {@code resolution_comment}; {@code PATCH /api/folders/{id}/} the folder's with
 * {@code operator_status} and {@code operator_comment}; who decided and when are read back; the system's verdict stays.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorDecisionTest {
    @Inject
    @Client("/")
    HttpClient http;

    TestAccounts.Tenant acme;
    OzClient outsider;
    String folder;
    String analysis;

    @BeforeAll
    void folder() {
        OzClient admin = new OzClient(http);
        acme = TestAccounts.tenant(http, admin, "Decisions Bank");
        outsider = TestAccounts.tenant(http, admin, "Elsewhere Bank").as("CLIENT OPERATOR");
        Reply created = acme.as("CLIENT")
                .postFolder(
                        Map.of("photo", TestMedia.file("match/df-a/img1.jpg")),
                        "{\"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, created.status(), created.body().toString());
        folder = (String) created.body().get("folder_id");
        analysis = (String) firstAnalysis(created).get("analysis_id");
    }

    @Test
    void anOperatorDecidesOnAnAnalysisAndTheSystemVerdictStays() {
        OzClient operator = acme.as("CLIENT OPERATOR");
        Map<String, Object> before =
                operator.get("/api/analyses/" + analysis + "/").body();
        assertNull(before.get("operator_time"), "no decision yet");
        String system = (String) before.get("resolution_status");
        String decided = system.equals("DECLINED") ? "SUCCESS" : "DECLINED";
        Reply reply = operator.patch(
                "/api/analyses/" + analysis + "/",
                Map.of("resolution_status", decided, "resolution_comment", "seen by a person"));
        assertEquals(200, reply.status(), reply.body().toString());
        Map<String, Object> read =
                acme.as("CLIENT").get("/api/analyses/" + analysis + "/").body();
        assertEquals(decided, read.get("resolution_status"));
        assertEquals(decided, read.get("resolution"));
        assertEquals(system, read.get("system_resolution"));
        assertEquals(operator.userId(), read.get("resolution_operator"));
        assertEquals("seen by a person", read.get("resolution_comment"));
        assertNotNull(read.get("operator_time"));
        Map<String, Object> inFolder = OzClient.list(acme.as("CLIENT")
                        .get("/api/folders/" + folder + "/?with_analyses=true")
                        .body()
                        .get("analyses"))
                .getFirst();
        assertEquals(decided, inFolder.get("resolution_status"));
    }

    @Test
    void aFolderDecisionIsReadBackWithWhoAndWhen() {
        OzClient admin = acme.as("CLIENT ADMIN");
        assertNull(admin.getFolder(folder).body().get("operator_status"));
        Reply reply = admin.patch(
                "/api/folders/" + folder + "/",
                Map.of("operator_status", "declined", "operator_comment", "known fraud ring"));
        assertEquals(200, reply.status(), reply.body().toString());
        Map<String, Object> read = acme.as("CLIENT").getFolder(folder).body();
        assertEquals("DECLINED", read.get("operator_status"));
        assertEquals("known fraud ring", read.get("operator_comment"));
        assertEquals(admin.userId(), read.get("resolution_operator"));
        assertNotNull(read.get("operator_time"));
    }

    @Test
    void onlyDecidingRolesOfTheCompanyMayDecide() {
        Map<String, Object> body = Map.of("operator_status", "SUCCESS");
        assertEquals(
                403,
                acme.as("CLIENT").patch("/api/folders/" + folder + "/", body).status());
        assertEquals(
                403,
                acme.as("CLIENT SERVICE")
                        .patch("/api/folders/" + folder + "/", body)
                        .status());
        assertEquals(404, outsider.patch("/api/folders/" + folder + "/", body).status());
        assertEquals(
                404,
                outsider.patch("/api/analyses/" + analysis + "/", Map.of("resolution_status", "SUCCESS"))
                        .status());
    }

    @Test
    void aDecisionIsSuccessOrDeclinedWithKnownFields() {
        OzClient operator = acme.as("CLIENT OPERATOR");
        Reply unknownVerdict = operator.patch("/api/folders/" + folder + "/", Map.of("operator_status", "MAYBE"));
        assertEquals(400, unknownVerdict.status());
        assertEquals("INVALID_VALUE", unknownVerdict.errorCode());
        Reply processing = operator.patch("/api/analyses/" + analysis + "/", Map.of("resolution_status", "PROCESSING"));
        assertEquals(400, processing.status());
        Reply unknownField =
                operator.patch("/api/folders/" + folder + "/", Map.of("operator_status", "SUCCESS", "status", "x"));
        assertEquals(400, unknownField.status());
        assertEquals("INVALID_PAYLOAD", unknownField.errorCode());
        Reply missing = operator.patch("/api/analyses/" + analysis + "/", Map.of("resolution_comment", "no verdict"));
        assertEquals(400, missing.status());
        Reply tooLong = operator.patch(
                "/api/folders/" + folder + "/",
                Map.of("operator_status", "SUCCESS", "operator_comment", "x".repeat(2001)));
        assertEquals(400, tooLong.status());
    }
}
