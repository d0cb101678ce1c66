package argus.vision;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * What the service agrees to decode. Every bound protects memory and time against hostile uploads.
 *
 * @param maxImagePixels          largest photo accepted (width x height as declared in its header)
 * @param maxVideoPixels          largest video frame accepted
 * @param maxVideoDurationSeconds longest video accepted, as declared by its container
 * @param maxDecodedFrames        hard stop for the decoder, whatever the container declares
 * @param maxFrameSide            frames kept for analysis are scaled down so that their longer side fits
 * @param sampledFrames           frames sampled from a video for the analyses
 * @param gestureFramesPerSecond  sampling rate of a video tagged with a gesture, so that the gesture can be followed
 * @param blinkFramesPerSecond    the same for a video tagged {@code video_selfie_eyes}: a blink's closed phase lasts only
 *                                a tenth of a second or two, so it needs denser samples than a head movement
 * @param maxGestureFrames        bound on the frames sampled from such a video
 * @param decoderThreads          FFmpeg threads per video; 1 gives the best throughput when requests run in parallel
 * @param skipNonReferenceFrames  let FFmpeg skip frames nothing else depends on (B-frames): the samples come from the rest
 * @param maxShotFrames           frames a shot set (ZIP of frames) may hold; each is bounded like a video frame
 * @param maxShotSetBytes         bytes a shot set may inflate to, all frames together
 * @param maxCompressionRatio     inflated size a shot set may reach against its compressed size (a ZIP bomb's is huge)
 */
@ConfigurationProperties("argus.media")
public record MediaLimits(
        @Bindable(defaultValue = "50000000") long maxImagePixels,
        @Bindable(defaultValue = "9437184") long maxVideoPixels,
        @Bindable(defaultValue = "120") double maxVideoDurationSeconds,
        @Bindable(defaultValue = "7200") int maxDecodedFrames,
        @Bindable(defaultValue = "1280") int maxFrameSide,
        @Bindable(defaultValue = "8") int sampledFrames,
        @Bindable(defaultValue = "6") double gestureFramesPerSecond,
        @Bindable(defaultValue = "15") double blinkFramesPerSecond,
        @Bindable(defaultValue = "64") int maxGestureFrames,
        @Bindable(defaultValue = "1") int decoderThreads,
        @Bindable(defaultValue = "true") boolean skipNonReferenceFrames,
        @Bindable(defaultValue = "300") int maxShotFrames,
        @Bindable(defaultValue = "134217728") long maxShotSetBytes,
        @Bindable(defaultValue = "100") int maxCompressionRatio) {

    /** Frames to sample from a video of this length tagged with a gesture: a fixed rate over the clip, within bounds. */
    public int gestureFrames(double durationSeconds, boolean blink) {
        int dense = (int) Math.ceil(durationSeconds * (blink ? blinkFramesPerSecond : gestureFramesPerSecond));
        return Math.max(sampledFrames, Math.min(maxGestureFrames, dense));
    }
}
