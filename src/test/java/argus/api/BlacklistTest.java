package argus.api;

import static argus.OzClient.firstAnalysis;
import static argus.OzClient.firstResult;
import static argus.OzClient.list;
import static argus.OzClient.number;
import static argus.OzClient.object;
import static org.bytedeco.opencv.global.opencv_core.hconcat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Blacklist collections and the BLACKLIST analysis, through the HTTP API, on the shared photos. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlacklistTest {
    private static final String BLACKLIST = "{\"analyses\": [{\"type\": \"blacklist\"}]}";

    @Inject
    @Client("/")
    HttpClient http;

    @TempDir
    Path temp;

    OzClient admin;
    String collection;
    String person;

    @BeforeAll
    void enrol() {
        admin = new OzClient(http);
        Reply created = admin.post("/api/collections/", Map.of("alias", "known fraudsters"));
        assertEquals(201, created.status(), created.body().toString());
        collection = (String) created.body().get("collection_id");
        Reply enrolled = admin.postFiles(
                "/api/collections/" + collection + "/persons/",
                Map.of("photo1", TestMedia.file("match/df-a/img1.jpg")),
                "{\"person:meta_data\": {\"person_info\": {\"first_name\": \"Known\"}}}");
        assertEquals(201, enrolled.status(), enrolled.body().toString());
        person = (String) enrolled.body().get("person_id");
        assertEquals(1, list(enrolled.body().get("images")).size());
        assertEquals(
                "Known",
                object(object(enrolled.body().get("meta_data")).get("person_info"))
                        .get("first_name"));
    }

    @Test
    void theEnrolledPersonIsFoundAndStrangersAreNot() {
        Reply same = admin.postFolder(Map.of("photo1", TestMedia.file("match/df-a/img2.jpg")), BLACKLIST);
        assertEquals(201, same.status(), same.body().toString());
        assertEquals("DECLINED", firstAnalysis(same).get("resolution"));
        assertEquals("BLACKLIST", firstAnalysis(same).get("type"));
        Map<String, Object> data = object(firstResult(same).get("results_data"));
        Map<String, Object> best = list(data.get("matches")).getFirst();
        assertEquals(person, best.get("person_id"));
        assertEquals(collection, best.get("collection_id"));
        assertTrue(number(best.get("confidence")) >= 0.85, best.toString());

        for (String stranger : List.of("match/df-b/img3.jpg", "match/df-c/img13.jpg", "match/df-e/img24.jpg")) {
            Reply other = admin.postFolder(Map.of("photo1", TestMedia.file(stranger)), BLACKLIST);
            assertEquals("SUCCESS", firstAnalysis(other).get("resolution"), stranger);
            assertTrue(number(object(firstResult(other).get("results_data")).get("max_confidence")) < 0.85, stranger);
        }
    }

    @Test
    void morePhotosOfAPersonCanBeAddedAndDownloaded() throws Exception {
        Reply added = admin.postFiles(
                "/api/collections/" + collection + "/persons/" + person + "/images/",
                Map.of("photo2", TestMedia.file("match/df-a/img4.jpg")),
                null);
        assertEquals(201, added.status(), added.body().toString());
        String url = (String) list(added.body().get("items")).getFirst().get("original_url");
        assertArrayEquals(
                Files.readAllBytes(TestMedia.file("match/df-a/img4.jpg")),
                admin.download(url, admin.token()).body());
        assertEquals(
                2,
                list(admin.get("/api/collections/" + collection + "/persons/" + person + "/")
                                .body()
                                .get("images"))
                        .size());
        assertEquals(
                1,
                number(admin.get("/api/collections/" + collection + "/").body().get("persons_count")));
    }

    @Test
    void photosWithoutExactlyOneFaceAreRefused() throws Exception {
        Reply noFace = admin.postFiles(
                "/api/collections/" + collection + "/persons/",
                Map.of("photo1", TestMedia.file("nonface/fruits.jpg")),
                "{}");
        assertEquals(400, noFace.status());
        assertEquals("NO_FACE_DETECTED", noFace.errorCode());

        Reply twoFaces =
                admin.postFiles("/api/collections/" + collection + "/persons/", Map.of("photo1", twoPeople()), "{}");
        assertEquals(400, twoFaces.status());
        assertEquals("MULTIPLE_FACES", twoFaces.errorCode());

        Reply video = admin.postFiles(
                "/api/collections/" + collection + "/persons/",
                Map.of("video1", TestMedia.file("video/selfie-real-3s.mp4")),
                "{}");
        assertEquals(415, video.status());
        assertEquals(
                400,
                admin.postFiles("/api/collections/" + collection + "/persons/", Map.of(), "{}")
                        .status());
    }

    /** Two different people side by side in one picture. */
    private Path twoPeople() throws Exception {
        Mat left = imread(TestMedia.file("match/df-a/img2.jpg").toString());
        Mat right = imread(TestMedia.file("match/df-b/img3.jpg").toString());
        Mat leftSized = new Mat();
        Mat rightSized = new Mat();
        resize(left, leftSized, new Size(600, 800));
        resize(right, rightSized, new Size(600, 800));
        Mat both = new Mat();
        hconcat(new MatVector(leftSized, rightSized), both);
        try (BytePointer jpeg = new BytePointer()) {
            imencode(".jpg", both, jpeg);
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return Files.write(temp.resolve("two.jpg"), bytes);
        }
    }

    @Test
    void anotherCompanyNeitherSeesNorMatchesTheCollection() {
        String company = (String) admin.post("/api/companies/", Map.of("name", "Other bank"))
                .body()
                .get("company_id");
        assertEquals(
                201,
                admin.post(
                                "/api/users/",
                                Map.of(
                                        "email",
                                        "other@bank.test",
                                        "password",
                                        "other-password",
                                        "company_id",
                                        company,
                                        "user_type",
                                        "CLIENT ADMIN"))
                        .status());
        OzClient other = new OzClient(http, "other@bank.test", "other-password");
        assertEquals(404, other.get("/api/collections/" + collection + "/").status());
        assertEquals(
                404,
                other.get("/api/collections/" + collection + "/persons/" + person + "/")
                        .status());
        assertEquals(0, other.get("/api/collections/").total());
        Reply search = other.postFolder(Map.of("photo1", TestMedia.file("match/df-a/img2.jpg")), BLACKLIST);
        assertEquals("SUCCESS", firstAnalysis(search).get("resolution"));
        assertEquals(List.of(), object(firstResult(search).get("results_data")).get("matches"));
    }

    @Test
    void aRemovedPersonIsNoLongerFound() {
        Reply enrolled = admin.postFiles(
                "/api/collections/" + collection + "/persons/",
                Map.of("photo1", TestMedia.file("match/df-d/img20.jpg")),
                "{}");
        String removed = (String) enrolled.body().get("person_id");
        assertEquals(
                "DECLINED",
                firstAnalysis(admin.postFolder(Map.of("photo1", TestMedia.file("match/df-d/img21.jpg")), BLACKLIST))
                        .get("resolution"));
        assertEquals(
                204,
                admin.delete("/api/collections/" + collection + "/persons/" + removed + "/")
                        .status());
        assertEquals(
                "SUCCESS",
                firstAnalysis(admin.postFolder(Map.of("photo1", TestMedia.file("match/df-d/img21.jpg")), BLACKLIST))
                        .get("resolution"));
        assertEquals(
                404,
                admin.get("/api/collections/" + collection + "/persons/" + removed + "/")
                        .status());
    }

    @Test
    void theBestShotOfAVideoFeedsALaterBiometry() throws InterruptedException {
        Reply folder = admin.postFolder(
                Map.of(
                        "video1",
                        TestMedia.file("video/selfie-real-3s.mp4"),
                        "photo1",
                        TestMedia.file("liveness/real/tv-real-02.jpg")),
                "{\"media:tags\": {\"photo1\": [\"photo_selfie\"]}, \"analyses\": [{\"type\": \"quality\", \"params\": {\"extract_best_shot\": true}}]}");
        String folderId = (String) folder.body().get("folder_id");
        String bestShot = (String) list(list(firstAnalysis(folder).get("results_media")).stream()
                        .filter(r -> !list(r.get("output_images")).isEmpty())
                        .findFirst()
                        .orElseThrow()
                        .get("output_images"))
                .getFirst()
                .get("media_id");
        String photo = list(folder.body().get("media")).stream()
                .filter(m -> "IMAGE_FOLDER".equals(m.get("media_type")))
                .map(m -> (String) m.get("media_id"))
                .findFirst()
                .orElseThrow();

        Reply started = admin.post(
                "/api/folders/" + folderId + "/analyses/",
                "{\"analyses\": [{\"type\": \"biometry\", \"source_media\": [\"" + bestShot + "\", \"" + photo
                        + "\"]}, {\"type\": \"blacklist\"}]}");
        assertEquals(201, started.status(), started.body().toString());
        String biometry = (String) list(started.body().get("items")).getFirst().get("analysis_id");
        Map<String, Object> result = Map.of();
        for (int i = 0; i < 200 && !"FINISHED".equals(result.get("state")); i++) {
            Thread.sleep(100);
            result = admin.get("/api/analyses/" + biometry + "/").body();
        }
        assertEquals("SUCCESS", result.get("resolution"), result.toString());
        assertEquals(
                List.of(bestShot, photo),
                list(result.get("source_media")).stream()
                        .map(m -> m.get("media_id"))
                        .toList());
        String blacklist = (String) list(started.body().get("items")).get(1).get("analysis_id");
        List<Map<String, Object>> blacklistSources =
                list(admin.get("/api/analyses/" + blacklist + "/").body().get("source_media"));
        assertEquals(2, blacklistSources.size(), "a best shot is analysed only when named");
    }
}
