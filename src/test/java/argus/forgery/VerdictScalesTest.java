package argus.forgery;

import argus.TestMedia;
import argus.audio.AudioDecoder;
import argus.audio.SpeechAuthenticity;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import argus.vision.PackManifest.EvidenceBands.Verdict;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static argus.vision.PackManifest.EvidenceBands.INCONCLUSIVE_ON_SCALE;
import static argus.vision.PackManifest.EvidenceBands.MANIPULATED_ON_SCALE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every number lies on the side of its verdict, on every face and recording of the shared media: the probability of
 * manipulation the deepfake and anti-video-forgery contracts report (the evidence of photos and videos, and the
 * speech channels' probability of synthesis) is 0.5 or more exactly when the verdict is manipulated, in [0.3, 0.5)
 * exactly when inconclusive, and below 0.3 exactly when authentic.
 */
@MicronautTest(startApplication = false)
class VerdictScalesTest {
    @Inject
    MediaOpener opener;
    @Inject
    FaceMediaForgery forgery;
    @Inject
    AudioDecoder decoder;
    @Inject
    SpeechAuthenticity speech;

    private static Verdict onScale(double probability) {
        return probability >= MANIPULATED_ON_SCALE ? Verdict.MANIPULATED : probability >= INCONCLUSIVE_ON_SCALE ? Verdict.INCONCLUSIVE : Verdict.AUTHENTIC;
    }

    private static List<String> manifest(String... folders) throws IOException {
        return Files.readAllLines(TestMedia.root().resolve("MANIFEST.tsv")).stream().skip(1).map(line -> line.split("\t")[0])
                .filter(path -> List.of(folders).stream().anyMatch(path::startsWith)).toList();
    }

    @Test
    void everyFaceCapturesProbabilityAgreesWithItsVerdict() throws IOException {
        int judged = 0;
        for (String path : manifest("deepfake/", "liveness/", "video/", "match/")) {
            try (MediaSource source = opener.open(TestMedia.file(path))) {
                FaceMediaForgery.Evidence evidence = forgery.assess(source, UUID.randomUUID());
                if (evidence.judged()) {
                    judged++;
                    assertEquals(evidence.verdict(), onScale(evidence.probability()), path + ": " + evidence);
                }
            }
        }
        assertTrue(judged >= 300, judged + " face captures judged");
    }

    @Test
    void everySpeechChannelsProbabilityAgreesWithItsVerdict() throws IOException {
        int scored = 0;
        for (String path : manifest("audio/")) {
            for (SpeechAuthenticity.ChannelScore channel : speech.score(decoder.decode(TestMedia.file(path), null, null))) {
                if (channel.score() != null) {
                    scored++;
                    assertEquals(speech.verdict(channel.score()), onScale(speech.onVerdictScale(channel.score())), path + ": " + channel);
                }
            }
        }
        assertTrue(scored >= 55, scored + " channels scored");
    }
}
