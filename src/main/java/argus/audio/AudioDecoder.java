package argus.audio;

import argus.ErrorCode;
import argus.vision.MediaRejectedException;
import jakarta.inject.Singleton;
import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes the audio of a file — wav, flac, mp3, ogg, m4a, or the sound track of an mp4/mov/webm/mkv/avi video — with
 * FFmpeg, resampled to 16 kHz, each channel kept apart. Only those demuxers and local files are opened, and decoding
 * stops at the configured longest duration.
 */
@Singleton
public class AudioDecoder {
    public static final int SAMPLE_RATE = 16_000;
    private static final String CONTAINERS = "wav,flac,mp3,ogg,mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi";

    private final AudioConfig config;

    public AudioDecoder(AudioConfig config) {
        this.config = config;
    }

    /** The audio between {@code fromSeconds} and {@code toSeconds} (either may be null: from the start, to the end). */
    public DecodedAudio decode(Path file, Double fromSeconds, Double toSeconds) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setOption("format_whitelist", CONTAINERS);
            grabber.setOption("protocol_whitelist", "file");
            grabber.setSampleRate(SAMPLE_RATE);
            grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw MediaRejectedException.unsupported(
                        "not audio in a supported format (wav, flac, mp3, ogg, m4a, or the sound of a video)");
            }
            int channels = grabber.getAudioChannels();
            if (channels <= 0 || grabber.getAudioStream() < 0) {
                throw MediaRejectedException.unsupported("the file holds no audio stream");
            }
            long first = fromSeconds == null ? 0 : Math.round(fromSeconds * SAMPLE_RATE);
            long end = toSeconds == null ? Long.MAX_VALUE : Math.round(toSeconds * SAMPLE_RATE);
            // The part to analyse, from the segment's start, may not exceed the longest duration.
            long cap = first + Math.round(config.maxDurationSeconds() * SAMPLE_RATE);
            Samples samples = new Samples(channels);
            Frame frame;
            while (samples.length() < end && (frame = grabber.grabSamples()) != null) {
                samples.append(frame.samples, channels);
                if (samples.length() > cap && end > cap) {
                    throw new MediaRejectedException(
                            ErrorCode.MEDIA_LIMIT_EXCEEDED,
                            "audio longer than %.0f s; send a time segment of it"
                                    .formatted(config.maxDurationSeconds()));
                }
            }
            if (samples.length() == 0) {
                throw MediaRejectedException.corrupt("no audio could be decoded from the file");
            }
            return new DecodedAudio(samples.slice(first, end));
        } catch (FrameGrabber.Exception e) {
            throw MediaRejectedException.corrupt("the audio stream is damaged: " + e.getMessage());
        }
    }

    /** Growable per-channel sample arrays. */
    private static final class Samples {
        private float[][] data;
        private int length;

        Samples(int channels) {
            data = new float[channels][SAMPLE_RATE * 10];
        }

        int length() {
            return length;
        }

        /** Appends one decoded frame: planar (one buffer per channel) or interleaved (one buffer). */
        void append(Buffer[] buffers, int channels) {
            if (buffers == null || buffers.length == 0) {
                return;
            }
            boolean planar = buffers.length == channels && channels > 1;
            int count = planar ? buffers[0].remaining() : buffers[0].remaining() / channels;
            ensure(length + count);
            for (int c = 0; c < channels; c++) {
                FloatBuffer source = (FloatBuffer) (planar ? buffers[c] : buffers[0]);
                int start = source.position();
                for (int i = 0; i < count; i++) {
                    data[c][length + i] = planar ? source.get(start + i) : source.get(start + i * channels + c);
                }
            }
            length += count;
        }

        private void ensure(int capacity) {
            if (capacity > data[0].length) {
                int grown = Math.max(capacity, data[0].length * 2);
                for (int c = 0; c < data.length; c++) {
                    data[c] = java.util.Arrays.copyOf(data[c], grown);
                }
            }
        }

        float[][] slice(long from, long to) {
            int start = (int) Math.min(from, length);
            int end = (int) Math.max(start, Math.min(to, length));
            float[][] out = new float[data.length][];
            for (int c = 0; c < data.length; c++) {
                out[c] = java.util.Arrays.copyOfRange(data[c], start, end);
            }
            return out;
        }
    }
}
