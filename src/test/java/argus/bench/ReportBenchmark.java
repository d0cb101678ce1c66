package argus.bench;

import argus.ServerProcess;
import argus.TestMedia;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How long a folder report takes: a folder with a 20.7-s selfie video (QUALITY with a best shot) is made once, then its
 * report is fetched {@code bench.reports} times (20) after 5 unmeasured, one at a time, through HTTP on loopback.
 *
 * <p>{@code ./mvnw -Pbenchmark verify -Dbench.main=argus.bench.ReportBenchmark}
 */
public final class ReportBenchmark {
    private static final String VIDEO = "video/selfie-real-portrait.mp4";
    private static final String PAYLOAD = "{\"media:tags\": {\"video1\": [\"video_selfie\", \"orientation_portrait\"]},"
            + " \"analyses\": [{\"type\": \"quality\", \"params\": {\"extract_best_shot\": true}}]}";

    public static void main(String[] args) throws Exception {
        int reports = Integer.getInteger("bench.reports", 20);
        Path work = Files.createTempDirectory("argus-report-bench");
        BenchServer bench = BenchServer.start(
                work.resolve("data"),
                Integer.getInteger("bench.port", 18093),
                System.getProperty("bench.liveness", "minifasnet"),
                Map.of(),
                work.resolve("server.log"));
        try (ServerProcess server = bench.process) {
            byte[] body = BenchServer.multipart(Files.readAllBytes(TestMedia.file(VIDEO)), PAYLOAD);
            HttpResponse<String> created =
                    bench.http.send(bench.createFolder(body), HttpResponse.BodyHandlers.ofString());
            String folder = BenchServer.first(created.body(), "folder_id")
                    .orElseThrow(() -> new IllegalStateException("no folder: " + created.body()));
            String url = bench.base + "/api/folders/" + folder + "/report/";
            List<Long> times = new ArrayList<>();
            long size = 0;
            for (int i = 0; i < 5 + reports; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> report = bench.download(url);
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (report.statusCode() != 200) {
                    throw new IllegalStateException("report answered " + report.statusCode());
                }
                size = report.body().length;
                if (i >= 5) {
                    times.add(millis);
                }
            }
            Collections.sort(times);
            System.out.printf(
                    "%n== report of a folder with a 20.7-s video (QUALITY, best shot): %d reports, %d bytes each%n",
                    reports, size);
            System.out.printf(
                    "report ms:      p50 %d, p95 %d, max %d%n",
                    BenchServer.percentile(times, 50), BenchServer.percentile(times, 95), times.getLast());
        }
    }
}
