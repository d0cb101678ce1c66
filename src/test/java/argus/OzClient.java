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

    public static final String ADMIN_EMAIL = "admin@argus.test";
    public static final String ADMIN_PASSWORD = "test-password-1";

    private final HttpClient client;
    private final String email;
    private final String password;
    private String token;

    public OzClient(HttpClient client) {
        this(client, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    public OzClient(HttpClient client, String email, String password) {
        this.client = client;
        this.email = email;
        this.password = password;
    }

    /** A response and its JSON body, whatever the status. */
    public record Reply(int status, Map<String, Object> body, HttpResponse<?> response) {

        /**
         * The precise reason of a refusal: {@code details.reason} of an Oz error body, the string {@code error_code}
         * of the other contracts.
         */
        public String errorCode() {
            return body.get("details") instanceof Map<?, ?> details
                    ? (String) details.get("reason")
                    : (String) body.get("error_code");
        }

        /** The items of a list answer (a plain JSON array). */
        public List<Map<String, Object>> items() {
            return list(body.get("items"));
        }

        /** The size of the whole list, from {@code X-Total-Count}. */
        public long total() {
            return Long.parseLong(response.header("X-Total-Count"));
        }

        /** The numeric Oz {@code error_code}. */
        public int ozCode() {
            return ((Number) body.get("error_code")).intValue();
        }
    }

    public String email() {
        return email;
    }

    /** A sign-in with the given password and extra headers (e.g. a forwarded client address), whatever it answers. */
    public Reply signIn(String withPassword, Map<String, String> headers) {
        MutableHttpRequest<?> request = HttpRequest.POST(
                "/api/authorize/auth", Map.of("credentials", Map.of("email", email, "password", withPassword)));
        headers.forEach(request::header);
        return send(request);
    }

    public String userId() {
        return (String) get("/api/users/me/").body().get("user_id");
    }

    public String token() {
        if (token == null) {
            Reply reply = signIn(password, Map.of());
            token = (String) reply.body().get("access_token");
            if (token == null) {
                throw new IllegalStateException("login of " + email + " failed: " + reply.body());
            }
        }
        return token;
    }

    public Reply postFolder(Map<String, Path> files, String payload) {
        return postFiles("/api/folders/", files, payload);
    }

    public Reply getFolder(Object folderId) {
        return get("/api/folders/" + folderId + "/");
    }

    public Reply get(String path) {
        return send(HttpRequest.GET(path).header(TOKEN_HEADER, token()));
    }

    public Reply post(String path, Object body) {
        return send(HttpRequest.POST(path, body).header(TOKEN_HEADER, token()));
    }

    public Reply patch(String path, Object body) {
        return send(HttpRequest.PATCH(path, body).header(TOKEN_HEADER, token()));
    }

    public Reply delete(String path) {
        return send(HttpRequest.DELETE(path).header(TOKEN_HEADER, token()));
    }

    /** Multipart upload of files (and a payload) to any path, e.g. to add media to a folder. */
    public Reply postFiles(String path, Map<String, Path> files, String payload) {
        return send(HttpRequest.POST(path, multipart(files, payload))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header(TOKEN_HEADER, token()));
    }

    public Reply patchFiles(String path, Map<String, Path> files, String payload) {
        return send(HttpRequest.PATCH(path, multipart(files, payload))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header(TOKEN_HEADER, token()));
    }

    private static MultipartBody multipart(Map<String, Path> files, String payload) {
        MultipartBody.Builder body = MultipartBody.builder();
        files.forEach((key, file) -> body.addPart(
                key, file.getFileName().toString(), MediaType.APPLICATION_OCTET_STREAM_TYPE, file.toFile()));
        if (payload != null) {
            body.addPart("payload", payload);
        }
        return body.build();
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

    /** Sends a request; the body is read as a JSON object, or as {@code {"items": [...]}} when it is a list. */
    public Reply send(MutableHttpRequest<?> request) {
        try {
            HttpResponse<Object> response = client.toBlocking().exchange(request, Argument.OBJECT_ARGUMENT, JSON);
            return new Reply(response.code(), wrap(response.body()), response);
        } catch (HttpClientResponseException e) {
            Map<String, Object> body = e.getResponse().getBody(JSON).orElse(Map.of());
            return new Reply(e.getStatus().getCode(), body, e.getResponse());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> wrap(Object body) {
        if (body == null) {
            return Map.of();
        }
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of("items", body);
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

    /** Why an analysis, or its result on one media, ended without a verdict ({@code error_details.reason}). */
    public static String reason(Map<String, Object> analysisOrResult) {
        return analysisOrResult.get("error_details") instanceof Map<?, ?> details
                ? (String) details.get("reason")
                : null;
    }

    public static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
