package argus.bench;

import argus.TestVideos;
import argus.analysis.AnalysisRunner;
import argus.analysis.MediaResult;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Does a browser recording change QUALITY's verdict? Each labelled video of {@code ARGUS_TEST_MEDIA} is judged as it is
 * and as the capture page would send what a camera showing it recorded: its first 5 s re-encoded to VP8 WebM at
 * 4 Mbit/s, written as a live stream (no duration, no index), as MediaRecorder writes it. Prints both verdicts and
 * scores per video and how many verdicts differ. Nothing is fitted here: the packs' calibration is used as shipped.
 */
public final class BrowserRecordingAgreement {
    private BrowserRecordingAgreement() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("argus-webm");
        int videos = 0;
        int differ = 0;
        try (ApplicationContext context = Evaluation.context("minifasnet", null)) {
            MediaOpener opener = context.getBean(MediaOpener.class);
            AnalysisRunner runner = context.getBean(AnalysisRunner.class);
            System.out.printf("%-32s %-13s %-28s %-22s %s%n", "video", "label", "source", "as uploaded", "as recorded");
            for (LabelledMedia media : LabelledMedia.faceCaptures()) {
                if (!media.video()) {
                    continue;
                }
                Path webm = TestVideos.encode(
                        media.file(),
                        work.resolve(media.file().getFileName() + ".webm"),
                        new TestVideos.Encoding("webm", "libvpx", 4_000_000, Map.of(), Map.of("live", "1")),
                        -1,
                        0,
                        0,
                        0,
                        5);
                String original = judge(opener, runner, media.file());
                String recorded = judge(opener, runner, webm);
                videos++;
                if (!original.split(" ")[0].equals(recorded.split(" ")[0])) {
                    differ++;
                }
                System.out.printf(
                        "%-32s %-13s %-28s %-22s %s%n",
                        media.file().getFileName(), media.label(), media.source(), original, recorded);
            }
        }
        System.out.printf("%nverdicts that differ: %d of %d videos%n", differ, videos);
    }

    private static String judge(MediaOpener opener, AnalysisRunner runner, Path file) {
        try (MediaSource source = opener.open(file)) {
            MediaResult result = runner.withSamples(
                    source, opener.limits().sampledFrames(), evidence -> runner.quality(evidence, UUID.randomUUID()));
            Object score = result.resultsData().get("confidence_spoofing");
            return "%s %s".formatted(result.resolution(), score == null ? "-" : score);
        }
    }
}
