package argus;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Re-encodes shared audio into other containers and codecs, alone or as the sound track of a video. */
public final class TestAudio {
    private TestAudio() {}

    /**
     * {@code source}'s sound in {@code format} with {@code codec}; with {@code videoOf} set, muxed with that video's
     * pictures (for as long as they last), as a phone recording would be.
     */
    public static Path encode(Path source, Path target, String format, String codec, Path videoOf) throws Exception {
        try (FFmpegFrameGrabber sound = new FFmpegFrameGrabber(source.toFile())) {
            sound.start();
            int width = 0;
            int height = 0;
            FFmpegFrameGrabber pictures = null;
            if (videoOf != null) {
                pictures = new FFmpegFrameGrabber(videoOf.toFile());
                pictures.start();
                width = pictures.getImageWidth();
                height = pictures.getImageHeight();
            }
            try (FFmpegFrameRecorder recorder =
                    new FFmpegFrameRecorder(target.toFile(), width, height, sound.getAudioChannels())) {
                recorder.setFormat(format);
                recorder.setAudioCodecName(codec);
                recorder.setSampleRate(sound.getSampleRate());
                recorder.setAudioBitrate(128_000);
                if (pictures != null) {
                    recorder.setVideoCodecName("libopenh264");
                    recorder.setFrameRate(pictures.getFrameRate());
                    recorder.setVideoBitrate(1_000_000);
                }
                recorder.start();
                Frame samples;
                double seconds = 0;
                while ((samples = sound.grabSamples()) != null) {
                    recorder.record(samples);
                    seconds = sound.getTimestamp() / 1e6;
                    while (pictures != null && pictures.getTimestamp() / 1e6 < seconds) {
                        Frame picture = pictures.grabImage();
                        if (picture == null) {
                            break;
                        }
                        recorder.record(picture);
                    }
                }
                recorder.stop();
            } finally {
                if (pictures != null) {
                    pictures.close();
                }
            }
        }
        return target;
    }
}
