package argus.audio;

import argus.TestMedia;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        SpeechAuthenticity.ChannelScore voices = score("audio/bonafide/alsa-voices.wav").getFirst();
        assertNotNull(voices.score());
        assertTrue(voices.score() > 0, "genuine voices score " + voices.score());
    }

    @Test
    void textToSpeechScoresSynthetic() {
        for (String file : List.of("audio/spoof/tts-espeak-us.wav", "audio/spoof/tts-espeak-gb.wav", "audio/spoof/tts-espeak-moon.wav")) {
            SpeechAuthenticity.ChannelScore tts = score(file).getFirst();
            assertNotNull(tts.score(), file);
            assertTrue(tts.score() < 0, file + " scores " + tts.score());
        }
    }

    @Test
    void eachChannelIsScoredOnItsOwn() {
        List<SpeechAuthenticity.ChannelScore> channels = score("audio/multichannel/left-human-right-tts.wav");
        assertEquals(2, channels.size());
        assertTrue(channels.get(0).score() > 0, "the human channel scores " + channels.get(0).score());
        assertTrue(channels.get(1).score() < 0, "the synthetic channel scores " + channels.get(1).score());
    }

    @Test
    void underThreeSecondsOfSpeechHasNoScore() {
        SpeechAuthenticity.ChannelScore shortClip = score("audio/bonafide/front-center-short.wav").getFirst();
        assertTrue(shortClip.speechSeconds() < 3);
        assertNull(shortClip.score());
    }

    @Test
    void aSegmentIsScoredAlone() {
        DecodedAudio first = decoder.decode(TestMedia.file("audio/bonafide/alsa-voices.wav"), 0.0, 2.0);
        assertEquals(2.0, first.durationSeconds(), 0.01);
        assertNull(authenticity.score(first).getFirst().score(), "two seconds are too little speech");
    }
}
