package argus.bench;

import argus.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled face capture of the shared media, as {@code MANIFEST.tsv} lists it: the liveness photos, the labelled
 * videos (real selfies and replays), and the photos of {@code match/}, which are bona fide captures too.
 *
 * @param path   relative to the media root
 * @param label  {@code real} or the attack's {@code spoof…} label
 * @param source the repository it came from: the unit that is held out together
 */
public record LabelledMedia(String path, String label, String source, boolean video) {

    public boolean attack() {
        return label.startsWith("spoof");
    }

    public Path file() {
        return TestMedia.root().resolve(path);
    }

    /** Every labelled face capture, in manifest order. */
    public static List<LabelledMedia> faceCaptures() throws IOException {
        List<LabelledMedia> media = new ArrayList<>();
        List<String> manifest = Files.readAllLines(TestMedia.root().resolve("MANIFEST.tsv"));
        for (String line : manifest.subList(1, manifest.size())) {
            String[] columns = line.split("\t");
            boolean labelled = columns[1].equals("real") || columns[1].startsWith("spoof");
            if ((columns[0].startsWith("liveness/") || columns[0].startsWith("video/")) && labelled) {
                media.add(new LabelledMedia(columns[0], columns[1], columns[2], columns[0].startsWith("video/")));
            } else if (columns[0].startsWith("match/")) {
                media.add(new LabelledMedia(columns[0], "real", columns[2], false));
            }
        }
        return media;
    }
}
