package argus.vision;

import java.util.List;

/** The frames sampled from one media file; owns their native memory until closed. */
public record DecodedMedia(MediaInfo info, List<Frame> frames) implements AutoCloseable {

    @Override
    public void close() {
        frames.forEach(frame -> frame.image().close());
    }
}
