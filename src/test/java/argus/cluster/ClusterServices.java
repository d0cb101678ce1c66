package argus.cluster;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server and a real S3-compatible server (S3Mock, fetched from Maven Central by the build) on
 * loopback, started once for every test that shares them and stopped when the test JVM exits. PostgreSQL comes from
 * the machine (Debian's {@code postgresql} package, which {@code .ci/run} installs); it refuses to run as root, so
 * it runs as the {@code postgres} user when the tests run as root.
 */
public final class ClusterServices {
    public static final String BUCKET = "argus-cluster";
    public static final String ACCESS_KEY = "argus-test-access";
    public static final String SECRET_KEY = "argus-test-secret";

    private static ClusterServices running;

    private final int pgPort;
    private final int s3Port;
    private final String pgVersion;
    private final String s3Version;

    private ClusterServices(int pgPort, int s3Port, String pgVersion, String s3Version) {
        this.pgPort = pgPort;
        this.s3Port = s3Port;
        this.pgVersion = pgVersion;
        this.s3Version = s3Version;
    }

    /** The running services, started on first use; the calling test is skipped if PostgreSQL is not installed. */
    public static synchronized ClusterServices get() throws Exception {
        if (running == null) {
            Optional<Path> bin = postgresBin();
            Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL is not installed (apt-get install postgresql)");
            running = start(bin.get());
        }
        return running;
    }

    public String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
    }

    public String versions() {
        return pgVersion + "; S3Mock " + s3Version;
    }

    /** A new empty database, so that every test starts from a fresh schema. */
    public String newDatabase() throws SQLException {
        String name = "argus_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    /** What an Argus instance needs to share this database and this store with others. */
    public Map<String, String> argusEnvironment(String database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATASOURCES_DEFAULT_URL", jdbcUrl(database));
        environment.put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        environment.put("DATASOURCES_DEFAULT_PASSWORD", "");
        environment.put("DATASOURCES_DEFAULT_DRIVER_CLASS_NAME", "org.postgresql.Driver");
        environment.put("DATASOURCES_DEFAULT_DIALECT", "POSTGRES");
        environment.put("ARGUS_STORAGE", "s3");
        environment.put("ARGUS_S3_BUCKET", BUCKET);
        environment.put("ARGUS_S3_ENDPOINT", s3Endpoint());
        environment.put("ARGUS_S3_PATH_STYLE", "true");
        environment.put("ARGUS_S3_PART_SIZE", Integer.toString(5 * 1024 * 1024));
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        return environment;
    }

    private static ClusterServices start(Path bin) throws Exception {
        Path work = Files.createTempDirectory("argus-cluster");
        work.toFile().deleteOnExit();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path pgData = work.resolve("pg");
        Files.createDirectories(pgData);
        if (root) {
            run(List.of("chown", "postgres", work.toString(), pgData.toString()));
        }
        int pgPort = argus.ServerProcess.freePort();
        run(asPostgres(
                root,
                bin.resolve("initdb").toString(),
                "-D",
                pgData.resolve("data").toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8"));
        run(asPostgres(
                root,
                bin.resolve("pg_ctl").toString(),
                "-D",
                pgData.resolve("data").toString(),
                "-w",
                "-l",
                pgData.resolve("log").toString(),
                "-o",
                "-p " + pgPort + " -k " + pgData + " -c listen_addresses=127.0.0.1 -c max_connections=200",
                "start"));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> quietly(asPostgres(
                        root,
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        pgData.resolve("data").toString(),
                        "-m",
                        "immediate",
                        "stop"))));
        String pgVersion = output(List.of(bin.resolve("postgres").toString(), "--version"));

        int s3Port = argus.ServerProcess.freePort();
        Path jar = Path.of(System.getProperty("argus.test.s3mock", "target/cluster/s3mock.jar"));
        Process s3mock = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--http.port=" + s3Port,
                        "--server.port=" + argus.ServerProcess.freePort(),
                        "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET + "," + S3MediaStoreTest.BUCKET,
                        "--com.adobe.testing.s3mock.store.root=" + work.resolve("s3"))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("s3mock.log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(s3mock::destroyForcibly));
        awaitHttp("http://127.0.0.1:" + s3Port + "/", s3mock, work.resolve("s3mock.log"));
        String s3Version = System.getProperty("argus.test.s3mock.version", "(version unknown)");
        ClusterServices services = new ClusterServices(pgPort, s3Port, pgVersion, s3Version);
        System.out.println("multi-instance services: " + services.versions());
        Path report = Path.of("target", "cluster", "versions.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, services.versions() + System.lineSeparator());
        return services;
    }

    /** The newest installed PostgreSQL's programs: Debian keeps them under /usr/lib/postgresql/<major>/bin. */
    private static Optional<Path> postgresBin() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (var versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparingInt(bin -> Integer.parseInt(
                                bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(Path::of)
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("postgres")))
                .findFirst();
    }

    private static List<String> asPostgres(boolean root, String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static String output(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return output;
    }

    private static void quietly(List<String> command) {
        try {
            run(command);
        } catch (Exception ignored) {
            // the JVM is exiting; the server's directory is temporary
        }
    }

    private static void awaitHttp(String url, Process server, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("S3Mock exited:\n" + Files.readString(log));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) URI.create(url).toURL().openConnection();
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("S3Mock did not start within two minutes; see " + log);
    }
}
