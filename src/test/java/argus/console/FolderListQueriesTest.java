package argus.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.OzClient;
import argus.TestAccounts;
import argus.TestMedia;
import argus.api.RequestIdFilter;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A page of folders costs the same number of database queries whether it shows two folders or ten: the folders' media,
 * analyses and decisions are read for the whole page at once, in the console and in the API.
 */
@MicronautTest
class FolderListQueriesTest {
    /** Micronaut Data logs every statement it runs here, at DEBUG. */
    private static final String QUERY_LOG = "io.micronaut.data.query";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    private final java.net.http.HttpClient web = java.net.http.HttpClient.newHttpClient();

    @Test
    void aPageOfFoldersIsAFixedNumberOfQueries() throws Exception {
        OzClient admin = new OzClient(http);
        String company = TestAccounts.company(admin, "Query Count Bank");
        OzClient analyst = TestAccounts.user(http, admin, company, "analyst@queries.test", "CLIENT OPERATOR");
        OzClient backend = TestAccounts.user(http, admin, company, "backend@queries.test", "CLIENT");
        String cookie = signIn(analyst.email());
        addFolders(backend, 2);

        long consoleFew = queries("/console/folders", Map.of("Cookie", cookie));
        long apiFew = queries(
                "/api/folders/?with_analyses=true&limit=25", Map.of("X-Forensic-Access-Token", analyst.token()));
        addFolders(backend, 8);
        long consoleMany = queries("/console/folders", Map.of("Cookie", cookie));
        long apiMany = queries(
                "/api/folders/?with_analyses=true&limit=25", Map.of("X-Forensic-Access-Token", analyst.token()));

        assertTrue(consoleFew > 0 && apiFew > 0, "the queries of a request are seen");
        assertEquals(consoleFew, consoleMany, "console page of 2 folders vs 10");
        assertEquals(apiFew, apiMany, "API page of 2 folders vs 10");
    }

    private static void addFolders(OzClient client, int count) {
        for (int i = 0; i < count; i++) {
            OzClient.Reply created = client.postFolder(
                    Map.of("photo", TestMedia.file("match/df-b/img3.jpg")),
                    "{\"analyses\": [{\"type\": \"quality\"}]}");
            assertEquals(201, created.status(), created.body().toString());
        }
    }

    /** The statements run while answering one GET, told apart from background work by the request's id. */
    private long queries(String path, Map<String, String> headers) throws Exception {
        String requestId = UUID.randomUUID().toString();
        Logger log = (Logger) LoggerFactory.getLogger(QUERY_LOG);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        Level before = log.getLevel();
        log.setLevel(Level.DEBUG);
        log.addAppender(seen);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + server.getPort() + path))
                    .header(RequestIdFilter.HEADER, requestId);
            headers.forEach(request::header);
            HttpResponse<String> page = web.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), path);
        } finally {
            log.detachAppender(seen);
            log.setLevel(before);
        }
        List<ILoggingEvent> ours = seen.list.stream()
                .filter(event -> requestId.equals(event.getMDCPropertyMap().get("request_id")))
                .toList();
        return ours.size();
    }

    private String signIn(String email) throws Exception {
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> reply = web.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/console/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Sec-Fetch-Site", "same-origin")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, reply.statusCode(), reply.body());
        String setCookie = reply.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
