package argus.bench;

import argus.TestMedia;
import argus.analysis.AnalysisRunner;
import argus.analysis.MediaResult;
import argus.vision.MediaOpener;
import argus.vision.MediaSource;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs QUALITY, exactly as the service does, over the labelled liveness media of {@code ARGUS_TEST_MEDIA}
 * ({@code liveness/real}, {@code liveness/spoof} and the videos, labels from {@code MANIFEST.tsv}) and prints every
 * item's {@code confidence_spoofing}, the ROC AUC, APCER and BPCER at the threshold, and the lowest threshold that lets
 * no attack through (APCER 0 %).
 *
 * <p>Settings: {@code eval.liveness} (the liveness pack, default minifasnet), {@code eval.threshold} (0.5).
 */
public final class Evaluation {

    private record Item(String path, boolean attack, double score, String cues, String error) {
    }

    public static void main(String[] args) throws Exception {
        String pack = System.getProperty("eval.liveness", "minifasnet");
        double threshold = Double.parseDouble(System.getProperty("eval.threshold", "0.5"));
        Path media = TestMedia.root();
        Map<String, Object> properties = Map.of(
                "argus.data-dir", Files.createTempDirectory("argus-eval").toString(),
                "argus.vision.models-dir", media.resolveSibling("models").toAbsolutePath().toString(),
                "argus.vision.liveness-pack", pack,
                "argus.auth.admin-password", UUID.randomUUID().toString());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            MediaOpener opener = context.getBean(MediaOpener.class);
            AnalysisRunner runner = context.getBean(AnalysisRunner.class);
            List<Item> items = new ArrayList<>();
            List<String> manifest = Files.readAllLines(media.resolve("MANIFEST.tsv"));
            for (String line : manifest.subList(1, manifest.size())) {
                String[] columns = line.split("\t");
                String path = columns[0];
                String label = columns[1];
                boolean liveness = path.startsWith("liveness/") || path.startsWith("video/");
                if (!liveness || !(label.equals("real") || label.startsWith("spoof"))) {
                    continue;
                }
                items.add(score(opener, runner, media.resolve(path), path, label.startsWith("spoof")));
            }
            report(pack, threshold, items);
        }
    }

    private static Item score(MediaOpener opener, AnalysisRunner runner, Path file, String path, boolean attack) {
        try (MediaSource source = opener.open(file)) {
            MediaResult result = runner.withSamples(source, opener.limits().sampledFrames(), evidence -> runner.quality(evidence, UUID.randomUUID()));
            if (result.resultsData().get("confidence_spoofing") instanceof Double score
                    && result.resultsData().get("liveness_cues") instanceof Map<?, ?> cues) {
                return new Item(path, attack, score, "model %.4f, screen border %.2f, %s frame(s)".formatted(
                        cues.get("model_attack_probability"), cues.get("screen_border"), result.resultsData().get("frames_analyzed")), null);
            }
            return new Item(path, attack, Double.NaN, null, result.errorCode());
        }
    }

    private static void report(String pack, double threshold, List<Item> items) {
        System.out.printf("%-44s %-6s %-20s %s%n", "item", "label", "confidence_spoofing", "cues");
        for (Item item : items) {
            System.out.printf("%-44s %-6s %s%n", item.path(), item.attack() ? "attack" : "real",
                    item.error() == null ? "%-20.4f %s".formatted(item.score(), item.cues()) : "not scored: " + item.error());
        }
        for (String kind : new String[]{"photos", "videos", "all"}) {
            List<Item> scored = items.stream().filter(i -> i.error() == null)
                    .filter(i -> kind.equals("all") || (kind.equals("videos") == i.path().startsWith("video/"))).toList();
            List<Double> attacks = scored.stream().filter(Item::attack).map(Item::score).toList();
            List<Double> reals = scored.stream().filter(i -> !i.attack()).map(Item::score).toList();
            if (attacks.isEmpty() || reals.isEmpty()) {
                continue;
            }
            long unscored = items.stream().filter(i -> i.error() != null)
                    .filter(i -> kind.equals("all") || (kind.equals("videos") == i.path().startsWith("video/"))).count();
            double apcer = attacks.stream().filter(s -> s < threshold).count() / (double) attacks.size();
            double bpcer = reals.stream().filter(s -> s >= threshold).count() / (double) reals.size();
            double zeroApcer = attacks.stream().min(Comparator.naturalOrder()).orElseThrow();
            double bpcerAtZero = reals.stream().filter(s -> s >= zeroApcer).count() / (double) reals.size();
            System.out.printf("%n[%s] pack %s: %d attacks, %d bona fide (%d not scored)%n", kind, pack, attacks.size(), reals.size(), unscored);
            System.out.printf("  ROC AUC %.3f%n", auc(attacks, reals));
            System.out.printf("  at threshold %.2f: APCER %.1f %%, BPCER %.1f %%%n", threshold, 100 * apcer, 100 * bpcer);
            System.out.printf("  APCER 0 %% needs threshold <= %.4f, where BPCER is %.1f %%%n", zeroApcer, 100 * bpcerAtZero);
        }
    }

    private static double auc(List<Double> attacks, List<Double> reals) {
        double wins = 0;
        for (double a : attacks) {
            for (double r : reals) {
                wins += a > r ? 1 : a == r ? 0.5 : 0;
            }
        }
        return wins / (attacks.size() * (double) reals.size());
    }
}
