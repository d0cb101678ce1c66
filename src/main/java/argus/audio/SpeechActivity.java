package argus.audio;

import java.util.Arrays;

/**
 * Where a channel holds speech rather than silence: 20-ms frames whose loudness (RMS) is within 30 dB of the
 * channel's loud frames (its 90th percentile) and above an absolute floor of -50 dBFS, plus the 100 ms either side of
 * them (the quiet consonants and short gaps inside words). An energy detector, not a speech recogniser: it tells sound
 * from silence, which is what the 3-second rule and the window weighting need.
 */
public final class SpeechActivity {
    static final int FRAME = AudioDecoder.SAMPLE_RATE / 50;
    private static final double FLOOR = 0.00316;
    private static final double RELATIVE = 0.0316;
    private static final int HANGOVER_FRAMES = 5;
    private final boolean[] voiced;

    private SpeechActivity(boolean[] voiced) {
        this.voiced = voiced;
    }

    public static SpeechActivity of(float[] samples) {
        int frames = samples.length / FRAME;
        double[] rms = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                sum += samples[i] * samples[i];
            }
            rms[f] = Math.sqrt(sum / FRAME);
        }
        double[] sorted = rms.clone();
        Arrays.sort(sorted);
        double loud = frames == 0 ? 0 : sorted[(int) Math.min(frames - 1, Math.floor(0.9 * frames))];
        double threshold = Math.max(FLOOR, RELATIVE * loud);
        boolean[] voiced = new boolean[frames];
        for (int f = 0; f < frames; f++) {
            if (rms[f] >= threshold) {
                Arrays.fill(voiced, Math.max(0, f - HANGOVER_FRAMES), Math.min(frames, f + HANGOVER_FRAMES + 1), true);
            }
        }
        return new SpeechActivity(voiced);
    }

    public double speechSeconds() {
        return voicedFrames(0, voiced.length) * FRAME / (double) AudioDecoder.SAMPLE_RATE;
    }

    /** Share of the frames between two sample positions that hold speech. */
    public double speechShare(int fromSample, int toSample) {
        int from = Math.max(0, fromSample / FRAME);
        int to = Math.min(voiced.length, toSample / FRAME);
        return to <= from ? 0 : voicedFrames(from, to) / (double) (to - from);
    }

    private int voicedFrames(int from, int to) {
        int count = 0;
        for (int f = from; f < to; f++) {
            count += voiced[f] ? 1 : 0;
        }
        return count;
    }
}
