package argus.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.ErrorCode;
import argus.TestAudio;
import argus.TestMedia;
import argus.vision.MediaRejectedException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AASIST over the shared audio: genuine voices score above 0, synthetic ones below, per channel. */
@MicronautTest(startApplication = false)
class SpeechAuthenticityTest {
    @Inject
    AudioDecoder decoder;

    @Inject
    SpeechAuthenticity authenticity;

    private List<SpeechAuthenticity.ChannelScore> score(String file) {
        return authenticity.score(decoder.decode(TestMedia.file(file), null, null));
    }

    @Test
    void genuineSpeechScoresGenuine() {
        SpeechAuthenticity.ChannelScore voices =
                score("audio/bonafide/alsa-voices.wav").getFirst();
        assertNotNull(voices.score());
        assertTrue(voices.score() > 0, "genuine voices score " + voices.score());
    }

    @Test
    void textToSpeechScoresSynthetic() {
        for (String file : List.of(
                "audio/spoof/tts-espeak-us.wav", "audio/spoof/tts-espeak-gb.wav", "audio/spoof/tts-espeak-moon.wav")) {
            SpeechAuthenticity.ChannelScore tts = score(file).getFirst();
            assertNotNull(tts.score(), file);
            assertTrue(tts.score() < 0, file + " scores " + tts.score());
        }
    }

    @Test
    void eachChannelIsScoredOnItsOwn() {
        List<SpeechAuthenticity.ChannelScore> channels = score("audio/multichannel/left-human-right-tts.wav");
        assertEquals(2, channels.size());
        assertTrue(
                channels.get(0).score() > 0,
                "the human channel scores " + channels.get(0).score());
        assertTrue(
                channels.get(1).score() < 0,
                "the synthetic channel scores " + channels.get(1).score());
    }

    @Test
    void underThreeSecondsOfSpeechHasNoScore() {
        SpeechAuthenticity.ChannelScore shortClip =
                score("audio/bonafide/front-center-short.wav").getFirst();
        assertTrue(shortClip.speechSeconds() < 3);
        assertNull(shortClip.score());
    }

    @Test
    void commonFormatsAndTheSoundOfAVideoDecodeAlike(@TempDir Path dir) throws Exception {
        Path voices = TestMedia.file("audio/bonafide/alsa-voices.wav");
        Path video = TestMedia.file("video/selfie-real-3s.mp4");
        List<Path> encoded = List.of(
                TestAudio.encode(voices, dir.resolve("voices.flac"), "flac", "flac", null),
                TestAudio.encode(voices, dir.resolve("voices.mp3"), "mp3", "libmp3lame", null),
                TestAudio.encode(voices, dir.resolve("voices.ogg"), "ogg", "libvorbis", null),
                TestAudio.encode(voices, dir.resolve("voices.m4a"), "ipod", "aac", null),
                TestAudio.encode(voices, dir.resolve("selfie-with-sound.mp4"), "mp4", "aac", video),
                TestAudio.encode(voices, dir.resolve("selfie-with-sound.mkv"), "matroska", "libvorbis", video));
        for (Path file : encoded) {
            DecodedAudio audio = decoder.decode(file, null, null);
            assertEquals(5.84, audio.durationSeconds(), 0.15, file.getFileName().toString());
            Double score = authenticity.score(audio).getFirst().score();
            assertNotNull(score, file.getFileName().toString());
            assertTrue(score > 0, file.getFileName() + " scores " + score);
        }
    }

    @Test
    void aVideoWithoutSoundIsRefused() {
        MediaRejectedException refused = assertThrows(
                MediaRejectedException.class,
                () -> decoder.decode(TestMedia.file("video/selfie-real-3s.mp4"), null, null));
        assertEquals(ErrorCode.UNSUPPORTED_MEDIA_TYPE, refused.code());
    }

    @Test
    void aSegmentIsScoredAlone() {
        DecodedAudio first = decoder.decode(TestMedia.file("audio/bonafide/alsa-voices.wav"), 0.0, 2.0);
        assertEquals(2.0, first.durationSeconds(), 0.01);
        assertNull(authenticity.score(first).getFirst().score(), "two seconds are too little speech");
    }
}
