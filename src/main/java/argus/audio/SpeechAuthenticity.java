package argus.audio;

import argus.analysis.Scores;
import argus.vision.ModelPacks;
import argus.vision.ModelUnavailableException;
import argus.vision.OnnxModel;
import argus.vision.PackManifest;
import io.micronaut.context.annotation.Context;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a channel for synthetic (text-to-speech, voice-converted) speech with AASIST: 4.04-s windows with 50 %
 * overlap of the channel after {@link NoiseReduction}, each giving the model's log-odds of genuine speech
 * ({@code logits[1] - logits[0]}); windows that are mostly silence are left out and the rest are averaged, weighted by
 * their share of speech. The score is those log-odds: above 0 genuine, below 0 synthetic by the model's own boundary;
 * the pack's fitted {@code speech_calibration} says from how far below 0 a score is synthetic rather than inconclusive
 * (phone codecs and noisy rooms pull genuine speech below 0). Audio shorter than a window is repeated to fill it, as
 * the model was trained. With less speech than {@link AudioConfig#minSpeechSeconds()} there is no score. Without the
 * pack installed, every use is refused with {@link ModelUnavailableException}.
 */
@Context
public class SpeechAuthenticity {
    static final String ROLE = "speech_spoof";
    private static final double MIN_WINDOW_SPEECH = 0.3;
    /** Without a fitted calibration, the model's own boundary: genuine from 0, synthetic below, nothing between. */
    private static final PackManifest.EvidenceBands OWN_BOUNDARY = new PackManifest.EvidenceBands(0, 0, null);

    private final AudioConfig config;
    private final OnnxModel model;
    private final PackManifest.EvidenceBands bands;
    /** The same bands on the probability of synthesis, σ(-score). */
    private final PackManifest.EvidenceBands probabilityBands;

    public SpeechAuthenticity(ModelPacks packs, AudioConfig config) {
        this.config = config;
        PackManifest manifest = packs.manifest(config.pack());
        this.model = packs.loadIfPresent(
                        config.pack(), List.of(manifest.models().get(ROLE)))
                .map(List::getFirst)
                .orElse(null);
        this.bands = manifest.speechCalibration() == null ? OWN_BOUNDARY : manifest.speechCalibration();
        this.probabilityBands = new PackManifest.EvidenceBands(
                sigmoid(bands.inconclusiveFrom()), sigmoid(bands.manipulatedFrom()), bands.fittedOn());
    }

    /** A channel's probability of synthesis on the verdict scale ({@link PackManifest.EvidenceBands#onVerdictScale}). */
    public double onVerdictScale(double score) {
        return probabilityBands.onVerdictScale(sigmoid(-score));
    }

    private static double sigmoid(double logOdds) {
        return 1 / (1 + Math.exp(-logOdds));
    }

    /** Refuses at once when the pack is not installed, before any work is accepted that would need it. */
    public void requireInstalled() {
        if (model == null) {
            throw new ModelUnavailableException(config.pack());
        }
    }

    /** What a channel's score says: genuine, synthetic, or neither (the band where degraded genuine speech also lands). */
    public PackManifest.EvidenceBands.Verdict verdict(double score) {
        return bands.verdict(-score);
    }

    public PackManifest.EvidenceBands bands() {
        return bands;
    }

    /** One channel's verdict: its speech in seconds and its score, null when there is too little speech. */
    @Serdeable
    public record ChannelScore(int channel, double speechSeconds, Double score) {}

    public List<ChannelScore> score(DecodedAudio audio) {
        requireInstalled();
        List<ChannelScore> scores = new ArrayList<>();
        for (int c = 0; c < audio.channels().length; c++) {
            scores.add(scoreChannel(c, audio.channels()[c]));
        }
        return scores;
    }

    private ChannelScore scoreChannel(int channel, float[] recorded) {
        SpeechActivity activity = SpeechActivity.of(recorded);
        double speech = activity.speechSeconds();
        if (speech < config.minSpeechSeconds()) {
            return new ChannelScore(channel, Scores.round(speech), null);
        }
        float[] samples = NoiseReduction.denoise(recorded);
        int window = (int) model.spec().input().get(1).longValue();
        List<Integer> starts = windowStarts(samples.length, window);
        double weighted = 0;
        double weights = 0;
        for (int start : starts) {
            double share = activity.speechShare(start, Math.min(samples.length, start + window));
            if (share < MIN_WINDOW_SPEECH && starts.size() > 1) {
                continue;
            }
            float[] logits = model.run(window(samples, start, window)).get("logits");
            weighted += share * (logits[1] - logits[0]);
            weights += share;
        }
        return new ChannelScore(channel, Scores.round(speech), weights == 0 ? null : Scores.round(weighted / weights));
    }

    /** Window starts every half window, the last one ending with the audio. */
    private static List<Integer> windowStarts(int length, int window) {
        List<Integer> starts = new ArrayList<>();
        if (length <= window) {
            starts.add(0);
            return starts;
        }
        for (int start = 0; start + window <= length; start += window / 2) {
            starts.add(start);
        }
        if (starts.getLast() + window < length) {
            starts.add(length - window);
        }
        return starts;
    }

    /** The window at {@code start}, the audio repeated when it is shorter than the window. */
    private static float[] window(float[] samples, int start, int window) {
        float[] out = new float[window];
        for (int i = 0; i < window; i++) {
            out[i] = samples[(start + i) % samples.length];
        }
        return out;
    }
}
