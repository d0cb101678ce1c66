package argus.vision;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Opens an uploaded file as a photo or a video according to its content, whatever its name says. */
@Singleton
public class MediaOpener {
    private final MediaLimits limits;

    public MediaOpener(MediaLimits limits) {
        this.limits = limits;
        // FFmpeg would print every complaint about hostile files to stderr; refusals are reported to the caller
        // instead.
        av_log_set_level(AV_LOG_QUIET);
    }

    public MediaLimits limits() {
        return limits;
    }

    public MediaSource open(Path file) {
        return open(new MediaData.InFile(file));
    }

    /** The file as a video: a photo, or anything that is not media, is refused. */
    public MediaSource openVideo(Path file) {
        MediaSource source = open(file);
        if (source.info().kind() != MediaKind.VIDEO) {
            source.close();
            throw MediaRejectedException.unsupported("the file is not a video (mp4, mov, webm, mkv, avi)");
        }
        return source;
    }

    /** The data as a photo or a video. */
    public MediaSource open(MediaData data) {
        return open(data, false);
    }

    /** The data as a photo, a video, or, when {@code shotSets} are accepted, a ZIP of frames. */
    public MediaSource open(MediaData data, boolean shotSets) {
        if (data.size() == 0) {
            throw MediaRejectedException.empty();
        }
        ImageHeader header = ImageHeader.read(data);
        if (header != null) {
            return new ImageSource(data, header, limits);
        }
        if (ShotSetSource.isZip(data)) {
            if (!shotSets) {
                throw MediaRejectedException.unsupported("a ZIP archive is not a photo or a video");
            }
            return new ShotSetSource(data, limits);
        }
        return new VideoSource(data, limits);
    }
}
