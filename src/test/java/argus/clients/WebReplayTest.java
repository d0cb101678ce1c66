package argus.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.TestAccounts;
import argus.TestMedia;
import argus.TestShotSets;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two browser-side integrations found in public code, around a folder the Oz Web SDK made: the SDK uploads the
 * capture as a shot set (a ZIP of frames) with the page's {@code meta} ({@code transaction_id}, {@code iin}) as folder
 * metadata, and runs liveness on it.
 * <ul>
 * <li>An Angular page (after the SDK's {@code on_complete}): signs in with {@code HttpClient.post} (JSON), adds the
 * ID photo as a {@code FormData} part named {@code media} with no payload, reads {@code response[0].media_id}, starts
 * {@code [{type: 'biometry'}]} and reads {@code response_analyses[0].analyse_id}, then fetches
 * {@code /api/analyses/{id}} (no trailing slash) and reads {@code resolution} and {@code results_data.max_confidence}.</li>
 * <li>A Node (express + axios) proxy that fetches the liveness result for the page: signs in (no trailing slash),
 * keeps {@code expire_date} (seconds) and refreshes one minute before it with {@code /api/authorize/refresh}, then
 * lists {@code /api/folders/?meta_data=transaction_id==<id>&with_analyses=true&time_created.min=<milliseconds>} and
 * passes the array on as it came.</li>
 * </ul>
 */
@MicronautTest
class WebReplayTest extends ClientReplay {
    private static final String AXIOS_ACCEPT = "application/json, text/plain, */*";

    Wire wire;
    String pageAccount;
    String proxyAccount;
    String transactionId;
    String folderId;

    /** The Web SDK's capture: a shot set with the page's metadata, liveness run on it. */
    @BeforeEach
    void captured() throws Exception {
        wire = wire();
        String company = company("Web shop");
        OzClient sdk = new OzClient(http, account(company, "sdk", "CLIENT SERVICE"), TestAccounts.PASSWORD);
        pageAccount = account(company, "page", "CLIENT SERVICE");
        proxyAccount = account(company, "proxy", "CLIENT ADMIN");
        transactionId = UUID.randomUUID().toString();
        Path shots = Files.write(
                Files.createTempDirectory("web").resolve("capture.zip"),
                TestShotSets.zip(
                        TestShotSets.frames(TestMedia.file("video/selfie-real-3s.mp4"), 10), "frame_%02d.jpeg"));
        OzClient.Reply capture = sdk.postFolder(
                Map.of("shots", shots),
                "{\"folder:meta_data\": {\"transaction_id\": \"" + transactionId
                        + "\", \"iin\": \"880101300123\", \"meta_key\": \"meta_value\"}, \"media:tags\": {\"shots\": [\"video_selfie\", "
                        + "\"video_selfie_left\", \"orientation_portrait\"]}, \"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, capture.status(), capture.body().toString());
        assertEquals("SUCCESS", OzClient.firstAnalysis(capture).get("resolution"));
        folderId = (String) capture.body().get("folder_id");
    }

    private String signIn(String email, Map<String, String> headers) {
        Wire.Answer answer = wire.send(
                "POST",
                "/api/authorize/auth",
                headers,
                "{\"credentials\":{\"email\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}}");
        assertEquals(200, answer.status(), answer.text());
        return (String) answer.object().get("access_token");
    }

    @Test
    void theAngularPageComparesTheCaptureWithTheIdPhoto() {
        Map<String, String> angular = Wire.headers("Content-Type", "application/json", "Accept", AXIOS_ACCEPT);
        String token = signIn(pageAccount, angular);

        Wire.Answer media = wire.multipart(
                "POST",
                "/api/folders/" + folderId + "/media/",
                Wire.headers("X-Forensic-Access-Token", token, "Accept", AXIOS_ACCEPT),
                Wire.Multipart.of(
                        "----WebKitFormBoundary" + Long.toHexString(System.nanoTime()),
                        List.of(Wire.Part.file(
                                "media",
                                "imagen.jpeg",
                                "image/jpeg",
                                TestMedia.file("liveness/real/tv-real-02.jpg")))));
        assertTrue(media.ok(), media.text());
        assertTrue(media.parsed() instanceof List<?> array && !array.isEmpty(), media.text());
        assertTrue(media.array().getFirst().get("media_id") instanceof String);

        Wire.Answer analyses = wire.send(
                "POST",
                "/api/folders/" + folderId + "/analyses/",
                Wire.headers(
                        "X-Forensic-Access-Token", token, "Content-Type", "application/json", "Accept", AXIOS_ACCEPT),
                "{\"analyses\":[{\"type\":\"biometry\"}]}");
        assertTrue(analyses.ok(), analyses.text());
        String analyseId = (String) analyses.array().getFirst().get("analyse_id");

        Wire.Answer result = Wire.poll(
                () -> wire.send(
                        "GET",
                        "/api/analyses/" + analyseId,
                        Wire.headers("X-Forensic-Access-Token", token, "Accept", AXIOS_ACCEPT),
                        (String) null),
                a -> !"PROCESSING".equals(a.object().get("resolution")),
                500);
        assertEquals("SUCCESS", result.object().get("resolution"), result.text());
        assertTrue(
                ((Number) OzClient.object(result.object().get("results_data")).get("max_confidence")).doubleValue()
                        >= 0.85);
    }

    @Test
    void theNodeProxyRefreshesItsTokenAndFindsTheCaptureByTransaction() {
        Map<String, String> axiosJson =
                Wire.headers("Content-Type", "application/json", "Accept", AXIOS_ACCEPT, "User-Agent", "axios/1.7.9");
        Wire.Answer auth = wire.send(
                "POST",
                "/api/authorize/auth",
                axiosJson,
                "{\"credentials\":{\"email\":\"" + proxyAccount + "\",\"password\":\"" + TestAccounts.PASSWORD
                        + "\"}}");
        String sessionKey = (String) auth.object().get("access_token");
        String expiredKey = (String) auth.object().get("expire_token");
        BigDecimal expireDate = new BigDecimal(auth.object().get("expire_date").toString());
        // isOzExpire(): a minute of margin before expire_date, which is in seconds
        assertTrue(expireDate.movePointRight(3).longValue() - 60_000 > System.currentTimeMillis(), auth.text());

        // the refresh the proxy makes once that minute is reached
        Map<String, String> refreshHeaders = Wire.headers(
                "Content-Type", "application/json", "X-Forensic-Access-Token", sessionKey, "Accept", AXIOS_ACCEPT);
        Wire.Answer refreshed = wire.send(
                "POST", "/api/authorize/refresh", refreshHeaders, "{\"expire_token\":\"" + expiredKey + "\"}");
        assertEquals(200, refreshed.status(), refreshed.text());
        String newKey = (String) refreshed.object().get("access_token");
        assertNotEquals(sessionKey, newKey);
        assertTrue(new BigDecimal(refreshed.object().get("expire_date").toString()).compareTo(expireDate) >= 0);

        long hourAgo = System.currentTimeMillis() - 60 * 60 * 1000;
        Wire.Answer folders = wire.send(
                "GET",
                "/api/folders/?meta_data=transaction_id==" + transactionId + "&with_analyses=true&time_created.min="
                        + hourAgo,
                Wire.headers("X-Forensic-Access-Token", newKey, "Accept", AXIOS_ACCEPT),
                (String) null);
        assertEquals(200, folders.status(), folders.text());
        List<Map<String, Object>> found = folders.array();
        assertEquals(1, found.size(), folders.text());
        assertEquals(folderId, found.getFirst().get("folder_id"));
        assertEquals(
                transactionId,
                OzClient.object(found.getFirst().get("meta_data")).get("transaction_id"));
        assertEquals(
                "SUCCESS",
                OzClient.list(found.getFirst().get("analyses")).getFirst().get("resolution"));

        // once the new pair is used, the old one is gone
        assertEquals(
                401,
                wire.send("GET", "/api/folders/", Wire.headers("X-Forensic-Access-Token", sessionKey), (String) null)
                        .status());
    }
}
