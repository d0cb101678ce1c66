package argus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.webhook.OutboundAddressesTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every URL a client hands the service to call — a folder's {@code resolution_endpoint}, a video-detect
 * {@code video_url}, a deepfake {@code callback_url} — is refused when it points inside, in every written form.
 */
@MicronautTest
class OutboundRequestTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void everyInternalFormIsRefusedWhereverAClientGivesAUrl() {
        OzClient admin = new OzClient(http);
        String company = (String) admin.get("/api/users/me/").body().get("company_id");
        String slug = "ssrf-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(
                200,
                admin.send(HttpRequest.PUT(
                                        "/api/companies/" + company + "/video-tenant/",
                                        Map.of("tenant_slug", slug, "credits", 1000))
                                .header(OzClient.TOKEN_HEADER, admin.token()))
                        .status());
        String key = (String)
                admin.post("/api/companies/" + company + "/api-keys/", Map.of("scopes", List.of("detection:write")))
                        .body()
                        .get("api_key");

        List<String> accepted = new ArrayList<>();
        for (String url : OutboundAddressesTest.REFUSED) {
            Reply webhook = admin.post("/api/folders/", Map.of("resolution_endpoint", url));
            if (webhook.status() != 400) {
                accepted.add("resolution_endpoint " + url + ": " + webhook.status());
            }
            Reply video = admin.send(HttpRequest.POST(
                            "/api/v1/" + slug + "/video/detect",
                            MultipartBody.builder().addPart("video_url", url).build())
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                    .header("X-API-Key", key));
            if (video.status() != 400
                    || !"invalid_video_input".equals(video.body().get("error"))) {
                accepted.add("video_url " + url + ": " + video.status() + " " + video.body());
            }
            Reply callback = admin.send(HttpRequest.POST(
                            "/v1/deepfake-detection/analyze",
                            MultipartBody.builder()
                                    .addPart("file", "a.wav", MediaType.APPLICATION_OCTET_STREAM_TYPE, new byte[] {
                                        1, 2, 3
                                    })
                                    .addPart("callback_url", url)
                                    .build())
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                    .header("x-api-key", admin.token()));
            if (callback.status() != 400) {
                accepted.add("callback_url " + url + ": " + callback.status() + " " + callback.body());
            }
        }
        assertTrue(accepted.isEmpty(), accepted.size() + " internal URLs accepted:\n" + String.join("\n", accepted));
    }
}
