package argus.bench;

import argus.analysis.AnalysisRunner;
import argus.analysis.MediaResult;
import argus.bench.LivenessFit.Item;
import argus.bench.LivenessFit.Rates;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import argus.vision.PackManifest;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Liveness evaluation, source by source: runs QUALITY exactly as the service does over every labelled face capture of
 * {@code ARGUS_TEST_MEDIA} ({@link LabelledMedia}: liveness photos and videos, and the photos of {@code match/} as bona
 * fide captures), then scores each media with the calibration fitted on all the other sources (leave-one-source-out).
 * It prints, per held-out source and overall, APCER and BPCER at the threshold, ROC AUC, the media not judged (failures
 * to acquire, counted in BPCER for bona fide media too), APCER per kind of attack and each video's verdict; then, per
 * cue, on how many media of each class and how many sources it fires, and the figures with each cue removed (the
 * ablation). A cue keeps a weight only where it fires in both classes across at least {@link #MIN_CUE_SOURCES} sources
 * and removing it raises the held-out errors; the others are reported, not weighted.
 *
 * <p>Settings: {@code eval.liveness} (pack, default minifasnet), {@code eval.threshold} (0.5), {@code eval.fit}
 * (true: fit the calibrations on every source and write them into the packs' manifests, {@code eval.pack-json} for
 * liveness), {@code eval.folds} (the {@code loso} directory a training run with leave-one-source-out wrote: each source
 * is then scored by the pack trained without it), {@code eval.part} ({@code all}, {@code liveness} or
 * {@code detectors}: the face-swap and speech detectors only).
 */
public final class Evaluation {
    static final List<String> CUES = List.of("enclosure", "moire", "planarity", "blink");
    static final int MIN_CUE_SOURCES = 3;

    private Evaluation() {}

    public static void main(String[] args) throws Exception {
        String pack = System.getProperty("eval.liveness", "minifasnet");
        double threshold = Double.parseDouble(System.getProperty("eval.threshold", "0.5"));
        boolean fit = Boolean.getBoolean("eval.fit");
        String folds = System.getProperty("eval.folds", "");
        String part = System.getProperty("eval.part", "all");
        if (part.equals("detectors")) {
            try (ApplicationContext context = context(pack, null)) {
                DetectorEvaluation.run(context, fit);
            }
            return;
        }
        List<LabelledMedia> media = LabelledMedia.faceCaptures();
        List<Item> items = folds.isBlank() ? items(context(pack, null), media) : foldItems(Path.of(folds), pack, media);
        List<String> weighted = weightedCues(items, threshold);
        Map<Item, Double> scores = LivenessFit.leaveOneSourceOut(items, weighted);
        report(pack, items, scores);
        System.out.printf(
                "%n=== Liveness pack %s, leave-one-source-out, threshold %.2f, weighted cues %s ===%n",
                pack, threshold, weighted);
        tables(threshold, items, scores);
        if (fit) {
            PackManifest.LivenessCalibration calibration = LivenessFit.fit(
                    items,
                    weighted,
                    "%d photos and %d videos of %d sources in ../shared/media (%s)"
                            .formatted(
                                    items.stream().filter(i -> !i.video()).count(),
                                    items.stream().filter(Item::video).count(),
                                    items.stream().map(Item::source).distinct().count(),
                                    java.time.LocalDate.now()));
            String weights = calibration.cueWeights().entrySet().stream()
                    .map(e -> "\"%s\": %s".formatted(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
            writeCalibration(
                    "liveness_calibration",
                    "{\"intercept\": %s, \"model_weight\": %s, \"cue_weights\": {%s}, \"fitted_on\": \"%s\"}"
                            .formatted(calibration.intercept(), calibration.model(), weights, calibration.fittedOn()),
                    Path.of(System.getProperty("eval.pack-json")));
        }
        if (folds.isBlank()) {
            try (ApplicationContext context = context(pack, null)) {
                motion(context, media);
                if (part.equals("all")) {
                    DetectorEvaluation.run(context, fit);
                }
            }
        }
    }

    static ApplicationContext context(String pack, Path modelsDir) throws Exception {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "argus.data-dir", Files.createTempDirectory("argus-eval").toString(),
                "argus.vision.liveness-pack", pack,
                "argus.auth.admin-password", UUID.randomUUID().toString()));
        if (modelsDir != null) {
            properties.put("argus.vision.models-dir", modelsDir.toString());
        }
        return ApplicationContext.run(properties);
    }

    /** Every media scored by the pack of the fold that held its source out (folds.tsv: source, pack directory). */
    private static List<Item> foldItems(Path folds, String pack, List<LabelledMedia> media) throws Exception {
        Map<String, Path> packs = new HashMap<>();
        for (String line :
                Files.readAllLines(folds.resolve("folds.tsv")).stream().skip(1).toList()) {
            String[] columns = line.split("\t");
            packs.put(columns[0], folds.getParent().resolve(columns[1]));
        }
        Map<String, List<LabelledMedia>> bySource = media.stream()
                .collect(Collectors.groupingBy(LabelledMedia::source, LinkedHashMap::new, Collectors.toList()));
        Map<LabelledMedia, Item> scored = new HashMap<>();
        for (Map.Entry<String, List<LabelledMedia>> source : bySource.entrySet()) {
            Path fold = packs.get(source.getKey());
            if (fold == null) {
                throw new IllegalStateException("no fold holds out " + source.getKey());
            }
            try (ApplicationContext context = context(pack, fold)) {
                List<Item> items = items(context, source.getValue());
                for (int i = 0; i < items.size(); i++) {
                    scored.put(source.getValue().get(i), items.get(i));
                }
            }
        }
        return media.stream().map(scored::get).toList();
    }

    /** The given media as QUALITY with the context's liveness pack sees them (the context is closed afterwards). */
    public static List<Item> items(ApplicationContext context, List<LabelledMedia> media) {
        try (context) {
            MediaOpener opener = context.getBean(MediaOpener.class);
            AnalysisRunner runner = context.getBean(AnalysisRunner.class);
            List<Item> items = new ArrayList<>();
            for (LabelledMedia m : media) {
                try (MediaSource source = opener.open(m.file())) {
                    MediaResult result = runner.withSamples(
                            source,
                            opener.limits().sampledFrames(),
                            evidence -> runner.quality(evidence, UUID.randomUUID()));
                    items.add(item(m, result));
                }
            }
            return items;
        }
    }

    private static Item item(LabelledMedia media, MediaResult result) {
        if (result.resultsData().get("liveness_cues") instanceof Map<?, ?> cues) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String cue : CUES) {
                values.put(cue, cues.get(cue) instanceof Number number ? number.doubleValue() : 0.0);
            }
            return new Item(
                    media.path(),
                    media.source(),
                    media.label(),
                    media.video(),
                    ((Number) cues.get("model_log_odds")).doubleValue(),
                    values,
                    null,
                    false);
        }
        return new Item(
                media.path(),
                media.source(),
                media.label(),
                media.video(),
                Double.NaN,
                Map.of(),
                result.errorCode(),
                "ATTACK_BESIDE_LIVE_FACE".equals(result.errorCode()));
    }

    /**
     * The motion cues of every labelled video sampled as a gesture clip is (densely: {@code video_selfie_scan}, and
     * {@code video_selfie_eyes} for the blink), as QUALITY reports them: what they show on real head movements, still
     * selfies and replays.
     */
    private static void motion(ApplicationContext context, List<LabelledMedia> media) {
        MediaOpener opener = context.getBean(MediaOpener.class);
        AnalysisRunner runner = context.getBean(AnalysisRunner.class);
        System.out.printf("%nMotion cues on the videos sampled densely, as gesture clips are%n");
        System.out.printf(
                "  %-32s %-13s %-34s %s%n",
                "video", "label", "planarity (6/s, as video_selfie_scan)", "blink (15/s, as video_selfie_eyes)");
        for (LabelledMedia video : media.stream().filter(LabelledMedia::video).toList()) {
            List<Object> cues = new ArrayList<>();
            for (boolean eyes : List.of(false, true)) {
                try (MediaSource source = opener.open(video.file())) {
                    int frames = opener.limits().gestureFrames(source.info().durationSeconds(), eyes);
                    List<String> tags = List.of("video_selfie", eyes ? "video_selfie_eyes" : "video_selfie_scan");
                    MediaResult result = runner.withSamples(
                            source, frames, tags, evidence -> runner.quality(evidence, UUID.randomUUID()));
                    Object measured = result.resultsData().get("liveness_cues") instanceof Map<?, ?> c
                            ? c.get(eyes ? "blink" : "planarity")
                            : null;
                    cues.add(
                            measured == null
                                    ? "not measured"
                                            + (result.errorCode() == null ? "" : " (" + result.errorCode() + ")")
                                    : measured);
                }
            }
            System.out.printf("  %-32s %-13s %-34s %s%n", video.path(), video.label(), cues.get(0), cues.get(1));
        }
    }

    /**
     * Per cue: where it fires; then the held-out figures with every measured cue weighted and with each left out. A cue
     * keeps its weight when it fires in both classes across enough sources and leaving it out raises the errors.
     */
    private static List<String> weightedCues(List<Item> items, double threshold) {
        System.out.printf("%nWhere each cue fires (value > 0), judged media%n");
        System.out.printf(
                "  %-10s %-28s %-28s %s%n", "cue", "bona fide (sources)", "attacks (sources)", "sources in all");
        List<String> eligible = new ArrayList<>();
        for (String cue : CUES) {
            List<Item> firing = items.stream()
                    .filter(Item::judged)
                    .filter(i -> i.cue(cue) > 0)
                    .toList();
            long bonaFide = firing.stream().filter(i -> !i.attack()).count();
            long attacks = firing.stream().filter(Item::attack).count();
            long sources = firing.stream().map(Item::source).distinct().count();
            System.out.printf(
                    "  %-10s %3d of %3d (%2d sources)      %3d of %3d (%2d sources)      %d%n",
                    cue,
                    bonaFide,
                    items.stream().filter(Item::judged).filter(i -> !i.attack()).count(),
                    firing.stream()
                            .filter(i -> !i.attack())
                            .map(Item::source)
                            .distinct()
                            .count(),
                    attacks,
                    items.stream().filter(Item::judged).filter(Item::attack).count(),
                    firing.stream()
                            .filter(Item::attack)
                            .map(Item::source)
                            .distinct()
                            .count(),
                    sources);
            if (bonaFide > 0 && attacks > 0 && sources >= MIN_CUE_SOURCES) {
                eligible.add(cue);
            }
        }
        System.out.printf("%nCue ablation, leave-one-source-out (attacks accepted / bona fide refused; all media)%n");
        Map<Item, Double> withEvery = LivenessFit.leaveOneSourceOut(items, CUES);
        Rates all = LivenessFit.rates(items, withEvery, threshold);
        System.out.printf("  %-28s %s%n", "every cue weighted", describe(all));
        System.out.printf(
                "  %-28s %s%n",
                "network only, no cue",
                describe(LivenessFit.rates(items, LivenessFit.leaveOneSourceOut(items, List.of()), threshold)));
        List<String> kept = new ArrayList<>();
        for (String cue : CUES) {
            List<String> without = CUES.stream().filter(c -> !c.equals(cue)).toList();
            Rates rates = LivenessFit.rates(items, LivenessFit.leaveOneSourceOut(items, without), threshold);
            boolean earns = eligible.contains(cue) && rates.errors() > all.errors();
            System.out.printf(
                    "  %-28s %s%s%n",
                    "without " + cue, describe(rates), earns ? "  -> weighted" : "  -> reported, not weighted");
            perSourceDifference(items, withEvery, without, threshold);
            if (earns) {
                kept.add(cue);
            }
        }
        return kept;
    }

    /** The sources whose held-out errors change when the cue is left out. */
    private static void perSourceDifference(
            List<Item> items, Map<Item, Double> with, List<String> without, double threshold) {
        Map<Item, Double> ablated = LivenessFit.leaveOneSourceOut(items, without);
        for (String source : items.stream().map(Item::source).distinct().toList()) {
            List<Item> held =
                    items.stream().filter(i -> i.source().equals(source)).toList();
            Rates a = LivenessFit.rates(held, with, threshold);
            Rates b = LivenessFit.rates(held, ablated, threshold);
            if (a.errors() != b.errors()) {
                System.out.printf("      %-40s %s -> %s%n", shorten(source, 40), describe(a), describe(b));
            }
        }
    }

    private static String describe(Rates r) {
        return "%d/%d accepted, %d/%d refused (%d not judged), AUC %s"
                .formatted(
                        r.attacksAccepted(),
                        r.attacks(),
                        r.bonaFideRefused(),
                        r.bonaFide(),
                        r.bonaFideNotJudged(),
                        Double.isNaN(r.auc()) ? "-" : "%.3f".formatted(r.auc()));
    }

    private static void report(String pack, List<Item> items, Map<Item, Double> scores) {
        System.out.printf("%nLiveness pack %s: what QUALITY measured, and the attack probability held out%n%n", pack);
        System.out.printf("%-44s %-13s %-24s %s%n", "media", "label", "source", "held out / cues");
        for (Item item : items) {
            System.out.printf(
                    "%-44s %-13s %-24s %s%n",
                    item.path(),
                    item.label(),
                    shorten(item.source(), 24),
                    item.judged()
                            ? "%.3f  model log-odds %+.2f, %s"
                                    .formatted(scores.get(item), item.modelLogOdds(), item.cues())
                            : (item.declinedOutright() ? "declined outright: " : "not judged: ") + item.unjudged());
        }
    }

    private static void tables(double threshold, List<Item> items, Map<Item, Double> scores) {
        System.out.printf(
                "%n%-44s %9s %9s %8s %s%n",
                "photos by held-out source", "APCER", "BPCER", "AUC", "not judged (bona fide)");
        List<Item> photos = items.stream().filter(i -> !i.video()).toList();
        for (String source : photos.stream().map(Item::source).distinct().toList()) {
            print(shorten(source, 42), rates(photos, i -> i.source().equals(source), scores, threshold));
        }
        print(
                "all photos (" + photos.stream().map(Item::source).distinct().count() + " sources)",
                rates(photos, i -> true, scores, threshold));
        print("all media, photos and videos", rates(items, i -> true, scores, threshold));
        System.out.printf("%nAPCER by kind of attack (photos and videos)%n");
        for (String kind : items.stream()
                .filter(Item::attack)
                .map(Item::attackKind)
                .distinct()
                .toList()) {
            Rates rates = rates(items, i -> i.attackKind().equals(kind), scores, threshold);
            System.out.printf(
                    "  %-30s %d of %d accepted (%d sources)%n",
                    kind,
                    rates.attacksAccepted(),
                    rates.attacks(),
                    items.stream()
                            .filter(i -> i.attackKind().equals(kind))
                            .map(Item::source)
                            .distinct()
                            .count());
        }
        System.out.printf("%nNot judged, by reason (failures to acquire)%n");
        items.stream()
                .filter(i -> i.unjudged() != null && !i.declinedOutright())
                .collect(Collectors.groupingBy(
                        i -> i.unjudged() + (i.attack() ? ", attack" : ", bona fide"),
                        LinkedHashMap::new,
                        Collectors.counting()))
                .forEach((reason, count) -> System.out.printf("  %-40s %d%n", reason, count));
        System.out.printf("%nVideos%n");
        for (Item video : items.stream().filter(Item::video).toList()) {
            Double score = scores.get(video);
            String verdict = video.declinedOutright()
                    ? "DECLINED (" + video.unjudged() + ")"
                    : score == null
                            ? "FAILED (" + video.unjudged() + ")"
                            : (score >= threshold ? "DECLINED" : "SUCCESS") + " %.4f".formatted(score);
            System.out.printf("  %-34s %-7s %s%n", video.path(), video.attack() ? "attack" : "real", verdict);
        }
    }

    public static Rates rates(List<Item> items, Predicate<Item> which, Map<Item, Double> scores, double threshold) {
        return LivenessFit.rates(items.stream().filter(which).toList(), scores, threshold);
    }

    private static void print(String name, Rates r) {
        System.out.printf(
                "%-44s %3d/%-3d   %3d/%-3d   %6s   %d (%d)%n",
                name,
                r.attacksAccepted(),
                r.attacks(),
                r.bonaFideRefused(),
                r.bonaFide(),
                Double.isNaN(r.auc()) ? "-" : "%.3f".formatted(r.auc()),
                r.notJudged(),
                r.bonaFideNotJudged());
    }

    private static String shorten(String source, int width) {
        return source.length() <= width ? source : source.substring(0, width - 1) + "…";
    }

    static void writeBands(String name, PackManifest.EvidenceBands bands, Path packJson) throws Exception {
        writeCalibration(
                name,
                "{\"inconclusive_from\": %s, \"manipulated_from\": %s, \"fitted_on\": \"%s\"}"
                        .formatted(bands.inconclusiveFrom(), bands.manipulatedFrom(), bands.fittedOn()),
                packJson);
    }

    /** Replaces (or adds) the named calibration object of a pack's manifest, kept on one line. */
    private static void writeCalibration(String name, String json, Path packJson) throws Exception {
        String entry = "\"" + name + "\": " + json;
        String manifest = Files.readString(packJson);
        Matcher existing =
                Pattern.compile("\"" + name + "\": \\{[^}]*(\\{[^}]*}[^}]*)?}").matcher(manifest);
        Files.writeString(
                packJson,
                existing.find()
                        ? existing.replaceFirst(Matcher.quoteReplacement(entry))
                        : manifest.replaceFirst("\\s*}\\s*$", Matcher.quoteReplacement(",\n  " + entry + "\n}\n")));
        System.out.printf("%nFitted on every source and written to %s:%n  %s%n", packJson, entry);
    }
}
