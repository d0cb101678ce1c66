package argus.bench;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import argus.Digests;
import argus.ServerProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The overload and crash runs of the reliability suite, against the server started as its own process.
 *
 * <p>Overload: measures the unloaded latency and the capacity (closed loop), then offers three times the capacity in an
 * open loop for {@code reliability.seconds} (60): every answer must be a finished folder or a fast 429/503 carrying
 * Retry-After; prints the p95 of accepted requests against the unloaded p95, then checks that requests right after
 * the load are served at once.
 *
 * <p>Crash: clients create folders (single requests, and multi-step folders whose analyses run in the background),
 * the server is killed with SIGKILL mid-load and restarted on the same data; every folder acknowledged with 2xx must
 * be there with byte-identical media (SHA-256), no analysis may stay PROCESSING, and after the orphan sweep the
 * media directory must hold exactly the objects the database refers to.
 */
public final class Reliability {

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("reliability.seconds", 60);
        String liveness = System.getProperty("reliability.liveness", "minifasnet");
        int port = Integer.getInteger("reliability.port", 18081);
        av_log_set_level(AV_LOG_QUIET);
        Path work = Files.createTempDirectory("argus-reliability");
        Path clip = BenchServer.phoneClip(work);
        byte[] video = Files.readAllBytes(clip);
        byte[] singleRequest = BenchServer.multipart(video, BenchServer.QUALITY_PAYLOAD);

        boolean overloadHeld;
        BenchServer bench = BenchServer.start(
                work.resolve("overload-data"), port, liveness, Map.of(), work.resolve("overload.log"));
        try (ServerProcess ignored = bench.process) {
            overloadHeld = overload(bench, singleRequest, seconds);
        }

        boolean crashHeld = crash(work, port, liveness, video, singleRequest);
        System.out.printf(
                "%n== reliability: overload %s, crash %s%n",
                overloadHeld ? "held" : "FAILED", crashHeld ? "held" : "FAILED");
        if (!overloadHeld || !crashHeld) {
            System.exit(1);
        }
    }

    private static boolean overload(BenchServer bench, byte[] body, int seconds) throws Exception {
        Benchmark.load(bench, body, 1, 5);
        Benchmark.Load unloaded = Benchmark.load(bench, body, 1, 20);
        List<Long> alone = sorted(unloaded.latencies());
        long unloadedP95 = BenchServer.percentile(alone, 95);
        Benchmark.Load saturated = Benchmark.load(bench, body, 4, 20);
        double capacity = saturated.latencies().size() / 20.0;
        double offered = 3 * capacity;
        System.out.printf(
                "== overload%nunloaded: p50 %d ms, p95 %d ms; capacity %.2f requests/s (4 closed-loop clients)%n",
                BenchServer.percentile(alone, 50), unloadedP95, capacity);

        List<Long> accepted = Collections.synchronizedList(new ArrayList<>());
        List<Long> refusedMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger withoutRetryAfter = new AtomicInteger();
        Map<String, AtomicInteger> other = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> inFlight = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = (long) (1_000_000 / offered);
        clock.scheduleAtFixedRate(
                () -> {
                    long start = System.nanoTime();
                    inFlight.add(bench.http
                            .sendAsync(bench.createFolder(body), HttpResponse.BodyHandlers.ofString())
                            .handle((response, failure) -> {
                                long millis = (System.nanoTime() - start) / 1_000_000;
                                if (failure != null) {
                                    other.computeIfAbsent(failure.getClass().getSimpleName(), k -> new AtomicInteger())
                                            .incrementAndGet();
                                } else if (response.statusCode() == 201 && BenchServer.finished(response.body())) {
                                    accepted.add(millis);
                                } else if (response.statusCode() == 429 || response.statusCode() == 503) {
                                    refusedMillis.add(millis);
                                    if (response.headers()
                                            .firstValue("Retry-After")
                                            .isEmpty()) {
                                        withoutRetryAfter.incrementAndGet();
                                    }
                                } else {
                                    other.computeIfAbsent("HTTP " + response.statusCode(), k -> new AtomicInteger())
                                            .incrementAndGet();
                                }
                                return null;
                            }));
                },
                0,
                periodMicros,
                TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        clock.shutdownNow();
        CompletableFuture.allOf(inFlight.toArray(new CompletableFuture[0])).get(5, TimeUnit.MINUTES);

        List<Long> served = sorted(accepted);
        List<Long> refused = sorted(refusedMillis);
        long servedP95 = BenchServer.percentile(served, 95);
        System.out.printf(
                "offered %.2f requests/s (3x capacity) for %d s: %d requests%n", offered, seconds, inFlight.size());
        System.out.printf(
                "served:  %d (%.1f/min), p50 %d ms, p95 %d ms = %.2fx the unloaded p95%n",
                served.size(),
                served.size() * 60.0 / seconds,
                BenchServer.percentile(served, 50),
                servedP95,
                servedP95 / (double) unloadedP95);
        System.out.printf(
                "refused: %d with 429/503, p50 %d ms, p95 %d ms; %d without Retry-After%n",
                refused.size(),
                BenchServer.percentile(refused, 50),
                BenchServer.percentile(refused, 95),
                withoutRetryAfter.get());
        System.out.printf("other answers: %s%n", other.isEmpty() ? "none" : other);
        System.out.printf("server RSS peak: %d MB%n", bench.process.memoryKb("VmHWM") / 1024);

        Benchmark.Load after = Benchmark.load(bench, body, 1, 10);
        List<Long> recovered = sorted(after.latencies());
        System.out.printf(
                "right after the load: %d served, %d refused, %d errors, p95 %d ms%n",
                recovered.size(), after.refused().get(), after.errors().get(), BenchServer.percentile(recovered, 95));
        return other.isEmpty()
                && withoutRetryAfter.get() == 0
                && servedP95 <= 2 * unloadedP95
                && after.refused().get() == 0
                && after.errors().get() == 0
                && !recovered.isEmpty();
    }

    /** A folder the server acknowledged with 2xx, with the analyses it started. */
    private record Acknowledged(String folderId, List<String> analysisIds) {}

    private static boolean crash(Path work, int port, String liveness, byte[] video, byte[] singleRequest)
            throws Exception {
        Path data = work.resolve("crash-data");
        Map<String, String> settings = Map.of("ARGUS_JOB_LEASE", "5s");
        // After the restart nothing is in flight, so the sweep may treat every unreferenced object as an orphan at
        // once.
        Map<String, String> restartSettings =
                Map.of("ARGUS_JOB_LEASE", "5s", "ARGUS_ORPHAN_GRACE", "1s", "ARGUS_STORAGE_SWEEP_DELAY", "3s");
        byte[] folderOnly = BenchServer.multipart(video, "{}");
        String videoSha = Digests.sha256Hex(video);
        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();

        BenchServer bench = BenchServer.start(data, port, liveness, settings, work.resolve("crash-before.log"));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            boolean multiStep = i % 2 == 1;
            workers.add(clients.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> created = bench.http.send(
                                bench.createFolder(multiStep ? folderOnly : singleRequest),
                                HttpResponse.BodyHandlers.ofString());
                        if (created.statusCode() / 100 != 2) {
                            continue;
                        }
                        String folderId =
                                BenchServer.first(created.body(), "folder_id").orElseThrow();
                        if (!multiStep) {
                            acknowledged.add(
                                    new Acknowledged(folderId, BenchServer.all(created.body(), "analysis_id")));
                            continue;
                        }
                        acknowledged.add(new Acknowledged(folderId, List.of()));
                        HttpResponse<String> started = bench.postJson(
                                "/api/folders/" + folderId + "/analyses/",
                                "{\"analyses\": [{\"type\": \"quality\"}, {\"type\": \"biometry\"}]}");
                        if (started.statusCode() / 100 == 2) {
                            acknowledged.add(
                                    new Acknowledged(folderId, BenchServer.all(started.body(), "analysis_id")));
                        }
                    } catch (IOException | RuntimeException e) {
                        if (running.get()) {
                            failures.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        Thread.sleep(20_000);
        running.set(false);
        bench.process.kill();
        for (Future<?> worker : workers) {
            worker.get();
        }
        clients.shutdown();
        System.out.printf(
                "%n== crash%nkilled with SIGKILL after 20 s of load: %d acknowledgements, %d client errors before the kill%n",
                acknowledged.size(), failures.get());

        long restartStart = System.nanoTime();
        BenchServer restarted =
                BenchServer.start(data, port, liveness, restartSettings, work.resolve("crash-after.log"));
        try (ServerProcess ignored = restarted.process) {
            System.out.printf("restarted in %d ms%n", (System.nanoTime() - restartStart) / 1_000_000);
            Set<String> folders = new HashSet<>();
            Set<String> analyses = new HashSet<>();
            acknowledged.forEach(ack -> {
                folders.add(ack.folderId());
                analyses.addAll(ack.analysisIds());
            });
            int missingFolders = 0;
            int damagedMedia = 0;
            for (String folderId : folders) {
                HttpResponse<String> folder = restarted.get("/api/folders/" + folderId + "/");
                if (folder.statusCode() != 200) {
                    missingFolders++;
                    continue;
                }
                for (String url : BenchServer.all(folder.body(), "original_url").stream()
                        .filter(u -> u.contains("/media/"))
                        .limit(1)
                        .toList()) {
                    HttpResponse<byte[]> original = restarted.download(url);
                    if (original.statusCode() != 200 || !videoSha.equals(Digests.sha256Hex(original.body()))) {
                        damagedMedia++;
                    }
                }
            }
            long deadline = System.currentTimeMillis() + 180_000;
            Map<String, String> states = new ConcurrentHashMap<>();
            Set<String> pending = new HashSet<>(analyses);
            while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
                for (String id : List.copyOf(pending)) {
                    String state = BenchServer.first(
                                    restarted.get("/api/analyses/" + id + "/").body(), "state")
                            .orElse("MISSING");
                    states.put(id, state);
                    if (!"PROCESSING".equals(state)) {
                        pending.remove(id);
                    }
                }
                Thread.sleep(500);
            }
            Map<String, Long> byState =
                    states.values().stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            System.out.printf(
                    "acknowledged folders: %d, missing after restart: %d, media with a wrong SHA-256 or missing: %d%n",
                    folders.size(), missingFolders, damagedMedia);
            System.out.printf(
                    "acknowledged analyses: %d, by state after recovery: %s, still PROCESSING after 3 min: %d%n",
                    analyses.size(), byState, pending.size());
            restarted.process.close();
            List<String> log = Files.readAllLines(work.resolve("crash-after.log"));
            System.out.printf(
                    "after the restart: %d interrupted jobs resumed; %s%n",
                    log.stream().filter(line -> line.contains("resuming job")).count(),
                    log.stream()
                            .filter(line -> line.contains("orphan sweep removed"))
                            .findFirst()
                            .map(line -> line.substring(line.indexOf("orphan sweep")))
                            .orElse("the orphan sweep found nothing"));
            Consistency consistency = consistency(data);
            System.out.printf(
                    "store against database: %d objects referenced, %d missing, %d orphan files, %d staged leftovers%n",
                    consistency.referenced, consistency.missing, consistency.orphans, consistency.staged);
            return missingFolders == 0
                    && damagedMedia == 0
                    && pending.isEmpty()
                    && !byState.containsKey("MISSING")
                    && consistency.missing == 0
                    && consistency.orphans == 0
                    && consistency.staged == 0;
        }
    }

    private record Consistency(int referenced, int missing, int orphans, int staged) {}

    /** Compares the media directory with every key the database refers to (the server is stopped). */
    private static Consistency consistency(Path data) throws Exception {
        Set<String> referenced = new HashSet<>();
        try (Connection db = DriverManager.getConnection(
                        "jdbc:h2:file:" + data.resolve("db/argus").toAbsolutePath(), "sa", "");
                ResultSet keys = db.createStatement()
                        .executeQuery(
                                "select storage_key from media union select thumb_key from media where thumb_key is not null "
                                        + "union select storage_key from person_image")) {
            while (keys.next()) {
                referenced.add(keys.getString(1));
            }
        }
        Path media = data.resolve("media");
        Set<String> files;
        try (Stream<Path> walk = Files.walk(media)) {
            files = walk.filter(Files::isRegularFile)
                    .map(path -> media.relativize(path).toString())
                    .collect(Collectors.toSet());
        }
        int missing =
                (int) referenced.stream().filter(key -> !files.contains(key)).count();
        int orphans =
                (int) files.stream().filter(file -> !referenced.contains(file)).count();
        int staged;
        try (Stream<Path> walk = Files.walk(data.resolve("staging"))) {
            staged = (int) walk.filter(Files::isRegularFile).count();
        }
        return new Consistency(referenced.size(), missing, orphans, staged);
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
