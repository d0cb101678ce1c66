package argus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared real media beside the project ({@code ARGUS_TEST_MEDIA}, default {@code ../shared/media}). Tests that
 * need it fail, never skip, when it is missing.
 */
public final class TestMedia {
    private TestMedia() {}

    public static Path root() {
        String configured = System.getenv("ARGUS_TEST_MEDIA");
        Path root = Path.of(configured == null || configured.isBlank() ? "../shared/media" : configured);
        assertTrue(
                Files.isDirectory(root),
                "the shared test media are missing at " + root.toAbsolutePath() + " (set ARGUS_TEST_MEDIA)");
        return root;
    }

    public static Path file(String relative) {
        Path file = root().resolve(relative);
        assertTrue(Files.isRegularFile(file), "missing test media " + file);
        return file;
    }
}
