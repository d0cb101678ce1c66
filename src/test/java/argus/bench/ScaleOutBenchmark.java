package argus.bench;

import argus.cluster.ClusterServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The single request's throughput on H2 + local files, then on PostgreSQL + an S3-compatible store (S3Mock) with one
 * instance and with two instances sharing this machine's cores, all with the same clip, clients and time; then whole
 * 1:N searches with the gallery loaded from PostgreSQL at 100 000 and 1 000 000 enrolled faces. PostgreSQL and S3Mock
 * are started as in the multi-instance tests.
 *
 * <p>Settings (system properties): {@code bench.clients} (4), {@code bench.seconds} (60), {@code bench.warmup} (10),
 * {@code bench.liveness} (minifasnet), {@code bench.setups} (h2,pg1,pg2,gallery; a setup named twice runs twice, alternating
 * runs cancel some of the machine's drift), {@code bench.faces} (100000,1000000),
 * {@code bench.gallery-jvm} (JVM options of the process holding the gallery, e.g. {@code -Xmx700m}).
 */
public final class ScaleOutBenchmark {
    private record Throughput(double perMinute, long p95) {}

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 4);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmup = Integer.getInteger("bench.warmup", 10);
        String liveness = System.getProperty("bench.liveness", "minifasnet");
        ClusterServices services = ClusterServices.get();
        System.out.println("services: " + services.versions());
        Path work = Files.createTempDirectory("argus-scaleout");
        Path clip = BenchServer.phoneClip(work);
        byte[] body = BenchServer.multipart(Files.readAllBytes(clip), BenchServer.QUALITY_PAYLOAD);

        List<String> setups =
                List.of(System.getProperty("bench.setups", "h2,pg1,pg2,gallery").split(","));
        Map<String, List<Throughput>> measured = new HashMap<>();
        for (String setup : setups) {
            Throughput throughput = switch (setup) {
                case "h2" ->
                    throughput(
                            "H2 + local files, 1 instance",
                            1,
                            Map.of(),
                            work.resolve("h2-" + measured.size()),
                            body,
                            liveness,
                            clients,
                            warmup,
                            seconds);
                case "pg1" ->
                    throughput(
                            "PostgreSQL + S3, 1 instance",
                            1,
                            services.argusEnvironment(services.newDatabase()),
                            work.resolve("pg1-" + measured.size()),
                            body,
                            liveness,
                            clients,
                            warmup,
                            seconds);
                case "pg2" ->
                    throughput(
                            "PostgreSQL + S3, 2 instances",
                            2,
                            services.argusEnvironment(services.newDatabase()),
                            work.resolve("pg2-" + measured.size()),
                            body,
                            liveness,
                            clients,
                            warmup,
                            seconds);
                default -> null;
            };
            if (throughput != null) {
                measured.computeIfAbsent(setup, key -> new ArrayList<>()).add(throughput);
            }
        }
        if (measured.containsKey("h2")) {
            double local = mean(measured.get("h2"));
            for (String setup : List.of("pg1", "pg2")) {
                if (measured.containsKey(setup)) {
                    System.out.printf(
                            "ratio of %s to H2 + local files (means of %d and %d runs): %.2f%n",
                            setup,
                            measured.get(setup).size(),
                            measured.get("h2").size(),
                            mean(measured.get(setup)) / local);
                }
            }
        }
        if (!setups.contains("gallery")) {
            return;
        }

        String gallery = services.jdbcUrl(services.newDatabase());
        int enrolled = 0;
        for (String faces : System.getProperty("bench.faces", "100000,1000000").split(",")) {
            int target = Integer.parseInt(faces.trim());
            probe(gallery, "seed", Integer.toString(target - enrolled));
            enrolled = target;
            System.out.printf("%n== 1:N with %,d enrolled faces%n", enrolled);
            probe(gallery, "search");
        }
    }

    private static double mean(List<Throughput> runs) {
        return runs.stream().mapToDouble(Throughput::perMinute).average().orElseThrow();
    }

    private static Throughput throughput(
            String name,
            int instances,
            Map<String, String> shared,
            Path dir,
            byte[] body,
            String liveness,
            int clients,
            int warmup,
            int seconds)
            throws Exception {
        List<BenchServer> servers = new ArrayList<>();
        Files.createDirectories(dir);
        try {
            for (int i = 0; i < instances; i++) {
                Map<String, String> environment = new HashMap<>(shared);
                servers.add(BenchServer.start(
                        dir.resolve("data-" + i),
                        argus.ServerProcess.freePort(),
                        liveness,
                        environment,
                        dir.resolve("server-" + i + ".log")));
            }
            Benchmark.load(servers, body, clients, warmup);
            Map<String, Double> cpuBefore = cpuSeconds();
            Benchmark.Load run = Benchmark.load(servers, body, clients, seconds);
            Map<String, Double> cpuAfter = cpuSeconds();
            List<Long> latencies = new ArrayList<>(run.latencies());
            Collections.sort(latencies);
            double perMinute = latencies.size() * 60.0 / seconds;
            long p95 = BenchServer.percentile(latencies, 95);
            System.out.printf("%n== %s: %d clients, %d s%n", name, clients, seconds);
            System.out.printf("analyses/min:   %.0f%n", perMinute);
            System.out.printf(
                    "latency ms:     p50 %d, p95 %d, p99 %d%n",
                    BenchServer.percentile(latencies, 50), p95, BenchServer.percentile(latencies, 99));
            System.out.printf(
                    "refused (429):  %d; errors: %d%n",
                    run.refused().get(), run.errors().get());
            for (BenchServer server : servers) {
                System.out.printf("server RSS:     %d MB peak%n", server.process.memoryKb("VmHWM") / 1024);
            }
            System.out.printf(
                    "CPU seconds used during the run (%d available):",
                    seconds * Runtime.getRuntime().availableProcessors());
            cpuAfter.forEach(
                    (who, used) -> System.out.printf(" %s %.0f;", who, used - cpuBefore.getOrDefault(who, 0.0)));
            System.out.println();
            return new Throughput(perMinute, p95);
        } finally {
            servers.forEach(server -> server.process.close());
        }
    }

    /**
     * CPU time so far of the processes on this machine by kind (Argus, S3Mock, PostgreSQL, the load clients): the
     * shared services run on the same cores as the instances they serve.
     */
    private static Map<String, Double> cpuSeconds() throws Exception {
        Map<String, Double> used = new HashMap<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String command =
                            Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    String kind = command.contains("argus.Application")
                            ? "Argus"
                            : command.contains(ScaleOutBenchmark.class.getName())
                                    ? "clients"
                                    : command.contains("-jar") && command.contains("s3mock")
                                            ? "S3Mock"
                                            : command.startsWith("postgres") ? "PostgreSQL" : null;
                    if (kind != null) {
                        used.merge(kind, seconds, Double::sum);
                    }
                } catch (java.io.IOException exited) {
                    // the process ended meanwhile
                }
            }
        }
        return used;
    }

    private static void probe(String jdbcUrl, String... command) throws Exception {
        List<String> arguments = argus.ServerProcess.javaCommand(
                Arrays.stream(System.getProperty("bench.gallery-jvm", "").split("\\s+"))
                        .filter(option -> !option.isBlank())
                        .toList(),
                GalleryProbe.class.getName());
        arguments.add(jdbcUrl);
        arguments.addAll(List.of(command));
        Process process = new ProcessBuilder(arguments).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the gallery probe failed: " + String.join(" ", command));
        }
    }
}
