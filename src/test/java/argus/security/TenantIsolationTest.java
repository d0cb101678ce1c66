package argus.security;

import static argus.OzClient.list;
import static argus.OzClient.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestAccounts;
import argus.TestJwts;
import argus.TestMedia;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Companies kept apart, as the attack checked it: every user role of company B tries every endpoint on every kind of
 * company A's objects by id (folders, media, analyses, collections, persons, images, users, the company, its
 * video-detect settings, the queued contracts' tasks), and every list filter that could name them. Each answer must
 * be the very answer given for an id that does not exist (no 2xx, no existence oracle), and A's objects must be
 * unchanged afterwards. Within company A, a CLIENT reaches no other CLIENT's folders the same way.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {
    private static final String META = "isolation-" + UUID.randomUUID();

    @Inject
    @Client("/")
    HttpClient http;

    OzClient admin;
    TestAccounts.Tenant a;
    TestAccounts.Tenant b;
    OzClient otherClientA;
    Ids ids;
    String slugA;
    String slugB;
    String keyB;

    /** Company A's objects, or (for the control) ids of nothing. */
    record Ids(
            String company,
            String folder,
            String media,
            String analysis,
            String collection,
            String person,
            String image,
            String user,
            String forgeryTask,
            String speechTask,
            String deepfake,
            String submission) {

        static Ids nothing() {
            return new Ids(
                    random(),
                    random(),
                    random(),
                    random(),
                    random(),
                    random(),
                    random(),
                    random(),
                    random(),
                    random(),
                    "da_" + random(),
                    random());
        }

        private static String random() {
            return UUID.randomUUID().toString();
        }
    }

    @BeforeAll
    void companyAHasOneOfEverything() throws Exception {
        admin = new OzClient(http);
        a = TestAccounts.tenant(http, admin, "Isolated A");
        b = TestAccounts.tenant(http, admin, "Intruding B");
        otherClientA = TestAccounts.user(http, admin, a.companyId(), "second-client@isolated-a.test", "CLIENT");
        OzClient owner = a.as("CLIENT");
        OzClient companyAdmin = a.as("CLIENT ADMIN");

        Reply folder = owner.postFolder(
                Map.of("photo1", TestMedia.file("match/df-a/img1.jpg")),
                "{\"folder:meta_data\": {\"case\": \"" + META + "\"}, \"analyses\": [{\"type\": \"quality\"}]}");
        assertEquals(201, folder.status(), folder.body().toString());
        Map<String, Object> analysis = OzClient.firstAnalysis(folder);
        String media = (String) list(folder.body().get("media")).getFirst().get("media_id");

        Reply collection = companyAdmin.post("/api/collections/", Map.of("alias", "blacklist"));
        assertEquals(201, collection.status(), collection.body().toString());
        String collectionId = (String) collection.body().get("collection_id");
        Reply person = companyAdmin.postFiles(
                "/api/collections/" + collectionId + "/persons/",
                Map.of("photo1", TestMedia.file("match/df-a/img1.jpg")),
                "{}");
        assertEquals(201, person.status(), person.body().toString());
        String image = (String) list(person.body().get("images")).getFirst().get("image_id");

        String jwt = TestJwts.hs256(owner.email(), Instant.now().getEpochSecond() + 3600, TestJwts.SECRET);
        Reply forgery = owner.send(HttpRequest.POST(
                        "/api-gateway/avf/infer",
                        MultipartBody.builder()
                                .addPart(
                                        "file",
                                        "selfie.mp4",
                                        MediaType.of("video/mp4"),
                                        TestMedia.file("video/selfie-real-3s.mp4")
                                                .toFile())
                                .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(jwt));
        assertEquals(202, forgery.status(), forgery.body().toString());
        Reply speech = owner.send(HttpRequest.POST(
                        "/api/technology/experimental/authenticity-verification",
                        MultipartBody.builder()
                                .addPart(
                                        "file",
                                        "voice.wav",
                                        MediaType.APPLICATION_OCTET_STREAM_TYPE,
                                        TestMedia.file("audio/bonafide/alsa-voices.wav")
                                                .toFile())
                                .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(owner.token()));
        assertEquals(202, speech.status(), speech.body().toString());
        Reply deepfake = owner.send(HttpRequest.POST(
                        "/v1/deepfake-detection/analyze",
                        MultipartBody.builder()
                                .addPart(
                                        "file",
                                        "face.jpg",
                                        MediaType.APPLICATION_OCTET_STREAM_TYPE,
                                        TestMedia.file("deepfake/real/" + firstFile("deepfake/real"))
                                                .toFile())
                                .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header("x-api-key", owner.token()));
        assertEquals(202, deepfake.status(), deepfake.body().toString());

        slugA = "iso-a-" + UUID.randomUUID().toString().substring(0, 6);
        slugB = "iso-b-" + UUID.randomUUID().toString().substring(0, 6);
        String keyA = tenantKey(a.companyId(), slugA);
        keyB = tenantKey(b.companyId(), slugB);
        Reply submission = owner.send(HttpRequest.POST(
                        "/api/v1/" + slugA + "/video/detect",
                        MultipartBody.builder()
                                .addPart(
                                        "video_file",
                                        "selfie.mp4",
                                        MediaType.of("video/mp4"),
                                        TestMedia.file("video/selfie-real-3s.mp4")
                                                .toFile())
                                .build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header("X-API-Key", keyA));
        assertEquals(201, submission.status(), submission.body().toString());

        ids = new Ids(
                a.companyId(),
                (String) folder.body().get("folder_id"),
                media,
                (String) analysis.get("analysis_id"),
                collectionId,
                (String) person.body().get("person_id"),
                image,
                owner.userId(),
                (String) object(object(forgery.body().get("data")).get("metadata"))
                        .get("request_id"),
                (String) object(speech.body().get("task")).get("task_id"),
                (String) deepfake.body().get("id"),
                (String) object(submission.body().get("data")).get("submission_id"));
    }

    private static String firstFile(String folder) throws Exception {
        try (var files = Files.list(TestMedia.root().resolve(folder))) {
            return files.map(p -> p.getFileName().toString())
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    private String tenantKey(String company, String slug) {
        assertEquals(
                200,
                admin.send(HttpRequest.PUT(
                                        "/api/companies/" + company + "/video-tenant/",
                                        Map.of("tenant_slug", slug, "credits", 10))
                                .header(OzClient.TOKEN_HEADER, admin.token()))
                        .status());
        return (String) admin.post(
                        "/api/companies/" + company + "/api-keys/",
                        Map.of("scopes", List.of("detection:write", "detection:read")))
                .body()
                .get("api_key");
    }

    /** One way of reaching an object by id, as a given user. */
    private Map<String, BiFunction<OzClient, Ids, Reply>> folderChecks() {
        Path photo = TestMedia.file("match/df-a/img2.jpg");
        Map<String, BiFunction<OzClient, Ids, Reply>> checks = new LinkedHashMap<>();
        checks.put("read folder", (u, i) -> u.get("/api/folders/" + i.folder() + "/"));
        checks.put("read folder with analyses", (u, i) -> u.get("/api/folders/" + i.folder() + "/?with_analyses=true"));
        checks.put("delete folder", (u, i) -> u.delete("/api/folders/" + i.folder() + "/"));
        checks.put(
                "patch folder metadata",
                (u, i) -> u.patch("/api/folders/" + i.folder() + "/meta_data/", Map.of("case", "changed")));
        checks.put(
                "post folder metadata",
                (u, i) -> u.post("/api/folders/" + i.folder() + "/meta_data/", Map.of("case", "changed")));
        checks.put(
                "start analyses",
                (u, i) -> u.post(
                        "/api/folders/" + i.folder() + "/analyses/",
                        Map.of("analyses", List.of(Map.of("type", "quality")))));
        checks.put("list folder analyses", (u, i) -> u.get("/api/folders/" + i.folder() + "/analyses/"));
        checks.put(
                "add media",
                (u, i) -> u.postFiles("/api/folders/" + i.folder() + "/media/", Map.of("photo2", photo), "{}"));
        checks.put("read media", (u, i) -> u.get("/api/folders/" + i.folder() + "/media/" + i.media() + "/"));
        checks.put(
                "patch media metadata",
                (u, i) -> u.patch(
                        "/api/folders/" + i.folder() + "/media/" + i.media() + "/meta_data/", Map.of("x", "y")));
        checks.put(
                "download media", (u, i) -> u.get("/api/folders/" + i.folder() + "/media/" + i.media() + "/original/"));
        checks.put(
                "download thumbnail",
                (u, i) -> u.get("/api/folders/" + i.folder() + "/media/" + i.media() + "/thumb/"));
        checks.put("read analysis", (u, i) -> u.get("/api/analyses/" + i.analysis() + "/"));
        checks.put(
                "patch analysis metadata",
                (u, i) -> u.patch("/api/analyses/" + i.analysis() + "/meta_data/", Map.of("x", "y")));
        return checks;
    }

    private Map<String, BiFunction<OzClient, Ids, Reply>> companyChecks() {
        Path photo = TestMedia.file("match/df-a/img2.jpg");
        Map<String, BiFunction<OzClient, Ids, Reply>> checks = new LinkedHashMap<>(folderChecks());
        String persons = "/api/collections/%s/persons/";
        checks.put("read collection", (u, i) -> u.get("/api/collections/" + i.collection() + "/"));
        checks.put("delete collection", (u, i) -> u.delete("/api/collections/" + i.collection() + "/"));
        checks.put(
                "enrol person",
                (u, i) -> u.postFiles(persons.formatted(i.collection()), Map.of("photo1", photo), "{}"));
        checks.put("list persons", (u, i) -> u.get(persons.formatted(i.collection())));
        checks.put("read person", (u, i) -> u.get(persons.formatted(i.collection()) + i.person() + "/"));
        checks.put("delete person", (u, i) -> u.delete(persons.formatted(i.collection()) + i.person() + "/"));
        checks.put(
                "add person image",
                (u, i) -> u.postFiles(
                        persons.formatted(i.collection()) + i.person() + "/images/", Map.of("photo2", photo), null));
        checks.put("list person images", (u, i) -> u.get(persons.formatted(i.collection()) + i.person() + "/images/"));
        checks.put(
                "delete person image",
                (u, i) -> u.delete(persons.formatted(i.collection()) + i.person() + "/images/" + i.image() + "/"));
        checks.put(
                "download person image",
                (u, i) ->
                        u.get(persons.formatted(i.collection()) + i.person() + "/images/" + i.image() + "/original/"));
        checks.put("read user", (u, i) -> u.get("/api/users/" + i.user() + "/"));
        checks.put("patch user", (u, i) -> u.patch("/api/users/" + i.user() + "/", Map.of("first_name", "Mallory")));
        checks.put("deactivate user", (u, i) -> u.delete("/api/users/" + i.user() + "/"));
        checks.put("read company", (u, i) -> u.get("/api/companies/" + i.company() + "/"));
        checks.put(
                "patch company",
                (u, i) -> u.patch("/api/companies/" + i.company() + "/", Map.of("name", "Mallory Inc")));
        checks.put(
                "configure video tenant",
                (u, i) -> u.send(HttpRequest.PUT(
                                "/api/companies/" + i.company() + "/video-tenant/",
                                Map.of(
                                        "tenant_slug",
                                        "mallory-"
                                                + UUID.randomUUID().toString().substring(0, 6),
                                        "credits",
                                        1000))
                        .header(OzClient.TOKEN_HEADER, u.token())));
        checks.put(
                "issue api key",
                (u, i) -> u.post(
                        "/api/companies/" + i.company() + "/api-keys/", Map.of("scopes", List.of("detection:read"))));
        checks.put(
                "read forgery task",
                (u, i) -> u.send(HttpRequest.GET("/api-gateway/avf/status/" + i.forgeryTask())
                        .bearerAuth(TestJwts.hs256(u.email(), Instant.now().getEpochSecond() + 600, TestJwts.SECRET))));
        checks.put(
                "read speech task",
                (u, i) -> u.send(HttpRequest.GET("/api/technology/authenticity-verification/" + i.speechTask())
                        .bearerAuth(u.token())));
        checks.put(
                "read deepfake analysis",
                (u, i) -> u.send(HttpRequest.GET("/v1/deepfake-detection/" + i.deepfake())
                        .header("x-api-key", u.token())));
        checks.put(
                "read submission under own tenant",
                (u, i) -> u.send(HttpRequest.GET("/api/v1/" + slugB + "/video/detect/" + i.submission())
                        .header("X-API-Key", keyB)));
        checks.put(
                "read submission under A's tenant",
                (u, i) -> u.send(HttpRequest.GET("/api/v1/" + slugA + "/video/detect/" + i.submission())
                        .header("X-API-Key", keyB)));
        return checks;
    }

    /** Runs every check with A's ids and with ids of nothing; they must answer alike, and never 2xx. */
    private List<String> breaches(OzClient attacker, String who, Map<String, BiFunction<OzClient, Ids, Reply>> checks) {
        List<String> breaches = new ArrayList<>();
        Ids nothing = Ids.nothing();
        for (var check : checks.entrySet()) {
            Reply real = check.getValue().apply(attacker, ids);
            Reply control = check.getValue().apply(attacker, nothing);
            boolean same = real.status() == control.status()
                    && String.valueOf(real.body().get("error_code"))
                            .equals(String.valueOf(control.body().get("error_code")))
                    && String.valueOf(real.body().get("error"))
                            .equals(String.valueOf(control.body().get("error")));
            if (real.status() / 100 == 2 || !same) {
                breaches.add("%s: %s answered %d %s (an unknown id: %d %s)"
                        .formatted(who, check.getKey(), real.status(), real.body(), control.status(), control.body()));
            }
        }
        return breaches;
    }

    @Test
    void noUserOfAnotherCompanyReachesAnyObjectById() {
        List<String> breaches = new ArrayList<>();
        int checks = 0;
        for (String role : TestAccounts.CLIENT_ROLES) {
            breaches.addAll(breaches(b.as(role), "B's " + role, companyChecks()));
            checks += companyChecks().size();
        }
        breaches.addAll(breaches(otherClientA, "another CLIENT of A", folderChecks()));
        checks += folderChecks().size();
        assertTrue(
                breaches.isEmpty(),
                breaches.size() + " of " + checks + " checks reached A's objects:\n" + String.join("\n", breaches));
        assertTrue(checks >= 150, checks + " checks");
        assertUntouched();
    }

    private void assertUntouched() {
        OzClient owner = a.as("CLIENT");
        Reply folder = owner.getFolder(ids.folder());
        assertEquals(200, folder.status());
        assertEquals(META, object(folder.body().get("meta_data")).get("case"));
        assertEquals(1, list(folder.body().get("media")).size());
        assertEquals(
                200,
                owner.get("/api/folders/" + ids.folder() + "/media/" + ids.media() + "/original/")
                        .status());
        OzClient companyAdmin = a.as("CLIENT ADMIN");
        assertEquals(
                1,
                list(companyAdmin
                                .get("/api/collections/" + ids.collection() + "/persons/" + ids.person() + "/")
                                .body()
                                .get("images"))
                        .size());
        assertEquals(200, owner.get("/api/users/me/").status());
        assertFalse("Mallory".equals(owner.get("/api/users/me/").body().get("first_name")));
        assertEquals(
                "Isolated A",
                companyAdmin.get("/api/companies/" + ids.company() + "/").body().get("name"));
    }

    @Test
    void noListFilterNamesAnotherCompanysObjects() {
        List<String> leaks = new ArrayList<>();
        List<String> secrets =
                List.of(ids.folder(), ids.user(), ids.collection(), ids.person(), META, "isolated-a.test");
        int checks = 0;
        for (String role : TestAccounts.CLIENT_ROLES) {
            OzClient attacker = b.as(role);
            for (String query : List.of(
                    "/api/folders/?company_id=" + ids.company(),
                    "/api/folders/?user_id=" + ids.user(),
                    "/api/folders/?meta_data.case=" + META,
                    "/api/folders/?with_analyses=true&limit=100",
                    "/api/folders/?company_id=" + ids.company() + "&with_analyses=true&system_resolution=SUCCESS",
                    "/api/users/?search_text=isolated-a",
                    "/api/users/?limit=100",
                    "/api/companies/?search_text=Isolated",
                    "/api/collections/",
                    "/api/collections/?limit=100")) {
                checks++;
                Reply reply = attacker.get(query);
                String body = reply.body().toString();
                secrets.stream()
                        .filter(body::contains)
                        .forEach(secret -> leaks.add("B's %s: %s revealed %s".formatted(role, query, secret)));
            }
        }
        for (String query : List.of(
                "/api/folders/?user_id=" + ids.user(),
                "/api/folders/?meta_data.case=" + META,
                "/api/folders/?limit=100")) {
            checks++;
            if (otherClientA.get(query).body().toString().contains(ids.folder())) {
                leaks.add("another CLIENT of A: " + query + " revealed the folder");
            }
        }
        assertTrue(
                leaks.isEmpty(), leaks.size() + " of " + checks + " list queries leaked:\n" + String.join("\n", leaks));
        assertTrue(
                a.as("CLIENT ADMIN")
                        .get("/api/folders/?meta_data.case=" + META)
                        .body()
                        .toString()
                        .contains(ids.folder()),
                "the filter itself works for those who may see the folder");
    }

    @Test
    void aBlacklistSearchNeverMatchesAnotherCompanysPersons() {
        for (String role : List.of("CLIENT", "CLIENT ADMIN", "CLIENT SERVICE")) {
            OzClient intruder = b.as(role);
            Reply anyCollection = intruder.postFolder(
                    Map.of("photo1", TestMedia.file("match/df-a/img2.jpg")),
                    "{\"analyses\": [{\"type\": \"blacklist\"}]}");
            assertEquals(201, anyCollection.status(), anyCollection.body().toString());
            assertFalse(anyCollection.body().toString().contains(ids.person()), role + ": " + anyCollection.body());
            Reply named = intruder.postFolder(
                    Map.of("photo1", TestMedia.file("match/df-a/img2.jpg")),
                    "{\"analyses\": [{\"type\": \"collection\", \"params\": {\"collection_id\": \"" + ids.collection()
                            + "\"}}]}");
            assertFalse(named.body().toString().contains(ids.person()), role + ": " + named.body());
            boolean refused = named.status() / 100 == 4;
            assertTrue(
                    refused || !"DECLINED".equals(named.body().get("system_resolution")),
                    "naming A's collection finds nothing: " + named.body());
        }
        Reply own = a.as("CLIENT")
                .postFolder(
                        Map.of("photo1", TestMedia.file("match/df-a/img2.jpg")),
                        "{\"analyses\": [{\"type\": \"blacklist\"}]}");
        assertTrue(
                own.body().toString().contains(ids.person()),
                "the company's own search finds its person: " + own.body());
    }
}
