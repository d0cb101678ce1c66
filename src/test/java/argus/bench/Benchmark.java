package argus.bench;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import argus.ServerProcess;
import argus.blacklist.Gallery;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Throughput of the single request: N concurrent clients post a 3-s 720p selfie clip with one QUALITY analysis to a
 * server started as its own process, for a fixed time. Prints analyses per minute, latency percentiles, refusals and
 * the server's peak RSS, next to the floor: how many such clips FFmpeg alone decodes per minute on the same cores.
 *
 * <p>Settings (system properties): {@code bench.clients} (default 4), {@code bench.seconds} (60), {@code bench.warmup}
 * (10), {@code bench.liveness} (minifasnet), {@code bench.port} (18080).
 */
public final class Benchmark {
    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 4);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int port = Integer.getInteger("bench.port", 18080);
        String liveness = System.getProperty("bench.liveness", "minifasnet");
        int cores = Runtime.getRuntime().availableProcessors();
        av_log_set_level(AV_LOG_QUIET);

        Path work = Files.createTempDirectory("argus-bench");
        // A phone-like recording: H.264 High profile with CABAC at 6 Mbit/s, made from the real 3-s selfie clip.
        Path clip = BenchServer.phoneClip(work);
        System.out.printf(
                "clip: %s, 720x1280, 3 s, H.264 High/CABAC 6 Mbit/s, %d bytes%n", clip.getFileName(), Files.size(clip));

        searchTimes(10_000);
        searchTimes(100_000);

        double floor = decodeFloor(clip, cores, 10);
        System.out.printf(
                "FFmpeg decode floor: %.0f clips/min on %d cores (every frame decoded, one thread per clip)%n",
                floor, cores);

        BenchServer bench =
                BenchServer.start(work.resolve("data"), port, liveness, Map.of(), work.resolve("server.log"));
        try (ServerProcess server = bench.process) {
            long idleRss = server.memoryKb("VmRSS");
            byte[] body = BenchServer.multipart(Files.readAllBytes(clip), BenchServer.QUALITY_PAYLOAD);

            Load warm = load(bench, body, clients, warmup);
            System.out.printf("warm-up: %d requests in %d s%n", warm.latencies.size() + warm.refused.get(), warmup);
            Load run = load(bench, body, clients, seconds);

            List<Long> latencies = new ArrayList<>(run.latencies);
            Collections.sort(latencies);
            double perMinute = latencies.size() * 60.0 / seconds;
            System.out.printf(
                    "%n== %d clients, %d s, liveness pack %s, %d engine threads%n", clients, seconds, liveness, cores);
            System.out.printf("analyses/min:   %.0f (%.2f x the decode floor)%n", perMinute, perMinute / floor);
            System.out.printf(
                    "latency ms:     p50 %d, p95 %d, p99 %d, max %d%n",
                    BenchServer.percentile(latencies, 50),
                    BenchServer.percentile(latencies, 95),
                    BenchServer.percentile(latencies, 99),
                    latencies.getLast());
            System.out.printf("refused (429):  %d; errors: %d%n", run.refused.get(), run.errors.get());
            System.out.printf(
                    "server RSS:     %d MB idle, %d MB now, %d MB peak%n",
                    idleRss / 1024, server.memoryKb("VmRSS") / 1024, server.memoryKb("VmHWM") / 1024);
        }
    }

    /**
     * The in-memory pass of a 1:N search in a gallery of {@code faces} synthetic unit embeddings (random, 512
     * dimensions): the time one BLACKLIST probe takes to find the candidates for its 5 best matches on an idle machine
     * (a large gallery's first pass takes every core). {@link ScaleOutBenchmark} times whole searches on PostgreSQL.
     */
    static void searchTimes(int faces) {
        java.util.Random random = new java.util.Random(faces);
        Gallery gallery = new Gallery(512, faces);
        for (int i = 0; i < faces; i++) {
            gallery.add(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), unit(random));
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            float[] probe = unit(random);
            long start = System.nanoTime();
            gallery.candidates(probe, 5, Set.of());
            if (i >= 20) {
                micros.add((System.nanoTime() - start) / 1000);
            }
        }
        Collections.sort(micros);
        System.out.printf(
                "1:N first pass among %,d faces: median %.1f ms, p95 %.1f ms%n",
                faces, micros.get(micros.size() / 2) / 1000.0, BenchServer.percentile(micros, 95) / 1000.0);
    }

    static float[] unit(java.util.Random random) {
        float[] vector = new float[512];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    /** Clips per minute FFmpeg decodes completely (no conversion) with one decoding thread per core. */
    static double decodeFloor(Path clip, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger clips = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
                        grabber.setVideoOption("threads", "1");
                        grabber.start();
                        while (grabber.grabFrame(false, true, false, false, false) != null) {
                            // decoding only
                        }
                    }
                    clips.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return clips.get() * 60.0 / seconds;
    }

    /** Closed-loop load: completed latencies, 429 refusals, anything else. */
    record Load(List<Long> latencies, AtomicInteger refused, AtomicInteger errors) {}

    static Load load(BenchServer bench, byte[] body, int clients, int seconds) throws Exception {
        return load(List.of(bench), body, clients, seconds);
    }

    /** The clients spread over several instances, client i on instance i mod n (as a round-robin balancer would). */
    static Load load(List<BenchServer> instances, byte[] body, int clients, int seconds) throws Exception {
        Load load = new Load(Collections.synchronizedList(new ArrayList<>()), new AtomicInteger(), new AtomicInteger());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            BenchServer bench = instances.get(i % instances.size());
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> response =
                            bench.http.send(bench.createFolder(body), HttpResponse.BodyHandlers.ofString());
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    if (response.statusCode() == 201 && BenchServer.finished(response.body())) {
                        load.latencies.add(millis);
                    } else if (response.statusCode() == 429) {
                        load.refused.incrementAndGet();
                        Thread.sleep(100);
                    } else {
                        load.errors.incrementAndGet();
                        System.err.println("unexpected " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return load;
    }
}
