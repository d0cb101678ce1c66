package argus.vision;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The frames sampled from one media. A video's samples are decoded as they are asked for, in a single forward pass,
 * so work stops at the last sample an analysis needs. Owns the frames' native memory until closed; safe for use by
 * several threads.
 */
public interface FrameSeries extends AutoCloseable {

    MediaInfo info();

    /** How many samples the series spans (a photo has one). */
    int size();

    /**
     * The sample at {@code index}, decoding forward to it if needed.
     *
     * @throws MediaRejectedException when the media turns out damaged or truncated before that sample
     */
    Frame frame(int index);

    /** Every sample, decoding the whole series. */
    default List<Frame> frames() {
        return IntStream.range(0, size()).mapToObj(this::frame).toList();
    }

    @Override
    void close();
}
