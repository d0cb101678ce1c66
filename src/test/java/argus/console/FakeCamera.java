package argus.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * Real clips turned into what Chromium's fake camera plays ({@code --use-file-for-fake-video-capture}): raw Y4M,
 * converted by the FFmpeg program JavaCV ships. The camera loops its file, so a clip is played forward then backward,
 * and a recording that starts at any moment of the loop sees continuous motion rather than a cut back to the start.
 */
final class FakeCamera {
    private FakeCamera() {}

    /** The Chromium flags of a camera showing the clip. */
    static String[] showing(Path y4m) {
        return new String[] {
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            "--use-file-for-fake-video-capture=" + y4m.toAbsolutePath()
        };
    }

    /** The clip as a forward-and-back Y4M loop, 640 pixels wide at 30 frames a second. */
    static Path loop(Path clip, Path target) {
        return ffmpeg(
                target,
                "-i",
                clip.toString(),
                "-filter_complex",
                "[0:v]scale=640:-2,fps=30,format=yuv420p,split[forward][copy];[copy]reverse[back];"
                        + "[forward][back]concat=n=2:v=1:a=0[out]",
                "-map",
                "[out]",
                "-f",
                "yuv4mpegpipe");
    }

    /** The clip's first frame as a JPEG: a reference photo of the same person. */
    static Path firstFrame(Path clip, Path target) {
        return ffmpeg(target, "-i", clip.toString(), "-frames:v", "1", "-q:v", "2");
    }

    private static Path ffmpeg(Path target, String... arguments) {
        List<String> command =
                new ArrayList<>(List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-y", "-v", "error"));
        command.addAll(List.of(arguments));
        command.add(target.toString());
        try {
            Files.createDirectories(target.getParent());
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertEquals(0, process.waitFor(), "ffmpeg " + command + ": " + output);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
