package argus.analysis;

import argus.analysis.MediaEvidence.FaceSignals;
import argus.vision.FaceLandmarks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Active liveness: checks that the gesture a video is tagged with (Oz's {@code video_selfie_*} tags) happened, from the
 * head pose, landmarks and face size measured on densely sampled frames. Each gesture is a measured excursion from the
 * start of the clip (the median of its first tenth, at least two frames), and an excursion counts only when at least
 * two frames reach it, so that one misjudged frame cannot make or break a gesture:
 *
 * <pre>
 * video_selfie_left   yaw falls at least 20 degrees (the face turns towards the right of the picture: the user's left
 *                     in an unmirrored front-camera recording)
 * video_selfie_right  yaw rises at least 20 degrees
 * video_selfie_high   pitch rises at least 20 degrees (head raised)
 * video_selfie_down   pitch falls at least 15 degrees (head lowered; a lowered head shows a smaller angle)
 * video_selfie_scan   yaw moves at least 10 degrees to each side and spans at least 30
 * video_selfie_eyes   the eye aspect ratio (eyelid gap over eye width, from the 68 landmarks) drops to 75 % of its
 *                     start value on a near-frontal frame, then comes back above 90 % (a blink)
 * video_selfie_smile  the mouth widens by 12 % (corner distance over eye distance) on a near-frontal frame
 * video_selfie_zoom_in / _out  the face width grows by 30 % / shrinks to 77 %
 * </pre>
 * The landmark model works on a 64-pixel face crop, so the eye and smile measures are coarse: they catch clear blinks
 * and smiles, not subtle ones.
 */
public final class GestureCheck {
    private static final double TURN_DEGREES = 20;
    private static final double RAISE_DEGREES = 20;
    private static final double LOWER_DEGREES = 15;
    private static final double SCAN_SIDE_DEGREES = 10;
    private static final double SCAN_SPAN_DEGREES = 30;
    private static final double FRONTAL_DEGREES = 15;
    private static final double BLINK_RATIO = 0.75;
    private static final double REOPEN_RATIO = 0.90;
    private static final double SMILE_RATIO = 1.12;
    private static final double ZOOM_IN_RATIO = 1.3;
    private static final double ZOOM_OUT_RATIO = 0.77;
    private static final int MIN_FRAMES = 5;

    private GestureCheck() {}

    public enum Gesture {
        LEFT("video_selfie_left"),
        RIGHT("video_selfie_right"),
        HIGH("video_selfie_high"),
        DOWN("video_selfie_down"),
        SCAN("video_selfie_scan"),
        EYES("video_selfie_eyes"),
        SMILE("video_selfie_smile"),
        ZOOM_IN("video_selfie_zoom_in"),
        ZOOM_OUT("video_selfie_zoom_out");

        private final String tag;

        Gesture(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        /** A head turn, raise, lowering or sweep: what a flat face can imitate by being turned. */
        public boolean movesTheHead() {
            return this == LEFT || this == RIGHT || this == HIGH || this == DOWN || this == SCAN;
        }

        /** The gesture a media's tags ask for, if any. */
        public static Optional<Gesture> requested(List<String> tags) {
            return Arrays.stream(values()).filter(g -> tags.contains(g.tag)).findFirst();
        }
    }

    /** Whether the gesture was seen, what was measured, and why not when it was not. */
    public record Result(Gesture gesture, boolean performed, Map<String, Object> measured, String reason) {

        /** The verdict and measures, with the timeline of the head pose and the eye opening over the given frames. */
        public Map<String, Object> asResultsData(List<FaceSignals> frames) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("tag", gesture.tag());
            data.put("performed", performed);
            data.putAll(measured);
            if (!performed) {
                data.put("reason", reason);
            }
            data.put("timeline", timeline(frames));
            return data;
        }
    }

    /** Per frame with a face: its time, yaw and pitch in degrees, and the eye aspect ratio (eye openness). */
    static Map<String, Object> timeline(List<FaceSignals> frames) {
        Map<String, Object> timeline = new LinkedHashMap<>();
        timeline.put(
                "time", frames.stream().map(s -> round(s.timestampSeconds())).toList());
        timeline.put("yaw", frames.stream().map(s -> round(s.pose().yaw())).toList());
        timeline.put("pitch", frames.stream().map(s -> round(s.pose().pitch())).toList());
        timeline.put(
                "eye_openness", frames.stream().map(s -> round(eyeAspect(s))).toList());
        return timeline;
    }

    /** Checks the gesture on the faces of the sampled frames, in time order. */
    public static Result check(Gesture gesture, List<FaceSignals> frames) {
        if (frames.size() < MIN_FRAMES) {
            return new Result(
                    gesture,
                    false,
                    Map.of("frames_with_face", frames.size()),
                    "too few frames show a face to follow a gesture");
        }
        List<FaceSignals> start = frames.subList(0, Math.max(2, frames.size() / 10));
        return switch (gesture) {
            case LEFT ->
                excursion(
                        gesture, frames, start, s -> s.pose().yaw(), "yaw", -TURN_DEGREES, "no head turn to the left");
            case RIGHT ->
                excursion(
                        gesture, frames, start, s -> s.pose().yaw(), "yaw", TURN_DEGREES, "no head turn to the right");
            case HIGH ->
                excursion(
                        gesture,
                        frames,
                        start,
                        s -> s.pose().pitch(),
                        "pitch",
                        RAISE_DEGREES,
                        "the head was not raised");
            case DOWN ->
                excursion(
                        gesture,
                        frames,
                        start,
                        s -> s.pose().pitch(),
                        "pitch",
                        -LOWER_DEGREES,
                        "the head was not lowered");
            case SCAN -> scan(frames, start);
            case EYES -> blink(frames, start);
            case SMILE ->
                ratio(
                        gesture,
                        frontal(frames, start),
                        start,
                        GestureCheck::mouthWidth,
                        "mouth_width",
                        SMILE_RATIO,
                        "no smile");
            case ZOOM_IN ->
                ratio(
                        gesture,
                        frames,
                        start,
                        s -> s.face().width(),
                        "face_width",
                        ZOOM_IN_RATIO,
                        "the face did not come closer");
            case ZOOM_OUT ->
                ratio(
                        gesture,
                        frames,
                        start,
                        s -> s.face().width(),
                        "face_width",
                        ZOOM_OUT_RATIO,
                        "the face did not move away");
        };
    }

    /** The largest move of a pose angle from its start value, in the asked direction. */
    private static Result excursion(
            Gesture gesture,
            List<FaceSignals> frames,
            List<FaceSignals> start,
            ToDoubleFunction<FaceSignals> angle,
            String name,
            double needed,
            String refusal) {
        double baseline = median(start, angle);
        double extreme = needed < 0 ? secondLowest(frames, angle) : secondHighest(frames, angle);
        double moved = extreme - baseline;
        boolean performed = needed < 0 ? moved <= needed : moved >= needed;
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put(name + "_start", round(baseline));
        measured.put(name + "_extreme", round(extreme));
        measured.put(name + "_change", round(moved));
        measured.put("frames_with_face", frames.size());
        return new Result(
                gesture,
                performed,
                measured,
                "%s: the %s changed by %.1f degrees, %.0f needed".formatted(refusal, name, moved, needed));
    }

    private static Result scan(List<FaceSignals> frames, List<FaceSignals> start) {
        double baseline = median(start, s -> s.pose().yaw());
        double low = secondLowest(frames, s -> s.pose().yaw());
        double high = secondHighest(frames, s -> s.pose().yaw());
        boolean performed = baseline - low >= SCAN_SIDE_DEGREES
                && high - baseline >= SCAN_SIDE_DEGREES
                && high - low >= SCAN_SPAN_DEGREES;
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("yaw_start", round(baseline));
        measured.put("yaw_min", round(low));
        measured.put("yaw_max", round(high));
        measured.put("frames_with_face", frames.size());
        return new Result(
                Gesture.SCAN,
                performed,
                measured,
                "the head did not sweep to both sides: yaw spanned %.1f to %.1f degrees".formatted(low, high));
    }

    /** An eye-closure episode: the eye aspect ratio dips, then recovers. */
    private static Result blink(List<FaceSignals> frames, List<FaceSignals> start) {
        List<FaceSignals> frontal = frontal(frames, start);
        double baseline = median(start, GestureCheck::eyeAspect);
        boolean closed = false;
        boolean performed = false;
        double lowest = 1;
        for (FaceSignals frame : frontal) {
            double ratio = eyeAspect(frame) / baseline;
            lowest = Math.min(lowest, ratio);
            if (ratio <= BLINK_RATIO) {
                closed = true;
            } else if (closed && ratio >= REOPEN_RATIO) {
                performed = true;
            }
        }
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("eye_aspect_start", round(baseline));
        measured.put("eye_aspect_lowest_ratio", round(lowest));
        measured.put("frames_with_face", frames.size());
        return new Result(
                Gesture.EYES,
                performed,
                measured,
                "no blink: the eyes closed to %.0f %% of their opening at most, %.0f %% needed"
                        .formatted(100 * (1 - lowest), 100 * (1 - BLINK_RATIO)));
    }

    private static Result ratio(
            Gesture gesture,
            List<FaceSignals> frames,
            List<FaceSignals> start,
            ToDoubleFunction<FaceSignals> measure,
            String name,
            double needed,
            String refusal) {
        double baseline = median(start, measure);
        if (frames.size() < 2) {
            return new Result(
                    gesture, false, Map.of("frames_with_face", frames.size()), refusal + ": too few suitable frames");
        }
        double extreme = needed < 1 ? secondLowest(frames, measure) : secondHighest(frames, measure);
        double ratio = extreme / Math.max(baseline, 1e-6);
        boolean performed = needed < 1 ? ratio <= needed : ratio >= needed;
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put(name + "_ratio", round(ratio));
        measured.put("frames_with_face", frames.size());
        return new Result(
                gesture,
                performed,
                measured,
                "%s: the %s changed %.2f times, %.2f needed".formatted(refusal, name.replace('_', ' '), ratio, needed));
    }

    /** Frames whose head is turned little from the start, where eye and mouth shapes can be compared. */
    private static List<FaceSignals> frontal(List<FaceSignals> frames, List<FaceSignals> start) {
        double yaw = median(start, s -> s.pose().yaw());
        double pitch = median(start, s -> s.pose().pitch());
        return frames.stream()
                .filter(s -> Math.abs(s.pose().yaw() - yaw) < FRONTAL_DEGREES
                        && Math.abs(s.pose().pitch() - pitch) < FRONTAL_DEGREES)
                .toList();
    }

    /** Mean over both eyes of the eyelid gap (two vertical point pairs) over the eye width. */
    static double eyeAspect(FaceSignals signals) {
        FaceLandmarks l = signals.landmarks();
        return (aspect(l, 36, 37, 38, 39, 40, 41) + aspect(l, 42, 43, 44, 45, 46, 47)) / 2;
    }

    private static double aspect(
            FaceLandmarks l, int corner1, int top1, int top2, int corner2, int bottom2, int bottom1) {
        double width = distance(l, corner1, corner2);
        return (distance(l, top1, bottom1) + distance(l, top2, bottom2)) / (2 * Math.max(width, 1e-3));
    }

    /** Distance between the mouth corners over the distance between the outer eye corners. */
    static double mouthWidth(FaceSignals signals) {
        FaceLandmarks l = signals.landmarks();
        return distance(l, 48, 54) / Math.max(distance(l, 36, 45), 1e-3);
    }

    private static double distance(FaceLandmarks l, int a, int b) {
        return Math.hypot(l.x(a) - l.x(b), l.y(a) - l.y(b));
    }

    private static double median(List<FaceSignals> frames, ToDoubleFunction<FaceSignals> measure) {
        List<Double> values = sorted(frames, measure);
        return values.get(values.size() / 2);
    }

    /** The value at least two frames reach at the low end. */
    private static double secondLowest(List<FaceSignals> frames, ToDoubleFunction<FaceSignals> measure) {
        return sorted(frames, measure).get(1);
    }

    private static double secondHighest(List<FaceSignals> frames, ToDoubleFunction<FaceSignals> measure) {
        List<Double> values = sorted(frames, measure);
        return values.get(values.size() - 2);
    }

    private static List<Double> sorted(List<FaceSignals> frames, ToDoubleFunction<FaceSignals> measure) {
        List<Double> values =
                new ArrayList<>(frames.stream().mapToDouble(measure).boxed().toList());
        values.sort(Double::compare);
        return values;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
