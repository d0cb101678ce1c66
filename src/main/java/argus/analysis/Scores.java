package argus.analysis;

/** Scores as reported on the wire: six decimals are more than any model's precision. */
public final class Scores {
    private Scores() {}

    public static double round(double score) {
        return Math.round(score * 1e6) / 1e6;
    }
}
