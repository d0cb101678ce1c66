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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The face-forgery and synthetic-speech detectors, evaluated the way liveness is, leave one source out: face-swap
 * scores (MesoNet, median over the frames) of every genuine face capture of {@code ../shared/media} (the genuine
 * face-swap crops and clips, the bona fide liveness photos and videos, the photos of {@code match/}) and of every forged
 * face; and the speech model's scores (after noise reduction) of every recording of {@code audio} through every channel
 * of {@link ChannelVariants} (each channel variant stays in its recording's source). Each source is judged with bands
 * fitted on all the others; false accusations (genuine judged manipulated), misses (manipulated judged genuine) and
 * inconclusive verdicts are printed per held-out source, per kind (forgery method or synthesiser, and for speech the
 * channel), and in all, with the full verdicts of the videos.
 */
public final class DetectorEvaluation {
    /** Kinds of speech by the file name's beginning: the synthesiser, or the recording condition of genuine speech. */
    private static final Map<String, String> SPEECH_KINDS = kinds(
            "tts-espeak",
            "formant TTS (espeak-ng)",
            "left-human-right-tts",
            "two-channel file",
            "fl-flite",
            "flite (statistical parametric)",
            "tt-tortoise",
            "Tortoise voice clone",
            "tt-naturalspeech",
            "NaturalSpeech",
            "tt-tacotron2",
            "Tacotron 2",
            "kyt-tacotron",
            "Tacotron (early re-implementation)",
            "asi-",
            "ForwardTacotron / TransformerTTS + vocoder",
            "wf-vocoded",
            "neural vocoder re-synthesis (WaveFake)",
            "m3-vits",
            "VITS (Mimic 3, six languages)",
            "alsa",
            "genuine: voice prompts",
            "rtv-",
            "genuine: read speech (LibriSpeech, VCTK)",
            "pra-",
            "genuine: read speech (CMU ARCTIC)",
            "amn-",
            "genuine: read speech (VCTK, 48 kHz)",
            "wf-lj",
            "genuine: read speech (LJSpeech)",
            "psf-tel",
            "genuine: telephone, 8 kHz",
            "pya-",
            "genuine: meetings and dialogue",
            "tt-ref",
            "genuine: voice-clone reference clips");
    /** Kinds of forged face by the file name's beginning: the forgery method and data set. */
    private static final Map<String, String> FACE_KINDS = kinds(
            "ipl-ffpp-df",
            "FaceForensics++ Deepfakes (face swap)",
            "ipl-ffpp-fs",
            "FaceForensics++ FaceSwap (face swap)",
            "ipl-ffpp-nt",
            "FaceForensics++ NeuralTextures (re-enactment)",
            "ipl-ffpp-f2f",
            "FaceForensics++ Face2Face (re-enactment)",
            "ipl-dfdc",
            "DFDC (face swap)",
            "acd-dfdc",
            "DFDC crops (face swap)",
            "cdf-fake",
            "Celeb-DF (face swap)",
            "fav-fake",
            "FakeAVCeleb (face swap / lip sync)",
            "df0",
            "MesoNet test set (face swap)");

    private DetectorEvaluation() {}

    private static Map<String, String> kinds(String... prefixAndKind) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (int i = 0; i < prefixAndKind.length; i += 2) {
            kinds.put(prefixAndKind[i], prefixAndKind[i + 1]);
        }
        return kinds;
    }

    private static String kind(Map<String, String> kinds, String file, String otherwise) {
        return kinds.entrySet().stream()
                .filter(k -> file.startsWith(k.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(otherwise);
    }

    public static void run(ApplicationContext context, boolean fit) throws Exception {
        List<Scored> faces = faceSwapScores(context);
        report(
                "Face swap (MesoNet), bands fitted on all other sources",
                faces,
                0.5,
                BandsFit.Lower.GENUINE_95TH_PERCENTILE);
        List<Scored> speech = speechScores(context);
        report(
                "Synthetic speech (AASIST after noise reduction, genuine log-odds negated), bands fitted on all other sources",
                speech,
                0,
                BandsFit.Lower.MODEL_BOUNDARY);
        videoVerdicts(context);
        if (fit) {
            Evaluation.writeBands(
                    "forgery_calibration",
                    BandsFit.fit(
                            faces,
                            0.5,
                            BandsFit.Lower.GENUINE_95TH_PERCENTILE,
                            "%d media of %d sources in ../shared/media (%s)"
                                    .formatted(
                                            faces.size(),
                                            faces.stream()
                                                    .map(Scored::group)
                                                    .distinct()
                                                    .count(),
                                            java.time.LocalDate.now())),
                    packJson("mesonet"));
            Evaluation.writeBands(
                    "speech_calibration",
                    BandsFit.fit(
                            speech,
                            0,
                            BandsFit.Lower.MODEL_BOUNDARY,
                            "%d recordings of %d sources x %d channels of ../shared/media/audio (%s)"
                                    .formatted(
                                            speech.stream()
                                                    .map(s -> s.name().split(" ")[0])
                                                    .distinct()
                                                    .count(),
                                            speech.stream()
                                                    .map(Scored::group)
                                                    .distinct()
                                                    .count(),
                                            ChannelVariants.Channel.values().length + 1,
                                            java.time.LocalDate.now())),
                    packJson("aasist"));
        }
    }

    private static Path packJson(String pack) {
        return Path.of("src/main/resources/models", pack, "pack.json");
    }

    private static void report(String title, List<Scored> media, double boundary, BandsFit.Lower lower) {
        System.out.printf("%n%s%n", title);
        List<BandsFit.Verdicts> verdicts = BandsFit.heldOut(media, boundary, lower);
        for (BandsFit.Verdicts v : verdicts) {
            System.out.printf(
                    "  %-62s %-12s %8.3f  %-12s (bands %.3f / %.3f)%n",
                    v.media().name(),
                    v.media().manipulated() ? "manipulated" : "genuine",
                    v.media().score(),
                    v.verdict().name().toLowerCase(),
                    v.bands().inconclusiveFrom(),
                    v.bands().manipulatedFrom());
        }
        printBy("held-out source", verdicts, v -> v.media().group());
        printBy("kind", verdicts, v -> v.media().kind());
        if (media.stream().anyMatch(m -> m.channel() != null)) {
            printBy("channel", verdicts, v -> v.media().channel());
        }
        System.out.printf(
                "  all held out (%d sources): %s%n",
                media.stream().map(Scored::group).distinct().count(),
                BandsFit.describe(BandsFit.count(verdicts, v -> true)));
    }

    private static void printBy(
            String what, List<BandsFit.Verdicts> verdicts, Function<BandsFit.Verdicts, String> key) {
        System.out.printf("  by %s%n", what);
        for (String value : verdicts.stream().map(key).distinct().toList()) {
            System.out.printf(
                    "    %-52s %s%n",
                    value,
                    BandsFit.describe(BandsFit.count(verdicts, v -> key.apply(v).equals(value))));
        }
    }

    /** Genuine face captures of every source, and the forged faces; photos and videos alike. */
    private static List<Scored> faceSwapScores(ApplicationContext context) throws Exception {
        MediaOpener opener = context.getBean(MediaOpener.class);
        FaceMediaForgery forgery = context.getBean(FaceMediaForgery.class);
        Path media = TestMedia.root();
        List<Scored> scored = new ArrayList<>();
        List<String> manifest = Files.readAllLines(media.resolve("MANIFEST.tsv"));
        for (String line : manifest.subList(1, manifest.size())) {
            String[] columns = line.split("\t");
            boolean genuine = columns[1].equals("real") || columns[0].startsWith("match/");
            boolean forged = columns[1].equals("deepfake");
            if (!genuine && !forged) {
                continue;
            }
            String file = Path.of(columns[0]).getFileName().toString();
            String kind = forged
                    ? kind(FACE_KINDS, file, "forged face")
                    : columns[0].startsWith("deepfake/")
                            ? "genuine: face-swap data sets"
                            : columns[0].startsWith("video/")
                                    ? "genuine: selfie videos"
                                    : "genuine: selfie and portrait photos";
            try (MediaSource source = opener.open(media.resolve(columns[0]))) {
                FaceMediaForgery.Evidence evidence = forgery.assess(source, UUID.randomUUID());
                if (evidence.faceSwap() != null) {
                    scored.add(new Scored(columns[0], columns[2], kind, null, forged, evidence.faceSwap()));
                }
            }
        }
        return scored;
    }

    /** Every recording's channels through every channel variant (the original counts as one), in its recording's source. */
    private static List<Scored> speechScores(ApplicationContext context) throws Exception {
        AudioDecoder decoder = context.getBean(AudioDecoder.class);
        SpeechAuthenticity speech = context.getBean(SpeechAuthenticity.class);
        Path variants = Files.createTempDirectory("argus-channels");
        List<Scored> scored = new ArrayList<>();
        List<String> manifest = Files.readAllLines(TestMedia.root().resolve("MANIFEST.tsv"));
        for (String line : manifest.subList(1, manifest.size())) {
            String[] columns = line.split("\t");
            if (!columns[0].startsWith("audio/")) {
                continue;
            }
            Path recording = TestMedia.root().resolve(columns[0]);
            String file = recording.getFileName().toString();
            Map<String, Path> channels = new LinkedHashMap<>();
            channels.put("original", recording);
            for (ChannelVariants.Channel channel : ChannelVariants.Channel.values()) {
                channels.put(channel.name().toLowerCase(), ChannelVariants.apply(recording, channel, variants));
            }
            for (var channel : channels.entrySet()) {
                for (SpeechAuthenticity.ChannelScore score :
                        speech.score(decoder.decode(channel.getValue(), null, null))) {
                    boolean synthetic = columns[1].startsWith("spoof")
                            || columns[1].contains("channel1=spoof") && score.channel() == 1;
                    String kind = columns[1].contains("channel")
                            ? (synthetic ? "formant TTS (espeak-ng)" : "genuine: voice prompts")
                            : kind(SPEECH_KINDS, file, synthetic ? "synthetic speech" : "genuine speech");
                    if (score.score() != null) {
                        scored.add(new Scored(
                                file + " ch" + score.channel() + " " + channel.getKey(),
                                columns[2],
                                kind,
                                channel.getKey(),
                                synthetic,
                                -score.score()));
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
        List<Path> videos = new ArrayList<>();
        try (var files = Files.list(TestMedia.root().resolve("video"))) {
            videos.addAll(files.sorted().toList());
        }
        try (var files = Files.walk(TestMedia.root().resolve("deepfake"))) {
            videos.addAll(
                    files.filter(f -> f.toString().endsWith(".mp4")).sorted().toList());
        }
        for (Path video : videos) {
            try (MediaSource source = opener.open(video)) {
                FaceMediaForgery.Evidence evidence = forgery.assess(source, UUID.randomUUID());
                System.out.printf(
                        "  %-34s %-13s probability %s (face swap %s, re-capture %s): %s%n",
                        video.getFileName(),
                        evidence.verdict() == null
                                ? "not judged"
                                : evidence.verdict().name().toLowerCase(),
                        evidence.probability(),
                        evidence.faceSwap(),
                        evidence.replay(),
                        evidence.reason());
            }
        }
    }
}
