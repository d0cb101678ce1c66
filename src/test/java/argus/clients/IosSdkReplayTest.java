package argus.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.TestAccounts;
import argus.TestMedia;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Oz iOS liveness SDK's {@code OZRequestManager.swift} (OZLiveness, public on GitHub), in its 2019 version
 * (Alamofire 4: record, upload, start liveness, poll the analysis) and its later version with the document
 * extension (Alamofire 5: find the "blacklist" collection, upload a selfie video with both sides of an ID, start
 * quality, documents, biometry and collection, poll the folder). What the SDK sends, replayed byte for byte:
 * <ul>
 * <li>every call declares {@code Content-Type: application/x-www-form-urlencoded}, even those whose body is JSON
 * (Alamofire's JSON encoding keeps a content type already set);</li>
 * <li>paths without the trailing slash ({@code /api/authorize/auth}, {@code /api/folders/{id}/analyses},
 * {@code /api/analyses/{id}}, {@code /api/collections}) and the folder upload to {@code /api/folders/?};</li>
 * <li>the {@code payload} part has neither a file name nor a content type, and is pretty-printed JSON; file parts are
 * named {@code video_0}, {@code photo_document_front}... with the file's own name and the MIME type of its extension;</li>
 * <li>analysis types in lower case, {@code liveness} among them; {@code source_media} of the collection check inside
 * its {@code params}.</li>
 * </ul>
 * Answers are read as the SDK reads them: an object or the last element of an array; {@code analyse_id},
 * {@code resolution} and {@code resolution_status} parsed into its enum (INITIAL, PROCESSING, FAILED, FINISHED,
 * DECLINED, SUCCESS, OPERATOR_REQUIRED), {@code media[].media_type}/{@code tags}, {@code collection.alias}.
 */
@MicronautTest
class IosSdkReplayTest extends ClientReplay {
    private static final Set<String> RESOLUTIONS =
            Set.of("INITIAL", "PROCESSING", "FAILED", "FINISHED", "DECLINED", "SUCCESS", "OPERATOR_REQUIRED");
    private static final String FORM = "application/x-www-form-urlencoded";

    Wire wire;
    String email;

    @BeforeEach
    void account() {
        wire = wire();
        email = account(company("iOS bank"), "ios", "CLIENT ADMIN");
    }

    private Map<String, String> headers(String token) {
        return token == null
                ? Wire.headers("Content-Type", FORM)
                : Wire.headers("Content-Type", FORM, "X-Forensic-Access-Token", token);
    }

    /** {@code login(_:password:)}: the token, or the {@code error_message} shown to the user. */
    private String login(String password) {
        Wire.Answer answer = wire.send(
                "POST",
                "/api/authorize/auth",
                headers(null),
                "{\"credentials\":{\"password\":\"" + password + "\",\"email\":\"" + email + "\"}}");
        Map<String, Object> dict = answer.object();
        if (dict.get("access_token") instanceof String token && !token.isBlank()) {
            return token;
        }
        assertTrue(dict.get("error_message") instanceof String, answer.text());
        return null;
    }

    /** {@code parse(data:)}: a dictionary, or the last element of an array. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Wire.Answer answer) {
        Object parsed = answer.parsed();
        if (parsed instanceof Map<?, ?> dict) {
            return (Map<String, Object>) dict;
        }
        if (parsed instanceof List<?> array && !array.isEmpty() && array.getLast() instanceof Map<?, ?> last) {
            return (Map<String, Object>) last;
        }
        return null;
    }

    private static String payload(Map<String, List<String>> tags) {
        StringBuilder media = new StringBuilder();
        tags.forEach((key, list) -> media.append(media.isEmpty() ? "" : ",\n")
                .append("    \"")
                .append(key)
                .append("\" : [\n      \"")
                .append(String.join("\",\n      \"", list))
                .append("\"\n    ]"));
        return "{\n  \"media:tags\" : {\n" + media + "\n  },\n  \"folder:meta_data\" : {\n    \"phone_info\" : {\n"
                + "      \"manufacturer\" : \"Apple\",\n      \"model\" : \"iPhone 12\",\n      \"device\" : \"iPhone 12\",\n"
                + "      \"os_version\" : \"17.4\",\n      \"version_liveness_sdk\" : \"8.6.0\"\n    }\n  }\n}";
    }

    @Test
    void theSdkOf2019RecordsUploadsAndPollsTheAnalysis() {
        assertEquals(null, login("not-the-password"));
        String token = login(TestAccounts.PASSWORD);
        assertNotNull(token);

        Wire.Multipart upload = Wire.Multipart.of(
                "alamofire." + Long.toHexString(System.nanoTime()),
                List.of(
                        Wire.Part.file(
                                "video_0", "video_0.mp4", "video/mp4", TestMedia.file("video/selfie-real-3s.mp4")),
                        Wire.Part.text(
                                "payload",
                                payload(Map.of(
                                        "video_0",
                                        List.of("video_selfie", "video_selfie_left", "orientation_portrait"))))));
        Wire.Answer created = wire.multipart("POST", "/api/folders/?", headers(token), upload);
        assertTrue(created.ok(), created.text());
        String folderId = (String) created.object().get("folder_id");
        assertNotNull(folderId);

        Wire.Answer started = wire.send(
                "POST",
                "/api/folders/" + folderId + "/analyses",
                headers(token),
                "{\"analyses\":[{\"type\":\"liveness\"},{\"type\":\"quality\"}]}");
        assertTrue(started.ok(), started.text());
        Map<String, Object> answer = parse(started);
        String analyseId = (String) answer.get("analyse_id");
        String resolution = (String) answer.get("resolution");
        assertTrue(Set.of("PROCESSING", "INITIAL").contains(resolution), started.text());

        Wire.Answer polled = Wire.poll(
                () -> wire.send("GET", "/api/analyses/" + analyseId, headers(token), (String) null),
                a -> !Set.of("PROCESSING", "INITIAL").contains(parse(a).get("resolution")),
                1000);
        assertEquals("SUCCESS", parse(polled).get("resolution"), polled.text());
    }

    @Test
    void theSdkWithDocumentsRunsEveryCheckAndReadsTheFolder() {
        OzClient clientAdmin = new OzClient(http, email, TestAccounts.PASSWORD);
        assertEquals(
                201,
                clientAdmin
                        .post("/api/collections/", Map.of("alias", "blacklist"))
                        .status());
        String token = login(TestAccounts.PASSWORD);

        Wire.Answer collections = wire.send("GET", "/api/collections", headers(token), (String) null);
        assertTrue(collections.ok(), collections.text());
        String collectionId = collections.array().stream()
                .filter(c -> "blacklist".equals(c.get("alias")))
                .map(c -> (String) c.get("collection_id"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(collections.text()));

        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put("photo_document_front", List.of("photo_id_front"));
        tags.put("photo_document_back", List.of("photo_id_back"));
        tags.put("video_0", List.of("video_selfie", "video_selfie_left", "orientation_portrait"));
        Wire.Multipart upload = Wire.Multipart.of(
                "alamofire." + Long.toHexString(System.nanoTime()),
                List.of(
                        Wire.Part.file(
                                "photo_document_front",
                                "front.jpg",
                                "image/jpeg",
                                TestMedia.file("liveness/real/tv-real-02.jpg")),
                        Wire.Part.file(
                                "photo_document_back",
                                "back.jpg",
                                "image/jpeg",
                                TestMedia.file("nonface/building.jpg")),
                        Wire.Part.file(
                                "video_0",
                                "video_0.mov",
                                "video/quicktime",
                                TestMedia.file("video/selfie-real-3s.mp4")),
                        Wire.Part.text("payload", payload(tags))));
        Wire.Answer created = wire.multipart("POST", "/api/folders/?", headers(token), upload);
        assertTrue(created.ok(), created.text());
        Map<String, Object> dict = created.object();
        List<String> photoIds = new ArrayList<>();
        List<String> videoIds = new ArrayList<>();
        String frontId = null;
        for (Map<String, Object> media : OzClient.list(dict.get("media"))) {
            String id = (String) media.get("media_id");
            if ("IMAGE_FOLDER".equals(media.get("media_type"))) {
                if (((List<?>) media.get("tags")).contains("photo_id_front")) {
                    frontId = id;
                }
                photoIds.add(id);
            } else if ("VIDEO_FOLDER".equals(media.get("media_type"))) {
                videoIds.add(id);
            }
        }
        assertEquals(2, photoIds.size(), created.text());
        assertEquals(1, videoIds.size(), created.text());
        assertNotNull(frontId);
        String folderId = (String) dict.get("folder_id");

        List<String> biometrySources = new ArrayList<>(videoIds);
        biometrySources.add(frontId);
        String body = "{\"analyses\":[{\"type\":\"quality\",\"source_media\":" + ids(videoIds) + "},"
                + "{\"type\":\"documents\",\"source_media\":" + ids(photoIds) + ",\"params\":{\"capabilities\":492}},"
                + "{\"type\":\"biometry\",\"source_media\":" + ids(biometrySources) + "},"
                + "{\"type\":\"collection\",\"params\":{\"collection_id\":\"" + collectionId
                + "\",\"decision_count\":10,"
                + "\"decision_threshold\":0.7,\"source_media\":" + ids(biometrySources) + "}}]}";
        Wire.Answer started = wire.send("POST", "/api/folders/" + folderId + "/analyses", headers(token), body);
        assertTrue(started.ok(), started.text());
        assertTrue(RESOLUTIONS.contains(parse(started).get("resolution")), started.text());

        Wire.Answer folder = Wire.poll(
                () -> wire.send(
                        "GET", "/api/folders/" + folderId + "?with_analyses=true", headers(token), (String) null),
                a -> OzClient.list(parse(a).get("analyses")).stream()
                        .noneMatch(x -> Set.of("PROCESSING", "INITIAL").contains(x.get("resolution_status"))),
                1000);
        Map<String, Object> answer = parse(folder);
        assertTrue(RESOLUTIONS.contains(answer.get("resolution_status")), folder.text());
        Map<String, String> resolutions = new LinkedHashMap<>();
        for (Map<String, Object> analysis : OzClient.list(answer.get("analyses"))) {
            String type = (String) analysis.get("type");
            String status = (String) analysis.get("resolution_status");
            assertTrue(RESOLUTIONS.contains(status), analysis.toString());
            if ("COLLECTION".equals(type)) {
                type += " [" + OzClient.object(analysis.get("collection")).get("alias") + "]";
            }
            resolutions.put(type, status);
        }
        assertEquals(
                Map.of(
                        "QUALITY",
                        "SUCCESS",
                        "DOCUMENTS",
                        "FAILED",
                        "BIOMETRY",
                        "SUCCESS",
                        "COLLECTION [blacklist]",
                        "SUCCESS"),
                resolutions,
                folder.text());
        Map<String, Object> documents = OzClient.list(answer.get("analyses")).stream()
                .filter(a -> "DOCUMENTS".equals(a.get("type")))
                .findFirst()
                .orElseThrow();
        assertEquals(2, ((Number) documents.get("error_code")).intValue(), documents.toString());
        assertFalse(((String) documents.get("error_message")).isBlank());
    }

    private static String ids(List<String> ids) {
        return ids.stream()
                .map(id -> "\"" + id + "\"")
                .reduce((a, b) -> a + "," + b)
                .map(s -> "[" + s + "]")
                .orElse("[]");
    }
}
