package argus.audio;

/** Audio decoded to {@link AudioDecoder#SAMPLE_RATE} Hz floats in [-1, 1], one array per channel. */
public record DecodedAudio(float[][] channels) {

    public double durationSeconds() {
        return channels.length == 0 ? 0 : channels[0].length / (double) AudioDecoder.SAMPLE_RATE;
    }
}
