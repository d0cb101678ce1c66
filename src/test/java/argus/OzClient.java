package argus;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What an Oz client does in the tests: log in, post folders as multipart, read folders and files back. */
public final class OzClient {
    public static final String TOKEN_HEADER = "X-Forensic-Access-Token";
    public static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final HttpClient client;
    private String token;

    public OzClient(HttpClient client) {
        this.client = client;
    }

    /** A response and its JSON body, whatever the status. */
    public record Reply(int status, Map<String, Object> body, HttpResponse<?> response) {

        public String errorCode() {
            return (String) body.get("error_code");
        }
    }

    public String token() {
        if (token == null) {
            Reply reply = send(HttpRequest.POST("/api/authorize/auth",
                    Map.of("credentials", Map.of("email", "admin@argus.test", "password", "test-password-1"))));
            token = (String) reply.body().get("access_token");
        }
        return token;
    }

    public Reply postFolder(Map<String, Path> files, String payload) {
        MultipartBody.Builder body = MultipartBody.builder();
        files.forEach((key, file) -> body.addPart(key, file.getFileName().toString(), MediaType.APPLICATION_OCTET_STREAM_TYPE, file.toFile()));
        if (payload != null) {
            body.addPart("payload", payload);
        }
        return send(HttpRequest.POST("/api/folders/", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header(TOKEN_HEADER, token()));
    }

    public Reply getFolder(Object folderId) {
        return send(HttpRequest.GET("/api/folders/" + folderId + "/").header(TOKEN_HEADER, token()));
    }

    public HttpResponse<byte[]> download(String url, String withToken) {
        MutableHttpRequest<?> request = HttpRequest.GET(url);
        if (withToken != null) {
            request.header(TOKEN_HEADER, withToken);
        }
        try {
            return client.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<byte[]>) (HttpResponse<?>) e.getResponse();
        }
    }

    public Reply send(MutableHttpRequest<?> request) {
        try {
            HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(request, JSON, JSON);
            return new Reply(response.code(), response.body(), response);
        } catch (HttpClientResponseException e) {
            Map<String, Object> body = e.getResponse().getBody(JSON).orElse(Map.of());
            return new Reply(e.getStatus().getCode(), body, e.getResponse());
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    public static Map<String, Object> firstAnalysis(Reply reply) {
        return list(reply.body().get("analyses")).getFirst();
    }

    public static Map<String, Object> firstResult(Reply reply) {
        return list(firstAnalysis(reply).get("results_media")).getFirst();
    }

    public static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
