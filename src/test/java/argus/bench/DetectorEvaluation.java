package argus.bench;

import argus.ChannelVariants;
import argus.TestMedia;
import argus.audio.AudioDecoder;
import argus.audio.SpeechAuthenticity;
import argus.bench.BandsFit.Scored;
import argus.forgery.FaceMediaForgery;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The face-forgery and synthetic-speech detectors, evaluated the way liveness is: face-swap scores (MesoNet, median
 * over the frames) of every genuine face of {@code ../shared/media} — the bona fide liveness photos, the genuine
 * MesoNet crops, the real selfie videos — and of the forged crops, with their verdict bands fitted on every other
 * source; and the speech model's scores (after noise reduction) of every recording of {@code audio} through every
 * channel of {@link ChannelVariants}, with its bands fitted on every other channel. False accusations (genuine judged
 * manipulated), misses (manipulated judged genuine) and inconclusive verdicts are printed per held-out source or
 * channel, and the full verdicts of the videos.
 */
public final class DetectorEvaluation {
    private DetectorEvaluation() {
    }

    public static void run(ApplicationContext context, boolean fit) throws Exception {
        List<Scored> faces = faceSwapScores(context);
        report("Face swap (MesoNet), bands fitted on all other sources", faces, 0.5, BandsFit.Lower.GENUINE_95TH_PERCENTILE);
        List<Scored> speech = speechScores(context);
        report("Synthetic speech (AASIST after noise reduction, genuine log-odds negated), bands fitted on all other channels",
                speech, 0, BandsFit.Lower.MODEL_BOUNDARY);
        videoVerdicts(context);
        if (fit) {
            String on = "%d media of %d sources in ../shared/media (%s)";
            Evaluation.writeBands("forgery_calibration", BandsFit.fit(faces, 0.5, BandsFit.Lower.GENUINE_95TH_PERCENTILE,
                    on.formatted(faces.size(), faces.stream().map(Scored::group).distinct().count(), java.time.LocalDate.now())), packJson("mesonet"));
            Evaluation.writeBands("speech_calibration", BandsFit.fit(speech, 0, BandsFit.Lower.MODEL_BOUNDARY,
                    "%d recordings x %d channels of ../shared/media/audio (%s)".formatted(speech.stream().map(s -> s.name().split(" ")[0]).distinct().count(),
                            speech.stream().map(Scored::group).distinct().count(), java.time.LocalDate.now())), packJson("aasist"));
        }
    }

    private static Path packJson(String pack) {
        return Path.of("src/main/resources/models", pack, "pack.json");
    }

    private static void report(String title, List<Scored> media, double boundary, BandsFit.Lower lower) {
        System.out.printf("%n%s%n", title);
        List<BandsFit.Verdicts> verdicts = BandsFit.heldOut(media, boundary, lower);
        for (BandsFit.Verdicts v : verdicts) {
            System.out.printf("  %-58s %-12s %8.3f  %-12s (bands %.3f / %.3f)%n", v.media().name(), v.media().manipulated() ? "manipulated" : "genuine",
                    v.media().score(), v.verdict().name().toLowerCase(), v.bands().inconclusiveFrom(), v.bands().manipulatedFrom());
        }
        for (String group : media.stream().map(Scored::group).distinct().toList()) {
            System.out.printf("  held out %-40s %s%n", group, BandsFit.describe(BandsFit.count(verdicts, v -> v.media().group().equals(group))));
        }
        System.out.printf("  all held out: %s%n", BandsFit.describe(BandsFit.count(verdicts, v -> true)));
    }

    /** Genuine faces of every source, and the forged crops; photos and real selfie videos alike. */
    private static List<Scored> faceSwapScores(ApplicationContext context) throws Exception {
        MediaOpener opener = context.getBean(MediaOpener.class);
        FaceMediaForgery forgery = context.getBean(FaceMediaForgery.class);
        Path media = TestMedia.root();
        List<Scored> scored = new ArrayList<>();
        List<String> manifest = Files.readAllLines(media.resolve("MANIFEST.tsv"));
        for (String line : manifest.subList(1, manifest.size())) {
            String[] columns = line.split("\t");
            boolean genuine = columns[1].equals("real") && (columns[0].startsWith("liveness/") || columns[0].startsWith("video/") || columns[0].startsWith("deepfake/"));
            boolean forged = columns[1].equals("deepfake");
            if (!genuine && !forged) {
                continue;
            }
            try (MediaSource source = opener.open(media.resolve(columns[0]))) {
                FaceMediaForgery.Evidence evidence = forgery.assess(source, UUID.randomUUID());
                if (evidence.faceSwap() != null) {
                    scored.add(new Scored(columns[0], columns[2], forged, evidence.faceSwap()));
                }
            }
        }
        return scored;
    }

    /** Every recording's channels through every channel variant (the original counts as one). */
    private static List<Scored> speechScores(ApplicationContext context) throws Exception {
        AudioDecoder decoder = context.getBean(AudioDecoder.class);
        SpeechAuthenticity speech = context.getBean(SpeechAuthenticity.class);
        Path audio = TestMedia.root().resolve("audio");
        Path variants = Files.createTempDirectory("argus-channels");
        List<Scored> scored = new ArrayList<>();
        for (Path recording : List.of(audio.resolve("bonafide/alsa-voices.wav"), audio.resolve("spoof/tts-espeak-us.wav"),
                audio.resolve("spoof/tts-espeak-gb.wav"), audio.resolve("spoof/tts-espeak-moon.wav"), audio.resolve("multichannel/left-human-right-tts.wav"))) {
            Map<String, Path> channels = new java.util.LinkedHashMap<>();
            channels.put("original", recording);
            for (ChannelVariants.Channel channel : ChannelVariants.Channel.values()) {
                channels.put(channel.name().toLowerCase(), ChannelVariants.apply(recording, channel, variants));
            }
            for (var channel : channels.entrySet()) {
                List<SpeechAuthenticity.ChannelScore> scores = speech.score(decoder.decode(channel.getValue(), null, null));
                for (SpeechAuthenticity.ChannelScore score : scores) {
                    boolean synthetic = recording.toString().contains("/spoof/") || recording.toString().contains("multichannel") && score.channel() == 1;
                    if (score.score() != null) {
                        scored.add(new Scored(recording.getFileName() + " ch" + score.channel() + " " + channel.getKey(), channel.getKey(), synthetic, -score.score()));
                    }
                }
            }
        }
        return scored;
    }

    /** The verdicts of the video contracts' shared evidence on every labelled video, with the shipped calibration. */
    private static void videoVerdicts(ApplicationContext context) throws Exception {
        MediaOpener opener = context.getBean(MediaOpener.class);
        FaceMediaForgery forgery = context.getBean(FaceMediaForgery.class);
        System.out.printf("%nVideos through the forgery evidence (shipped calibration)%n");
        try (var videos = Files.list(TestMedia.root().resolve("video"))) {
            for (Path video : videos.sorted().toList()) {
                try (MediaSource source = opener.open(video)) {
                    FaceMediaForgery.Evidence evidence = forgery.assess(source, UUID.randomUUID());
                    System.out.printf("  %-28s %-13s face swap %s, re-capture %s: %s%n", video.getFileName(),
                            evidence.verdict() == null ? "not judged" : evidence.verdict().name().toLowerCase(),
                            evidence.faceSwap(), evidence.replay(), evidence.reason());
                }
            }
        }
    }
}
