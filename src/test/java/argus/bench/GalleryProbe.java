package argus.bench;

import argus.blacklist.Embeddings;
import argus.blacklist.FaceIndex;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * One Argus application context on a PostgreSQL database, in a process of its own so that its memory is its own:
 * {@code seed <faces>} enrols that many more synthetic faces (10 per person) with plain SQL, {@code search} loads the
 * company's gallery through the blacklist index and times whole 1:N searches (first pass and rescoring from the
 * database), then prints the process's resident memory.
 */
public final class GalleryProbe {
    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        Path dataDir = Files.createTempDirectory("argus-gallery");
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url",
                jdbcUrl,
                "datasources.default.username",
                "postgres",
                "datasources.default.password",
                "",
                "datasources.default.driver-class-name",
                "org.postgresql.Driver",
                "datasources.default.dialect",
                "POSTGRES",
                "argus.data-dir",
                dataDir.toString(),
                "argus.auth.admin-password",
                "gallery-probe-password"))) {
            UUID companyId = company(jdbcUrl);
            if (args[1].equals("seed")) {
                seed(jdbcUrl, companyId, Integer.parseInt(args[2]));
            } else {
                search(context.getBean(FaceIndex.class), companyId);
            }
        }
    }

    private static Connection connect(String jdbcUrl) throws Exception {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    private static UUID company(String jdbcUrl) throws Exception {
        try (Connection connection = connect(jdbcUrl);
                ResultSet row = connection.createStatement().executeQuery("SELECT id FROM company")) {
            row.next();
            return row.getObject(1, UUID.class);
        }
    }

    private static void seed(String jdbcUrl, UUID companyId, int faces) throws Exception {
        Random random = new Random(faces);
        Timestamp now = Timestamp.from(Instant.now());
        long start = System.nanoTime();
        try (Connection connection = connect(jdbcUrl)) {
            connection.setAutoCommit(false);
            UUID collectionId = UUID.randomUUID();
            try (PreparedStatement collection = connection.prepareStatement(
                    "INSERT INTO face_collection (id, company_id, alias, time_created, time_updated) VALUES (?, ?, 'seeded', ?, ?)")) {
                collection.setObject(1, collectionId);
                collection.setObject(2, companyId);
                collection.setTimestamp(3, now);
                collection.setTimestamp(4, now);
                collection.executeUpdate();
            }
            try (PreparedStatement person = connection.prepareStatement(
                            "INSERT INTO person (id, collection_id, company_id, meta_data, time_created, time_updated) VALUES (?, ?, ?, '{}', ?, ?)");
                    PreparedStatement image = connection.prepareStatement(
                            "INSERT INTO person_image (id, person_id, collection_id, company_id, original_name, content_type, storage_key, "
                                    + "embedding, time_created) VALUES (?, ?, ?, ?, 'seeded.jpg', 'image/jpeg', ?, ?, ?)")) {
                UUID personId = null;
                for (int i = 0; i < faces; i++) {
                    if (i % 10 == 0) {
                        personId = UUID.randomUUID();
                        person.setObject(1, personId);
                        person.setObject(2, collectionId);
                        person.setObject(3, companyId);
                        person.setTimestamp(4, now);
                        person.setTimestamp(5, now);
                        person.executeUpdate();
                    }
                    UUID imageId = UUID.randomUUID();
                    image.setObject(1, imageId);
                    image.setObject(2, personId);
                    image.setObject(3, collectionId);
                    image.setObject(4, companyId);
                    image.setString(5, "seeded/" + imageId);
                    image.setString(6, Embeddings.encode(Benchmark.unit(random)));
                    image.setTimestamp(7, now);
                    image.addBatch();
                    if (i % 1000 == 999) {
                        image.executeBatch();
                        connection.commit();
                    }
                }
                image.executeBatch();
            }
            try (PreparedStatement bump =
                    connection.prepareStatement("UPDATE company SET faces_version = faces_version + 1 WHERE id = ?")) {
                bump.setObject(1, companyId);
                bump.executeUpdate();
            }
            connection.commit();
        }
        System.out.printf("seeded %,d faces in %.0f s%n", faces, (System.nanoTime() - start) / 1e9);
    }

    private static void search(FaceIndex index, UUID companyId) throws Exception {
        Random random = new Random(42);
        long start = System.nanoTime();
        index.search(companyId, Benchmark.unit(random), 5, Set.of());
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            float[] probe = Benchmark.unit(random);
            long begin = System.nanoTime();
            index.search(companyId, probe, 5, Set.of());
            if (i >= 20) {
                micros.add((System.nanoTime() - begin) / 1000);
            }
        }
        Collections.sort(micros);
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                "gallery loaded from PostgreSQL in %.1f s; 1:N search (5 best, exact): median %.1f ms, p95 %.1f ms; "
                        + "heap used %d MB; process RSS %d MB now, %d MB peak%n",
                loadSeconds,
                micros.get(micros.size() / 2) / 1000.0,
                BenchServer.percentile(micros, 95) / 1000.0,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                status("VmRSS") / 1024,
                status("VmHWM") / 1024);
    }

    private static long status(String field) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith(field + ":"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(-1);
    }
}
