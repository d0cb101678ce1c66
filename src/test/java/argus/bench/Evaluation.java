package argus.bench;

import argus.TestMedia;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liveness evaluation, source by source: runs QUALITY exactly as the service does over every labelled liveness photo
 * and video of {@code ARGUS_TEST_MEDIA} (labels and sources from {@code MANIFEST.tsv}), then scores each media with
 * the calibration fitted on all the other sources (leave-one-source-out), and prints per source and overall APCER and
 * BPCER at the threshold, ROC AUC, APCER per kind of attack, and each video's verdict. Attacks count as passed only
 * when accepted; bona fide media as refused whenever not accepted (declined, or not judged: no face, too close).
 *
 * <p>Settings: {@code eval.liveness} (pack, default minifasnet), {@code eval.threshold} (0.5), {@code eval.fit}
 * (true: fit the calibration on every source and write it into {@code eval.pack-json}, the pack's manifest).
 */
public final class Evaluation {
    public static void main(String[] args) throws Exception {
        String pack = System.getProperty("eval.liveness", "minifasnet");
        double threshold = Double.parseDouble(System.getProperty("eval.threshold", "0.5"));
        boolean fit = Boolean.getBoolean("eval.fit");
        Map<String, Object> properties = Map.of(
                "argus.data-dir", Files.createTempDirectory("argus-eval").toString(),
                "argus.vision.liveness-pack", pack,
                "argus.auth.admin-password", UUID.randomUUID().toString());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            List<Item> items = items(context);
            Map<Item, Double> scores = LivenessFit.leaveOneSourceOut(items);
            report(pack, threshold, items, scores);
            if (fit) {
                PackManifest.LivenessCalibration calibration = LivenessFit.fit(items, "%d photos and %d videos of %d sources in ../shared/media (%s)".formatted(
                        items.stream().filter(i -> !i.video()).count(), items.stream().filter(Item::video).count(),
                        items.stream().map(Item::source).distinct().count(), java.time.LocalDate.now()));
                writeCalibration("liveness_calibration", "{\"intercept\": %s, \"model_weight\": %s, \"screen_border_weight\": %s, \"fitted_on\": \"%s\"}"
                        .formatted(calibration.intercept(), calibration.model(), calibration.screenBorder(), calibration.fittedOn()),
                        Path.of(System.getProperty("eval.pack-json")));
            }
            DetectorEvaluation.run(context, fit);
        }
    }

    /** Every labelled liveness media of the shared set, as QUALITY with the context's liveness pack sees it. */
    public static List<Item> items(ApplicationContext context) throws Exception {
        Path media = TestMedia.root();
        MediaOpener opener = context.getBean(MediaOpener.class);
        AnalysisRunner runner = context.getBean(AnalysisRunner.class);
        List<Item> items = new ArrayList<>();
        List<String> manifest = Files.readAllLines(media.resolve("MANIFEST.tsv"));
        for (String line : manifest.subList(1, manifest.size())) {
            String[] columns = line.split("\t");
            boolean liveness = columns[0].startsWith("liveness/") || columns[0].startsWith("video/");
            if (liveness && (columns[1].equals("real") || columns[1].startsWith("spoof"))) {
                items.add(item(opener, runner, media.resolve(columns[0]), columns));
            }
        }
        return items;
    }

    private static Item item(MediaOpener opener, AnalysisRunner runner, Path file, String[] columns) {
        boolean video = columns[0].startsWith("video/");
        try (MediaSource source = opener.open(file)) {
            MediaResult result = runner.withSamples(source, opener.limits().sampledFrames(), evidence -> runner.quality(evidence, UUID.randomUUID()));
            if (result.resultsData().get("liveness_cues") instanceof Map<?, ?> cues) {
                return new Item(columns[0], columns[2], columns[1], video, ((Number) cues.get("model_log_odds")).doubleValue(),
                        ((Number) cues.get("screen_border")).doubleValue(), null, false);
            }
            return new Item(columns[0], columns[2], columns[1], video, Double.NaN, Double.NaN, result.errorCode(),
                    "ATTACK_BESIDE_LIVE_FACE".equals(result.errorCode()));
        }
    }

    private static void report(String pack, double threshold, List<Item> items, Map<Item, Double> scores) {
        System.out.printf("%nLiveness pack %s, leave-one-source-out, threshold %.2f%n%n", pack, threshold);
        System.out.printf("%-40s %-13s %-24s %s%n", "media", "label", "source", "attack probability (held out) / cues");
        for (Item item : items) {
            Double score = scores.get(item);
            System.out.printf("%-40s %-13s %-24s %s%n", item.path(), item.label(), shorten(item.source()), score == null
                    ? "not judged: " + item.unjudged() : "%.4f   model log-odds %+.2f, screen border %.2f".formatted(score, item.modelLogOdds(), item.screenBorder()));
        }
        System.out.printf("%n%-42s %9s %9s %8s %s%n", "photos by held-out source", "APCER", "BPCER", "AUC", "not judged");
        List<Item> photos = items.stream().filter(i -> !i.video()).toList();
        for (String source : photos.stream().map(Item::source).distinct().toList()) {
            print(shorten(source), rates(photos, i -> i.source().equals(source), scores, threshold));
        }
        print("all photos (" + photos.stream().map(Item::source).distinct().count() + " sources)", rates(photos, i -> true, scores, threshold));
        print("all media, photos and videos", rates(items, i -> true, scores, threshold));
        System.out.printf("%nAPCER by kind of attack (photos and videos)%n");
        for (String kind : items.stream().filter(Item::attack).map(Item::attackKind).distinct().toList()) {
            Rates rates = rates(items, i -> i.attackKind().equals(kind), scores, threshold);
            System.out.printf("  %-30s %d of %d accepted%n", kind, rates.attacksAccepted(), rates.attacks());
        }
        System.out.printf("%nVideos%n");
        for (Item video : items.stream().filter(Item::video).toList()) {
            Double score = scores.get(video);
            String verdict = video.declinedOutright() ? "DECLINED (" + video.unjudged() + ")" : score == null ? "FAILED (" + video.unjudged() + ")"
                    : (score >= threshold ? "DECLINED" : "SUCCESS") + " %.4f".formatted(score);
            System.out.printf("  %-34s %-7s %s%n", video.path(), video.attack() ? "attack" : "real", verdict);
        }
    }

    public static Rates rates(List<Item> items, Predicate<Item> which, Map<Item, Double> scores, double threshold) {
        return LivenessFit.rates(items.stream().filter(which).toList(), scores, threshold);
    }

    private static void print(String name, Rates r) {
        System.out.printf("%-42s %3d/%-3d   %3d/%-3d   %6s   %d%n", name, r.attacksAccepted(), r.attacks(), r.bonaFideRefused(), r.bonaFide(),
                Double.isNaN(r.auc()) ? "-" : "%.3f".formatted(r.auc()), r.notJudged());
    }

    private static String shorten(String source) {
        return source.length() <= 24 ? source : source.substring(0, 23) + "…";
    }

    static void writeBands(String name, PackManifest.EvidenceBands bands, Path packJson) throws Exception {
        writeCalibration(name, "{\"inconclusive_from\": %s, \"manipulated_from\": %s, \"fitted_on\": \"%s\"}"
                .formatted(bands.inconclusiveFrom(), bands.manipulatedFrom(), bands.fittedOn()), packJson);
    }

    /** Replaces (or adds) the named calibration object of a pack's manifest, kept on one line. */
    private static void writeCalibration(String name, String json, Path packJson) throws Exception {
        String entry = "\"" + name + "\": " + json;
        String manifest = Files.readString(packJson);
        Matcher existing = Pattern.compile("\"" + name + "\": \\{[^}]*}").matcher(manifest);
        Files.writeString(packJson, existing.find() ? existing.replaceFirst(Matcher.quoteReplacement(entry))
                : manifest.replaceFirst("\\s*}\\s*$", Matcher.quoteReplacement(",\n  " + entry + "\n}\n")));
        System.out.printf("%nFitted on every source and written to %s:%n  %s%n", packJson, entry);
    }
}
