package argus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What refused requests must not leave behind on disk. */
public final class Leftovers {
    private Leftovers() {
    }

    /** Regular files anywhere under {@code dir} (none when it does not exist). */
    public static long files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
