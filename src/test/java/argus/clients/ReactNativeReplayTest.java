package argus.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.TestAccounts;
import argus.TestMedia;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * React Native upload helpers calling Oz directly with {@code fetch} (two revisions of one app's {@code api.js}), and a
 * browser helper of the same kind that posts JSON where files belong. What they send:
 * <ul>
 * <li>{@code fetch} with a {@code FormData} body and no Content-Type of their own, so the runtime sets the multipart
 * boundary; the payload as a plain text part; {@code formData.append('media_key1')} with no value, which React
 * Native sends as a text part {@code "undefined"} while the payload still tags {@code media_key1};</li>
 * <li>two parts with the same file name; a media with no tags at all;</li>
 * <li>{@code biometry} with {@code params.threshold_min}/{@code threshold_max} (kept as sent) and no source media;</li>
 * <li>a GET of {@code /api/analyses/{id}} (no trailing slash) declaring {@code Content-Type: application/json}.</li>
 * </ul>
 * The browser helper posts {@code JSON.stringify({media_key1: "", media_key2: ""})} with no Content-Type, so
 * {@code fetch} labels it {@code text/plain}: creating the folder works (a folder may start empty); adding "media" that
 * way carries no file and gets a clear 400 with Oz's numeric code, which the helper shows as its error text.
 */
@MicronautTest
class ReactNativeReplayTest extends ClientReplay {
    private static final String VIDEO = "video/selfie-real-3s.mp4";
    private static final String PHOTO = "liveness/real/tv-real-02.jpg";

    Wire wire;
    String email;

    @BeforeEach
    void account() {
        wire = wire();
        email = account(company("Mobile app"), "service", "CLIENT SERVICE");
    }

    /** {@code authorize()}: the raw text is logged and parsed; a non-2xx answer is thrown as its text. */
    private String authorize() {
        Wire.Answer answer = wire.send(
                "POST",
                "/api/authorize/auth",
                Wire.headers("Content-Type", "application/json", "Accept", "application/json"),
                "{\"credentials\":{\"email\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}}");
        assertTrue(answer.ok(), answer.text());
        return (String) answer.object().get("access_token");
    }

    private static Map<String, String> fetchHeaders(String token) {
        return Wire.headers("X-Forensic-Access-Token", token, "Accept", "application/json");
    }

    private static Wire.Multipart formData(List<Wire.Part> parts) {
        return Wire.Multipart.of("rn-formdata-" + Long.toHexString(System.nanoTime()), parts);
    }

    private Map<String, Object> awaitAnalysis(String token, String analyseId) {
        Wire.Answer answer = Wire.poll(
                () -> wire.send(
                        "GET",
                        "/api/analyses/" + analyseId,
                        Wire.headers(
                                "X-Forensic-Access-Token",
                                token,
                                "Accept",
                                "application/json",
                                "Content-Type",
                                "application/json"),
                        (String) null),
                a -> !"PROCESSING".equals(a.object().get("resolution")),
                500);
        assertTrue(answer.ok(), answer.text());
        return answer.object();
    }

    /** The first revision: folder from an empty video field and a photo, a second photo added, biometry by tags. */
    @Test
    void theFirstRevisionUploadsAddsAndComparesPhotos() {
        String token = authorize();
        String payload =
                "{\"media:meta_data\":{\"media_key1\":{\"source\":\"mobile\"},\"media_key2\":{\"source\":\"mobile\"}},"
                        + "\"media:tags\":{\"media_key1\":[\"video_selfie\",\"video_selfie_blank\",\"orientation_portrait\"],\"media_key2\":[\"photo_selfie\"]}}";
        Wire.Answer folder = wire.multipart(
                "POST",
                "/api/folders/",
                fetchHeaders(token),
                formData(List.of(
                        Wire.Part.text("media_key1", "undefined"),
                        Wire.Part.file("media_key2", "selfie_photo.jpg", "image/jpeg", TestMedia.file(PHOTO)),
                        Wire.Part.text("payload", payload))));
        assertTrue(folder.ok(), folder.text());
        String folderId = (String) folder.object().get("folder_id");
        List<Map<String, Object>> media = OzClient.list(folder.object().get("media"));
        assertEquals(1, media.size(), folder.text());
        assertEquals(List.of("photo_selfie"), media.getFirst().get("tags"));
        assertEquals(Map.of("source", "mobile"), media.getFirst().get("meta_data"));

        Wire.Answer added = wire.multipart(
                "POST",
                "/api/folders/" + folderId + "/media/",
                fetchHeaders(token),
                formData(
                        List.of(
                                Wire.Part.file("media_key1", "selfie_photo.jpg", "image/jpeg", TestMedia.file(VIDEO)),
                                Wire.Part.file("media_key2", "selfie_photo.jpg", "image/jpeg", TestMedia.file(PHOTO)),
                                Wire.Part.text(
                                        "payload",
                                        "{\"media:meta_data\":{\"media_key2\":{\"source\":\"mobile\"}},\"media:tags\":{\"media_key2\":[\"photo_selfie\"]}}"))));
        assertTrue(added.ok(), added.text());
        assertEquals(2, added.array().size());
        assertEquals(List.of(), added.array().getFirst().get("tags"));
        assertEquals(
                "VIDEO_FOLDER",
                added.array().getFirst().get("media_type"),
                "the type comes from the content, not the name");

        Wire.Answer started = wire.send(
                "POST",
                "/api/folders/" + folderId + "/analyses/",
                Wire.headers(
                        "X-Forensic-Access-Token",
                        token,
                        "Accept",
                        "application/json",
                        "Content-Type",
                        "application/json"),
                "{\"analyses\":[{\"type\":\"biometry\",\"params\":{\"threshold_min\":0.75,\"threshold_max\":0.85}}]}");
        assertTrue(started.ok(), started.text());
        Map<String, Object> analysis =
                awaitAnalysis(token, (String) started.array().getFirst().get("analyse_id"));
        assertEquals("SUCCESS", analysis.get("resolution"), analysis.toString());
        assertEquals(3, OzClient.list(analysis.get("source_media")).size());
        assertEquals(Map.of("threshold_min", 0.75, "threshold_max", 0.85), analysis.get("params"));
    }

    /** The second revision: an empty folder is given the video and the photo, with metadata for both. */
    @Test
    void theSecondRevisionAddsAVideoAndAPhoto() {
        String token = authorize();
        String folderId = (String) new OzClient(http, email, TestAccounts.PASSWORD)
                .post("/api/folders/", "{}")
                .body()
                .get("folder_id");
        Wire.Answer added = wire.multipart(
                "POST",
                "/api/folders/" + folderId + "/media/",
                Wire.headers("X-Forensic-Access-Token", token),
                formData(List.of(
                        Wire.Part.file("media_key1", "video_selfie.mp4", "video/mp4", TestMedia.file(VIDEO)),
                        Wire.Part.file("media_key2", "photo_selfie.jpg", "image/jpeg", TestMedia.file(PHOTO)),
                        Wire.Part.text(
                                "payload",
                                "{\"media:meta_data\":{\"media_key1\":{\"foo\":\"bar2\"},\"media_key2\":{\"foo2\":\"bar3\"}},"
                                        + "\"media:tags\":{\"media_key1\":[\"video_selfie\",\"video_selfie_blank\",\"orientation_portrait\"],"
                                        + "\"media_key2\":[\"photo_selfie\"]}}"))));
        assertTrue(added.ok(), added.text());
        assertEquals(
                List.of("VIDEO_FOLDER", "IMAGE_FOLDER"),
                added.array().stream().map(m -> m.get("media_type")).toList());
        assertEquals(Map.of("foo", "bar2"), added.array().getFirst().get("meta_data"));
    }

    /** The browser helper that posts JSON bodies with no Content-Type, which {@code fetch} sends as text/plain. */
    @Test
    void theJsonPostingHelperCreatesAFolderAndIsToldWhereTheFilesGo() {
        String token = authorize();
        Map<String, String> headers = Wire.headers(
                "X-Forensic-Access-Token",
                token,
                "Accept",
                "application/json",
                "Content-Type",
                "text/plain;charset=UTF-8");
        Wire.Answer folder = wire.send("POST", "/api/folders/", headers, "{\"media_key1\":\"\",\"media_key2\":\"\"}");
        assertTrue(folder.ok(), folder.text());
        String folderId = (String) folder.object().get("folder_id");
        assertEquals(List.of(), folder.object().get("media"));

        Wire.Answer media = wire.send(
                "POST",
                "/api/folders/" + folderId + "/media/",
                headers,
                "{\"media_key1\":\"\",\"media_key2\":\"file:///data/user/0/app/cache/photo.jpg\"}");
        assertEquals(400, media.status(), media.text());
        assertEquals(3, ((Number) media.object().get("error_code")).intValue(), media.text());
        assertEquals(
                "MISSING_MEDIA", OzClient.object(media.object().get("details")).get("reason"));
        assertTrue(((String) media.object().get("error_message")).contains("multipart/form-data"));
    }
}
