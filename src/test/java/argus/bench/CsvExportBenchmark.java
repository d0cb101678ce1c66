package argus.bench;

import argus.ServerProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The folder list exported as CSV in constant memory: a server limited to a small heap ({@code bench.heap}, 256m) holds
 * folders made through the API, and exports them all when it holds a tenth of {@code bench.folders} (100 000) and when
 * it holds them all; the time, size and the server's resident memory (now and at its peak) are printed after each.
 * The statistics of the same folders, per day, are read after each export, with their time and the memory after.
 *
 * <p>{@code ./mvnw -Pbenchmark verify -Dbench.main=argus.bench.CsvExportBenchmark}
 */
public final class CsvExportBenchmark {
    public static void main(String[] args) throws Exception {
        int total = Integer.getInteger("bench.folders", 100_000);
        Path work = Files.createTempDirectory("argus-csv-bench");
        BenchServer bench = BenchServer.start(
                work.resolve("data"),
                Integer.getInteger("bench.port", 18094),
                System.getProperty("bench.liveness", "minifasnet"),
                Map.of("JAVA_TOOL_OPTIONS", "-Xmx" + System.getProperty("bench.heap", "256m")),
                work.resolve("server.log"));
        try (ServerProcess server = bench.process) {
            AtomicInteger made = new AtomicInteger();
            for (int size : List.of(total / 10, total)) {
                long start = System.nanoTime();
                make(bench, made, size);
                System.out.printf(
                        "%n%d folders held (made through the API, the last %d s); server RSS %d MB, heap limit %s%n",
                        size,
                        (System.nanoTime() - start) / 1_000_000_000,
                        server.memoryKb("VmRSS") / 1024,
                        System.getProperty("bench.heap", "256m"));
                export(bench, server);
                statistics(bench, server);
            }
        }
    }

    private static void make(BenchServer bench, AtomicInteger made, int upTo) throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                all.add(clients.submit(() -> {
                    for (int i = made.getAndIncrement(); i < upTo; i = made.getAndIncrement()) {
                        String folder =
                                "{\"folder:meta_data\": {\"n\": %d, \"note\": \"=row %d, plain\"}}".formatted(i, i);
                        HttpResponse<String> created = bench.postJson("/api/folders/", folder);
                        for (; created.statusCode() == 429; created = bench.postJson("/api/folders/", folder)) {
                            Thread.sleep(5); // every engine slot busy: the folder is made when one frees
                        }
                        if (created.statusCode() != 201) {
                            throw new IllegalStateException("folder " + i + ": " + created.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : all) {
                client.get();
            }
        }
        made.set(upTo);
    }

    private static void export(BenchServer bench, ServerProcess server) throws Exception {
        String path = "/api/folders/?format=csv&meta_data_keys=n,note";
        long start = System.nanoTime();
        long bytes = 0;
        long lines = 0;
        HttpResponse<InputStream> answer = bench.http.send(
                HttpRequest.newBuilder(URI.create(bench.base + path))
                        .header("X-Forensic-Access-Token", bench.token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[65536];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        System.out.printf(
                "export: %d rows, %d MB in %.1f s; server RSS %d MB, peak %d MB%n",
                lines - 1,
                bytes / 1_048_576,
                (System.nanoTime() - start) / 1e9,
                server.memoryKb("VmRSS") / 1024,
                server.memoryKb("VmHWM") / 1024);
    }

    private static void statistics(BenchServer bench, ServerProcess server) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = bench.http.send(
                HttpRequest.newBuilder(URI.create(bench.base + "/api/statistics/?group_by=day"))
                        .header("X-Forensic-Access-Token", bench.token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("statistics: " + answer.statusCode() + " " + answer.body());
        }
        System.out.printf(
                "statistics per day: %d KB in %.2f s; server RSS %d MB, peak %d MB%n",
                answer.body().length() / 1024,
                (System.nanoTime() - start) / 1e9,
                server.memoryKb("VmRSS") / 1024,
                server.memoryKb("VmHWM") / 1024);
    }
}
