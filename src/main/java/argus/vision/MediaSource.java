package argus.vision;

/**
 * An opened media file: probed on opening, decoded on demand. Opening never allocates pixels, so every limit can be
 * checked before any decoding starts.
 */
public sealed interface MediaSource extends AutoCloseable permits ImageSource, VideoSource, ShotSetSource {

    MediaInfo info();

    /** {@code count} frames spread over the media (a photo has one). */
    FrameSeries sample(int count);

    /** The first decodable frame (the photo itself), for previews. */
    FrameSeries preview();

    @Override
    void close();
}
