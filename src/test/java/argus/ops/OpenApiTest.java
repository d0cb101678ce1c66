package argus.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document served at /swagger/argus.yml describes every route the service has, with its auth scheme. */
@MicronautTest
class OpenApiTest {
    /** Served for operators, not part of any contract (HEAD is every GET's, added by the framework). */
    /** Operations, and the console's pages (HTML for people, not part of any contract). */
    private static final Set<String> NOT_CONTRACT = Set.of("/health", "/prometheus", "/console");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Router router;

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteIsInTheDocument() {
        String document = http.toBlocking().retrieve(HttpRequest.GET("/swagger/argus.yml"));
        Map<String, Object> openapi = new Yaml().load(document);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) openapi.get("paths");

        Set<String> missing = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            String path = normalized(route.getUriMatchTemplate().toPathString());
            if (NOT_CONTRACT.stream().anyMatch(path::startsWith)
                    || route.getHttpMethod() == HttpMethod.OPTIONS
                    || route.getHttpMethod() == HttpMethod.HEAD) {
                continue;
            }
            Map<String, Object> operations = paths.entrySet().stream()
                    .filter(e -> normalized(e.getKey()).equals(path))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(Map.of());
            if (!operations.containsKey(route.getHttpMethodName().toLowerCase())) {
                missing.add(route.getHttpMethodName() + " " + path);
            }
        }
        assertEquals(Set.of(), missing, "routes missing from the OpenAPI document");

        Map<String, Object> components = (Map<String, Object>) openapi.get("components");
        assertEquals(
                Set.of("file", "file_type", "callback_url", "external_id"),
                partNames(components, paths, "/v1/deepfake-detection/analyze"),
                "multipart parts under their wire names");
        assertTrue(
                partNames(components, paths, "/api/folders").contains("payload"), "the single request's payload part");
        assertTrue(partNames(components, paths, "/api/folders/{folderId}/media").contains("payload"));
        assertTrue(partNames(components, paths, "/api/v1/{tenantSlug}/video/detect")
                .containsAll(Set.of("video_file", "video_url")));
        assertEquals(
                Set.of("resolution_status", "resolution_comment"),
                bodyFields(components, paths, "/api/analyses/{analysisId}", "patch", "application/json"),
                "an operator's decision on an analysis");
        assertEquals(
                Set.of("operator_status", "operator_comment"),
                bodyFields(components, paths, "/api/folders/{folderId}", "patch", "application/json"),
                "an operator's decision on a folder");

        Map<String, Object> schemes = (Map<String, Object>) components.get("securitySchemes");
        assertTrue(schemes.keySet()
                .containsAll(Set.of(
                        "ozAccessToken", "videoDetectApiKey", "deepfakeApiKey", "bearerAccessToken", "partnerJwt")));
        assertEquals("X-Forensic-Access-Token", ((Map<String, Object>) schemes.get("ozAccessToken")).get("name"));
    }

    /** What a generated client is made of: one class per tag, one method per operation id, typed errors. */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationSaysWhatItDoesUnderItsContractWithItsErrors() {
        Map<String, Object> openapi =
                new Yaml().load(http.toBlocking().retrieve(HttpRequest.GET("/swagger/argus.yml")));
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) openapi.get("paths");
        Set<String> ids = new TreeSet<>();
        Set<String> tags = new TreeSet<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().entrySet()) {
                if (!(method.getValue() instanceof Map<?, ?> operation) || !operation.containsKey("responses")) {
                    continue;
                }
                operations++;
                String where = method.getKey() + " " + path.getKey();
                String id = (String) operation.get("operationId");
                assertTrue(
                        id.matches("[a-z]+([A-Z][a-z]*)+"),
                        where + ": operation id '" + id + "' is a bare verb or numbered");
                ids.add(id);
                List<String> tagged = (List<String>) operation.get("tags");
                assertEquals(1, tagged == null ? 0 : tagged.size(), where + " has one tag");
                tags.addAll(tagged);
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                assertTrue(
                        responses.containsKey("4XX") && responses.containsKey("5XX"),
                        where + " describes its error answers");
            }
        }
        assertEquals(operations, ids.size(), "operation ids are unique");
        assertEquals(
                Set.of(
                        "Oz folders",
                        "Oz analyses",
                        "Oz accounts",
                        "Oz collections",
                        "Oz reports",
                        "Video detect",
                        "Anti-video forgery",
                        "Audio authenticity",
                        "Deepfake analysis"),
                tags);
    }

    @Test
    void theSwaggerUiPageIsServedWithAPolicyThatLetsItRun() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/swagger-ui/index.html"), String.class);
        assertTrue(page.body().contains("swagger-ui"), page.body());
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals(
                200,
                http.toBlocking()
                        .exchange(HttpRequest.GET("/swagger-ui/res/swagger-ui-bundle.js"), String.class)
                        .code());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> partNames(
            Map<String, Object> components, Map<String, Map<String, Object>> paths, String path) {
        return bodyFields(components, paths, path, "post", "multipart/form-data");
    }

    /** The properties of an operation's request body of the given media type. */
    private static Set<String> bodyFields(
            Map<String, Object> components,
            Map<String, Map<String, Object>> paths,
            String path,
            String method,
            String mediaType) {
        Map<String, Object> operation = (Map<String, Object>) paths.get(path).get(method);
        Map<String, Object> content =
                (Map<String, Object>) ((Map<String, Object>) operation.get("requestBody")).get("content");
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content.get(mediaType)).get("schema");
        if (schema.get("$ref") instanceof String reference) {
            schema = (Map<String, Object>) ((Map<String, Object>) components.get("schemas"))
                    .get(reference.substring(reference.lastIndexOf('/') + 1));
        }
        return ((Map<String, Object>) schema.get("properties")).keySet();
    }

    /** Parameter names and trailing slashes differ between route templates and the document; the shape must not. */
    private static String normalized(String path) {
        String shape = path.replaceAll("\\{[^}]*}", "{}").replaceAll("\\{\\?[^}]*}", "");
        return shape.length() > 1 && shape.endsWith("/") ? shape.substring(0, shape.length() - 1) : shape;
    }
}
