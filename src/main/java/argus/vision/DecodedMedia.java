package argus.vision;

import java.util.List;

/** A series whose frames are all decoded already (a photo). */
record DecodedMedia(MediaInfo info, List<Frame> frames) implements FrameSeries {

    @Override
    public int size() {
        return frames.size();
    }

    @Override
    public Frame frame(int index) {
        return frames.get(index);
    }

    @Override
    public void close() {
        frames.forEach(frame -> frame.image().close());
    }
}
