package argus.vision;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/** Opens an uploaded file as a photo or a video according to its content, whatever its name says. */
@Singleton
public class MediaOpener {
    private final MediaLimits limits;

    public MediaOpener(MediaLimits limits) {
        this.limits = limits;
        // FFmpeg would print every complaint about hostile files to stderr; refusals are reported to the caller instead.
        av_log_set_level(AV_LOG_QUIET);
    }

    public MediaLimits limits() {
        return limits;
    }

    public MediaSource open(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw MediaRejectedException.empty();
            }
            ImageHeader header = ImageHeader.read(file);
            return header != null ? new ImageSource(file, header, limits) : new VideoSource(file, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
