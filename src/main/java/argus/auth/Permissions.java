package argus.auth;

/**
 * Which analyses a user may start, Oz's per-user {@code can_start_analysis_*} flags: liveness (quality), face
 * matching (biometry) and the collection (blacklist) search. All are granted unless an administrator withdraws one.
 */
public record Permissions(boolean quality, boolean biometry, boolean collection) {
    public static final Permissions ALL = new Permissions(true, true, true);
}
