package argus.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.storage.MediaStore;
import argus.storage.S3Config;
import argus.storage.S3MediaStore;
import argus.storage.StorageConfig;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 media store against a real S3-compatible server: what the local store guarantees holds there too. */
class S3MediaStoreTest {
    static final String BUCKET = "argus-store";
    private static final int PART = 5 * 1024 * 1024;

    @TempDir
    static Path dataDir;

    private static S3MediaStore store;
    private static S3Client s3;

    @BeforeAll
    static void connect() throws Exception {
        ClusterServices services = ClusterServices.get();
        System.setProperty("aws.accessKeyId", ClusterServices.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", ClusterServices.SECRET_KEY);
        store = new S3MediaStore(
                new S3Config(BUCKET, services.s3Endpoint(), "us-east-1", true, PART), new StorageConfig(dataDir));
        s3 = S3Client.builder()
                .endpointOverride(URI.create(services.s3Endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ClusterServices.ACCESS_KEY, ClusterServices.SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void anObjectAbovePartSizeIsUploadedInPartsAndReadBackWhole() throws Exception {
        byte[] content = randomBytes(2 * PART + 12345);
        MediaStore.StagedFile staged = store.stage(new ByteArrayInputStream(content));
        assertEquals(content.length, staged.size());
        store.commit(staged, "company/folder/large.bin");

        assertFalse(Files.exists(staged.path()), "the staged copy is gone once stored");
        assertEquals(
                "3",
                s3.headObject(r -> r.bucket(BUCKET).key("company/folder/large.bin"))
                        .eTag()
                        .replaceAll(".*-(\\d+)\"?$", "$1"),
                "stored as a three-part upload");
        assertEquals(content.length, store.size("company/folder/large.bin"));
        try (InputStream in = store.open("company/folder/large.bin")) {
            assertArrayEquals(content, in.readAllBytes());
        }
        MediaStore.Slice tail = store.read("company/folder/large.bin", new MediaStore.ByteRange((long) PART + 7, null));
        try (InputStream in = tail.content()) {
            assertArrayEquals(
                    Arrays.copyOfRange(content, PART + 7, content.length),
                    in.readAllBytes(),
                    "a ranged read starts at its offset");
        }
        assertEquals(
                List.of((long) PART + 7, (long) content.length - 1, (long) content.length),
                List.of(tail.first(), tail.last(), tail.total()),
                "one GET tells the bytes served and the object's size");
        MediaStore.Slice middle = store.read("company/folder/large.bin", new MediaStore.ByteRange(10L, 19L));
        try (InputStream in = middle.content()) {
            assertArrayEquals(
                    Arrays.copyOfRange(content, 10, 20),
                    in.readAllBytes(),
                    "a closed range is cut by the store, not locally");
        }
        MediaStore.Slice last = store.read("company/folder/large.bin", new MediaStore.ByteRange(null, 5L));
        try (InputStream in = last.content()) {
            assertArrayEquals(
                    Arrays.copyOfRange(content, content.length - 5, content.length),
                    in.readAllBytes(),
                    "a suffix range");
        }
        MediaStore.RangeNotSatisfiable past = assertThrows(
                MediaStore.RangeNotSatisfiable.class,
                () -> store.read("company/folder/large.bin", new MediaStore.ByteRange((long) content.length, null)));
        assertEquals(content.length, past.total());
        Path local;
        try (MediaStore.LocalFile file = store.fetch("company/folder/large.bin")) {
            local = file.path();
            assertArrayEquals(content, Files.readAllBytes(local));
        }
        assertFalse(Files.exists(local), "the decoders' temporary copy is removed when closed");
    }

    @Test
    void smallObjectsGoInOnePutAndDeletesAndMissingKeysBehaveAsLocally() throws Exception {
        store.put("company/folder/thumb.jpg", new byte[] {1, 2, 3});
        assertTrue(store.exists("company/folder/thumb.jpg"));
        assertEquals(3, store.size("company/folder/thumb.jpg"));

        store.delete("company/folder/thumb.jpg");
        store.delete("company/folder/thumb.jpg");
        assertFalse(store.exists("company/folder/thumb.jpg"));
        assertThrows(FileNotFoundException.class, () -> store.open("company/folder/thumb.jpg"));
        assertThrows(FileNotFoundException.class, () -> store.fetch("company/folder/thumb.jpg"));
    }

    @Test
    void theSweepSeesOldObjectsAndAbortsUploadsThatACrashLeftIncomplete() throws Exception {
        store.put("sweep/old.jpg", new byte[] {4});
        String abandoned = s3.createMultipartUpload(r -> r.bucket(BUCKET).key("sweep/never-completed.bin"))
                .uploadId();
        Files.writeString(dataDir.resolve("staging").resolve("left-by-a-crash.part"), "x");
        Instant later = Instant.now().plusSeconds(1);

        try (Stream<String> keys = store.keysWrittenBefore(later)) {
            assertTrue(keys.toList().contains("sweep/old.jpg"));
        }
        try (Stream<String> keys = store.keysWrittenBefore(Instant.now().minusSeconds(3600))) {
            assertEquals(List.of(), keys.filter(key -> key.startsWith("sweep/")).toList());
        }
        assertTrue(store.discardStagedBefore(later) >= 2, "the staged file and the incomplete upload");
        assertFalse(Files.exists(dataDir.resolve("staging").resolve("left-by-a-crash.part")));
        assertTrue(s3.listMultipartUploads(r -> r.bucket(BUCKET)).uploads().stream()
                .noneMatch(u -> u.uploadId().equals(abandoned)));
    }
}
