package argus;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Speech as it reaches a service through real channels, made from a recording with FFmpeg: the telephone band (8 kHz,
 * 300-3400 Hz, G.711 mu-law), a mobile call (AMR-NB 12.2 kbit/s), low-bitrate MP3 (32 kbit/s) and Opus (24 kbit/s),
 * and room noise added at 20 and 10 dB SNR. Each variant comes back as a 16-bit WAV of the recording's rate and
 * channels, as a partner would store what it received.
 */
public final class ChannelVariants {

    public enum Channel {
        TELEPHONE("aresample=8000,highpass=f=300,lowpass=f=3400", "wav", "pcm_mulaw", 8000, 0),
        AMR_NB("aresample=8000", "amr", "libopencore_amrnb", 8000, 12200),
        MP3_32K(null, "mp3", "libmp3lame", 0, 32000),
        OPUS_24K(null, "ogg", "libopus", 48000, 24000),
        NOISE_20DB(null, null, null, 0, 20),
        NOISE_10DB(null, null, null, 0, 10);

        final String filter;
        final String container;
        final String codec;
        final int rate;
        final int bitrateOrSnr;

        Channel(String filter, String container, String codec, int rate, int bitrateOrSnr) {
            this.filter = filter;
            this.container = container;
            this.codec = codec;
            this.rate = rate;
            this.bitrateOrSnr = bitrateOrSnr;
        }
    }

    private ChannelVariants() {}

    /** The recording passed through the channel (each of its channels on its own, as mono), written into {@code dir}. */
    public static Path apply(Path recording, Channel channel, Path dir) throws IOException {
        String name = recording.getFileName().toString().replace(".wav", "") + "-"
                + channel.name().toLowerCase();
        Path out = dir.resolve(name + ".wav");
        Audio audio = read(recording, 0);
        List<Audio> passed = new ArrayList<>();
        for (int c = 0; c < audio.channels(); c++) {
            Audio mono = channelOf(audio, c);
            if (channel.codec == null) {
                passed.add(addNoise(mono, channel.bitrateOrSnr));
            } else {
                Path coded = dir.resolve(name + "-" + c + "." + channel.container);
                encode(mono, channel, coded);
                passed.add(read(coded, audio.rate()));
            }
        }
        write(interleave(passed), out);
        return out;
    }

    private static Audio channelOf(Audio audio, int channel) {
        float[] mono = new float[audio.interleaved().length / audio.channels()];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = audio.interleaved()[i * audio.channels() + channel];
        }
        return new Audio(audio.rate(), 1, mono);
    }

    private static Audio interleave(List<Audio> channels) {
        int length =
                channels.stream().mapToInt(a -> a.interleaved().length).min().orElse(0);
        float[] all = new float[length * channels.size()];
        for (int i = 0; i < length; i++) {
            for (int c = 0; c < channels.size(); c++) {
                all[i * channels.size() + c] = channels.get(c).interleaved()[i];
            }
        }
        return new Audio(channels.getFirst().rate(), channels.size(), all);
    }

    private record Audio(int rate, int channels, float[] interleaved) {}

    /** Decodes to interleaved floats, at {@code rate} (0: the file's own). */
    private static Audio read(Path file, int rate) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            if (rate > 0) {
                grabber.setSampleRate(rate);
            }
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            grabber.start();
            List<float[]> chunks = new ArrayList<>();
            int total = 0;
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                FloatBuffer buffer = (FloatBuffer) frame.samples[0];
                float[] chunk = new float[buffer.remaining()];
                buffer.get(chunk);
                chunks.add(chunk);
                total += chunk.length;
            }
            float[] all = new float[total];
            int at = 0;
            for (float[] chunk : chunks) {
                System.arraycopy(chunk, 0, all, at, chunk.length);
                at += chunk.length;
            }
            return new Audio(grabber.getSampleRate(), grabber.getAudioChannels(), all);
        }
    }

    private static void encode(Audio audio, Channel channel, Path coded) throws IOException {
        int rate = channel.rate > 0 ? channel.rate : audio.rate();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(coded.toFile(), audio.channels())) {
            recorder.setFormat(channel.container);
            recorder.setAudioCodecName(channel.codec);
            recorder.setSampleRate(rate);
            if (channel.bitrateOrSnr > 0) {
                recorder.setAudioBitrate(channel.bitrateOrSnr);
            }
            recorder.start();
            String filters = channel.filter == null ? "aresample=" + rate : channel.filter;
            try (FFmpegFrameFilter filter = new FFmpegFrameFilter(filters, audio.channels())) {
                filter.setSampleRate(audio.rate());
                filter.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
                filter.start();
                filter.pushSamples(
                        0,
                        audio.channels(),
                        audio.rate(),
                        avutil.AV_SAMPLE_FMT_FLT,
                        FloatBuffer.wrap(audio.interleaved()));
                filter.push(null);
                Frame filtered;
                while ((filtered = filter.pullSamples()) != null) {
                    recorder.recordSamples(filtered.sampleRate, filtered.audioChannels, filtered.samples);
                }
            }
            recorder.stop();
        }
    }

    /** Pink-ish noise (white noise through a one-pole low-pass) at the SNR against the speech's loud parts, seeded. */
    private static Audio addNoise(Audio audio, int snrDb) {
        float[] samples = audio.interleaved();
        double signal = loudPower(samples);
        Random random = new Random(snrDb);
        float[] noise = new float[samples.length];
        double state = 0;
        double power = 0;
        for (int i = 0; i < noise.length; i++) {
            state = 0.9 * state + random.nextGaussian();
            noise[i] = (float) state;
            power += state * state;
        }
        power /= noise.length;
        double gain = Math.sqrt(signal / Math.pow(10, snrDb / 10.0) / power);
        float[] mixed = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            mixed[i] = (float) Math.max(-1, Math.min(1, samples[i] + gain * noise[i]));
        }
        return new Audio(audio.rate(), audio.channels(), mixed);
    }

    /** Mean power of the loudest half of 20-ms blocks: the speech, not the pauses. */
    private static double loudPower(float[] samples) {
        int block = 320;
        List<Double> powers = new ArrayList<>();
        for (int start = 0; start + block <= samples.length; start += block) {
            double sum = 0;
            for (int i = start; i < start + block; i++) {
                sum += samples[i] * samples[i];
            }
            powers.add(sum / block);
        }
        powers.sort(null);
        return powers.subList(powers.size() / 2, powers.size()).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(1e-6);
    }

    private static void write(Audio audio, Path out) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), audio.channels())) {
            recorder.setFormat("wav");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            recorder.setSampleRate(audio.rate());
            recorder.start();
            short[] pcm = new short[audio.interleaved().length];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) Math.round(Math.max(-1, Math.min(1, audio.interleaved()[i])) * 32767);
            }
            recorder.recordSamples(audio.rate(), audio.channels(), ShortBuffer.wrap(pcm));
            recorder.stop();
        }
    }
}
