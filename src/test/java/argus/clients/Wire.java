package argus.clients;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Requests exactly as a client writes them (method, path as typed, every header, the body's bytes) and answers as
 * it reads them: raw text, parsed the way the client parses it. Multipart bodies are built part by part, so a part
 * without a file name or content type is sent without one.
 */
final class Wire {
    private final URI base;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Wire(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    /** An answer: status, headers, and the body as text. */
    record Answer(int status, Map<String, List<String>> headers, String text, JsonMapper json) {

        /** The body parsed as JSON: a map, a list, or a scalar. */
        Object parsed() {
            try {
                return text.isEmpty() ? null : json.readValue(text, Argument.OBJECT_ARGUMENT);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            return (Map<String, Object>) parsed();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> array() {
            return (List<Map<String, Object>>) parsed();
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** One part of a multipart body; {@code filename} and {@code contentType} are left out of it when null. */
    record Part(String name, String filename, String contentType, byte[] bytes) {

        static Part text(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String name, String filename, String contentType, Path file) {
            try {
                return new Part(name, filename, contentType, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A multipart body and the content type that names its boundary. */
    record Multipart(String contentType, byte[] body) {

        static Multipart of(String boundary, List<Part> parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Part part : parts) {
                StringBuilder head = new StringBuilder("--")
                        .append(boundary)
                        .append("\r\n")
                        .append("Content-Disposition: form-data; name=\"")
                        .append(part.name())
                        .append('"');
                if (part.filename() != null) {
                    head.append("; filename=\"").append(part.filename()).append('"');
                }
                head.append("\r\n");
                if (part.contentType() != null) {
                    head.append("Content-Type: ").append(part.contentType()).append("\r\n");
                }
                head.append("\r\n");
                out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
                out.writeBytes(part.bytes());
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        static Multipart of(List<Part> parts) {
            return of("----client-" + UUID.randomUUID(), parts);
        }
    }

    Answer send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer send(String method, String path, Map<String, String> headers, String body) {
        return send(method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    Answer multipart(String method, String path, Map<String, String> headers, Multipart body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", body.contentType());
        return send(method, path, all, body.body());
    }

    /** Asks again every {@code everyMillis} (as the client's timer does) until {@code done} holds, for up to a minute. */
    static Answer poll(
            java.util.function.Supplier<Answer> ask, java.util.function.Predicate<Answer> done, long everyMillis) {
        long deadline = System.currentTimeMillis() + 120_000;
        Answer answer = ask.get();
        while (!done.test(answer)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("still not done after a minute: " + answer.text());
            }
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = ask.get();
        }
        return answer;
    }

    static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
