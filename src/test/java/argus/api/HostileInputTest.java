package argus.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.HostileMedia;
import argus.Leftovers;
import argus.OzClient;
import argus.OzClient.Reply;
import argus.TestMedia;
import argus.TestVideos;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input corpus: more than forty kinds of bad request, generated here from real media or from scratch,
 * sent through the HTTP API. Each must be refused with its 4xx and machine-readable code within a time bound, the
 * server's memory must stay bounded, and nothing may be left behind (no folder, no media row, no file, no staged
 * upload).
 */
@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "8MB")
@Property(name = "micronaut.server.multipart.max-file-size", value = "8MB")
class HostileInputTest {
    private static final String QUALITY = "{\"analyses\": [{\"type\": \"quality\"}]}";
    private static final long TIME_BOUND_MS = 15_000;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    Leftovers leftovers;

    @TempDir
    Path temp;

    /** A bad request and the answers it may get, each as "status error_code". */
    private record Case(String name, Callable<Reply> request, Set<String> answers) {}

    @Test
    void everyHostileInputIsRefusedCleanly() throws Exception {
        OzClient oz = new OzClient(http);
        oz.token();
        HostileMedia bad = new HostileMedia(temp);
        Path selfie = TestMedia.file("video/selfie-real-3s.mp4");
        Path faststart = bad.encoded(
                "faststart.mp4",
                new TestVideos.Encoding("mp4", "libopenh264", 1_000_000, Map.of(), Map.of("movflags", "faststart")));
        Path webm = bad.encoded("clip.webm", new TestVideos.Encoding("webm", "libvpx", 1_000_000, Map.of()));
        Path mov = bad.encoded("clip.mov", new TestVideos.Encoding("mov", "libopenh264", 1_000_000, Map.of()));
        Path avi = bad.encoded("clip.avi", new TestVideos.Encoding("avi", "mpeg4", 1_000_000, Map.of()));
        Path mkv = bad.encoded("clip.mkv", new TestVideos.Encoding("matroska", "libvpx-vp9", 1_000_000, Map.of()));
        Path photo = TestMedia.file("match/df-a/img2.jpg");
        byte[] photoBytes = Files.readAllBytes(photo);
        byte[] pngBytes = Files.readAllBytes(TestMedia.file("nonface/fruits.jpg"));

        List<Case> cases = new ArrayList<>();
        // damaged and lying videos
        add(
                cases,
                "mp4 cut in half (index lost)",
                () -> upload(oz, "video1", bad.truncated(selfie, "half.mp4", 0.5)),
                400,
                "MEDIA_CORRUPT");
        add(
                cases,
                "mp4 cut at the index",
                () -> upload(oz, "video1", bad.truncated(selfie, "index-cut.mp4", 0.99)),
                400,
                "MEDIA_CORRUPT");
        add(
                cases,
                "faststart mp4 cut at 40 %",
                () -> upload(oz, "video1", bad.truncated(faststart, "faststart-cut.mp4", 0.4)),
                400,
                "MEDIA_TRUNCATED",
                "MEDIA_CORRUPT");
        add(
                cases,
                "mp4 with noise for pictures",
                () -> upload(oz, "video1", bad.noisyPictures()),
                400,
                "MEDIA_CORRUPT",
                "MEDIA_TRUNCATED");
        add(
                cases,
                "mp4 with a noisy index",
                () -> upload(oz, "video1", bad.noisyIndex()),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "webm cut in half",
                () -> upload(oz, "video1", bad.truncated(webm, "half.webm", 0.5)),
                400,
                "MEDIA_TRUNCATED",
                "MEDIA_CORRUPT");
        add(
                cases,
                "webm cut to its header",
                () -> upload(oz, "video1", bad.truncated(webm, "header.webm", 0.02)),
                400,
                "MEDIA_CORRUPT",
                "MEDIA_TRUNCATED");
        add(
                cases,
                "mkv cut in half",
                () -> upload(oz, "video1", bad.truncated(mkv, "half.mkv", 0.5)),
                400,
                "MEDIA_TRUNCATED",
                "MEDIA_CORRUPT");
        add(
                cases,
                "mov cut in half",
                () -> upload(oz, "video1", bad.truncated(mov, "half.mov", 0.5)),
                400,
                "MEDIA_CORRUPT");
        add(
                cases,
                "avi cut in half",
                () -> upload(oz, "video1", bad.truncated(avi, "half.avi", 0.5)),
                400,
                "MEDIA_TRUNCATED",
                "MEDIA_CORRUPT");
        add(
                cases,
                "avi cut to its header",
                () -> upload(oz, "video1", bad.truncated(avi, "header.avi", 0.01)),
                400,
                "MEDIA_CORRUPT",
                "MEDIA_TRUNCATED");
        add(
                cases,
                "video declaring 100000x100000",
                () -> upload(oz, "video1", bad.hugeAvi()),
                400,
                "MEDIA_LIMIT_EXCEEDED");
        add(
                cases,
                "video declaring ten hours",
                () -> upload(oz, "video1", bad.tenHours()),
                400,
                "MEDIA_LIMIT_EXCEEDED");
        add(cases, "mp4 with audio only", () -> upload(oz, "video1", bad.audioOnly()), 415, "UNSUPPORTED_MEDIA_TYPE");
        // damaged and lying photos
        add(
                cases,
                "png declaring 100000x100000",
                () -> upload(oz, "photo1", bad.write("bomb.png", bad.png(100_000, 100_000, true))),
                400,
                "MEDIA_LIMIT_EXCEEDED");
        add(
                cases,
                "png declaring 0x0",
                () -> upload(oz, "photo1", bad.write("empty.png", bad.png(0, 0, true))),
                400,
                "MEDIA_CORRUPT");
        add(
                cases,
                "png without pixel data",
                () -> upload(oz, "photo1", bad.write("nodata.png", bad.png(64, 64, false))),
                400,
                "MEDIA_CORRUPT");
        add(
                cases,
                "jpeg declaring 65000x65000",
                () -> upload(oz, "photo1", bad.write("bomb.jpg", bad.jpegHeader(65_000, 65_000))),
                400,
                "MEDIA_LIMIT_EXCEEDED");
        add(
                cases,
                "jpeg declaring 0x0",
                () -> upload(oz, "photo1", bad.write("zero.jpg", bad.jpegHeader(0, 0))),
                400,
                "MEDIA_CORRUPT");
        add(
                cases,
                "jpeg header without pixels",
                () -> upload(oz, "photo1", bad.write("header.jpg", bad.jpegHeader(640, 480))),
                400,
                "MEDIA_CORRUPT");
        add(
                cases,
                "jpeg cut short",
                () -> upload(oz, "photo1", bad.write("cut.jpg", java.util.Arrays.copyOf(photoBytes, 700))),
                400,
                "MEDIA_CORRUPT");
        add(
                cases,
                "webp declaring 16384x16384",
                () -> upload(oz, "photo1", bad.write("bomb.webp", bad.hugeWebp())),
                400,
                "MEDIA_LIMIT_EXCEEDED");
        add(
                cases,
                "jpeg bytes named .png, cut",
                () -> upload(oz, "photo1", bad.write("fake.png", java.util.Arrays.copyOf(pngBytes, 300))),
                400,
                "MEDIA_CORRUPT");
        // not media at all
        add(
                cases,
                "zero-length file",
                () -> upload(oz, "video1", bad.write("empty.mp4", new byte[0])),
                400,
                "MISSING_MEDIA");
        add(
                cases,
                "one-byte file",
                () -> upload(oz, "video1", bad.write("one.mp4", new byte[] {7})),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "text named .mp4",
                () -> upload(
                        oz,
                        "video1",
                        bad.write("text.mp4", "just some words, no video".getBytes(StandardCharsets.UTF_8))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "HLS playlist pointing at the network",
                () -> upload(
                        oz,
                        "video1",
                        bad.write(
                                "playlist.mp4",
                                "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:1/secret.ts\n#EXT-X-ENDLIST\n"
                                        .getBytes(StandardCharsets.UTF_8))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "GIF",
                () -> upload(
                        oz,
                        "photo1",
                        bad.write(
                                "a.gif",
                                "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"
                                        .getBytes(StandardCharsets.ISO_8859_1))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "BMP",
                () -> upload(oz, "photo1", bad.write("a.bmp", bad.noiseWithPrefix("BM"))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "PDF",
                () -> upload(
                        oz,
                        "photo1",
                        bad.write(
                                "a.pdf",
                                "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "ZIP",
                () -> upload(oz, "photo1", bad.write("a.zip", bad.noiseWithPrefix("PK\u0003\u0004"))),
                400,
                "MEDIA_CORRUPT");
        add(
                cases,
                "ELF executable",
                () -> upload(oz, "video1", bad.write("a.mp4", bad.noiseWithPrefix("\u007fELF"))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "SVG",
                () -> upload(
                        oz,
                        "photo1",
                        bad.write(
                                "a.svg",
                                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>"
                                        .getBytes(StandardCharsets.UTF_8))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "WAV audio",
                () -> upload(oz, "video1", TestMedia.file("audio/bonafide/alsa-voices.wav")),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "random bytes",
                () -> upload(oz, "video1", bad.write("noise.bin", bad.noise(100_000))),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "upload over the size limit",
                () -> upload(oz, "video1", bad.write("big.mp4", bad.noise(9 * 1024 * 1024))),
                413,
                "PAYLOAD_TOO_LARGE");
        // hostile payloads and parts
        add(
                cases,
                "payload nested 5000 deep",
                () -> oz.postFolder(Map.of("video1", selfie), "[".repeat(5000) + "]".repeat(5000)),
                400,
                "MALFORMED_PAYLOAD");
        add(
                cases,
                "payload of 1.5 MB",
                () -> oz.postFolder(
                        Map.of("video1", selfie), "{\"folder:meta_data\": {\"x\": \"" + "a".repeat(1_500_000) + "\"}}"),
                413,
                "PAYLOAD_TOO_LARGE");
        add(
                cases,
                "payload with a duplicate key",
                () -> oz.postFolder(
                        Map.of("video1", selfie), "{\"analyses\": [], \"analyses\": [{\"type\": \"quality\"}]}"),
                400,
                "MALFORMED_PAYLOAD");
        add(
                cases,
                "payload not in UTF-8",
                () -> payloadBytes(
                        oz,
                        selfie,
                        "{\"folder:meta_data\": {\"n\": \"\u00e9\u00e9\"}}".getBytes(StandardCharsets.ISO_8859_1)),
                400,
                "MALFORMED_PAYLOAD");
        add(
                cases,
                "payload that is not JSON",
                () -> oz.postFolder(Map.of("video1", selfie), "analyses=quality"),
                400,
                "MALFORMED_PAYLOAD");
        add(
                cases,
                "payload with a wrong type",
                () -> oz.postFolder(Map.of("video1", selfie), "{\"media:tags\": {\"video1\": \"video_selfie\"}}"),
                400,
                "INVALID_TYPE");
        add(
                cases,
                "10000 analyses",
                () -> oz.postFolder(
                        Map.of("video1", selfie),
                        "{\"analyses\": [" + String.join(",", Collections.nCopies(10_000, "{\"type\": \"quality\"}"))
                                + "]}"),
                400,
                "TOO_MANY_ANALYSES");
        add(
                cases,
                "unknown analysis type",
                () -> oz.postFolder(Map.of("video1", selfie), "{\"analyses\": [{\"type\": \"mind_reading\"}]}"),
                400,
                "UNSUPPORTED_ANALYSIS_TYPE");
        add(
                cases,
                "unknown tag",
                () -> oz.postFolder(Map.of("video1", selfie), "{\"media:tags\": {\"video1\": [\"<script>\"]}}"),
                400,
                "UNKNOWN_TAG");
        add(cases, "50 parts", () -> manyParts(oz, 50), 400, "TOO_MANY_PARTS");
        // Whichever limit sees it first: the server's form decoder (128 fields) or the service's part count.
        cases.add(new Case(
                "2000 parts", () -> manyParts(oz, 2000), Set.of("413 PAYLOAD_TOO_LARGE", "400 TOO_MANY_PARTS")));
        add(
                cases,
                "part name ../../etc/passwd",
                () -> oz.postFolder(Map.of("../../etc/passwd", selfie), QUALITY),
                400,
                "INVALID_MEDIA_KEY",
                "MISSING_MEDIA");
        add(
                cases,
                "part name with quotes and semicolons",
                () -> oz.postFolder(Map.of("a\";b=c", selfie), QUALITY),
                400,
                "INVALID_MEDIA_KEY",
                "MISSING_MEDIA");
        add(
                cases,
                "webhook into the private network",
                () -> oz.postFolder(
                        Map.of("video1", selfie),
                        "{\"resolution_endpoint\": \"http://169.254.169.254/latest/meta-data\"}"),
                400,
                "INVALID_PAYLOAD");
        // wrong framing and headers
        add(
                cases,
                "text/plain body",
                () -> oz.send(HttpRequest.POST("/api/folders/", "hello")
                        .contentType(MediaType.TEXT_PLAIN_TYPE)
                        .header(OzClient.TOKEN_HEADER, oz.token())),
                400,
                "MALFORMED_PAYLOAD");
        add(
                cases,
                "XML body",
                () -> oz.send(HttpRequest.POST("/api/folders/", "<folder/>")
                        .contentType(MediaType.APPLICATION_XML_TYPE)
                        .header(OzClient.TOKEN_HEADER, oz.token())),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        add(
                cases,
                "idempotency key with spaces and quotes",
                () -> oz.send(HttpRequest.POST("/api/folders/", "{}")
                        .header(OzClient.TOKEN_HEADER, oz.token())
                        .header("Idempotency-Key", "a b\"; drop")),
                400,
                "INVALID_IDEMPOTENCY_KEY");
        add(
                cases,
                "idempotency key with control characters",
                () -> rawRequest("POST /api/folders/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + OzClient.TOKEN_HEADER + ": " + oz.token()
                        + "\r\nIdempotency-Key: a\u0001b\r\nContent-Length: 2\r\n\r\n{}"),
                400,
                "INVALID_IDEMPOTENCY_KEY",
                "BAD_REQUEST");
        add(
                cases,
                "header injection through CR LF",
                () -> rawRequest("GET /api/folders/ HTTP/1.1\r\nHost: x\r\nX-Session-ID: a\rX-Injected: 1\r\n\r\n"),
                400,
                "BAD_REQUEST");
        add(
                cases,
                "token header of 2000 characters",
                () -> oz.send(HttpRequest.GET("/api/folders/").header(OzClient.TOKEN_HEADER, "t".repeat(2000))),
                401,
                "INVALID_TOKEN");

        Leftovers.Stored before = leftovers.stored();
        long rssBefore = rssKb();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            long start = System.nanoTime();
            Reply reply = c.request().call();
            long millis = (System.nanoTime() - start) / 1_000_000;
            String answer = reply.status() + " " + reply.errorCode();
            if (!c.answers().contains(answer) || millis > TIME_BOUND_MS) {
                failures.add("%s: got %s (%s) in %d ms, expected one of %s"
                        .formatted(c.name(), answer, reply.body().get("error_message"), millis, c.answers()));
            }
        }
        long growthMb = (rssKb() - rssBefore) / 1024;

        assertTrue(cases.size() >= 40, "only " + cases.size() + " kinds");
        assertEquals(List.of(), failures);
        leftovers.assertNoneSince(before, "a refused request");
        assertTrue(growthMb < 512, "resident memory grew by " + growthMb + " MB over the corpus");
    }

    private static void add(List<Case> cases, String name, Callable<Reply> request, int status, String... codes) {
        cases.add(new Case(
                name, request, Stream.of(codes).map(code -> status + " " + code).collect(Collectors.toSet())));
    }

    private static Reply upload(OzClient oz, String key, Path file) {
        return oz.postFolder(Map.of(key, file), QUALITY);
    }

    private static Reply payloadBytes(OzClient oz, Path video, byte[] payload) {
        MultipartBody body = MultipartBody.builder()
                .addPart("video1", "v.mp4", video.toFile())
                .addPart("payload", "payload.json", MediaType.APPLICATION_JSON_TYPE, payload)
                .build();
        return oz.send(HttpRequest.POST("/api/folders/", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header(OzClient.TOKEN_HEADER, oz.token()));
    }

    private static Reply manyParts(OzClient oz, int count) {
        MultipartBody.Builder body = MultipartBody.builder();
        for (int i = 0; i < count; i++) {
            body.addPart("p" + i, "p" + i + ".jpg", MediaType.IMAGE_JPEG_TYPE, new byte[] {1, 2, 3});
        }
        return oz.send(HttpRequest.POST("/api/folders/", body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .header(OzClient.TOKEN_HEADER, oz.token()));
    }

    /** A request written byte by byte on a socket, for framing no HTTP client would produce. */
    private Reply rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.replaceFirst("\r\n", "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.substring(9, 12));
            Matcher reason = Pattern.compile("\"reason\": ?\"([^\"]+)\"").matcher(response);
            return new Reply(
                    status, reason.find() ? Map.of("details", Map.of("reason", reason.group(1))) : Map.of(), null);
        }
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
