package argus.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.ErrorCode;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Which checked gestures refuse a media: one not seen, and a head movement whose facial points moved as one plane. */
class FlatGestureTest {
    private static GestureCheck.Result seen(GestureCheck.Gesture gesture) {
        return new GestureCheck.Result(gesture, true, Map.of(), null);
    }

    private static LivenessCues.Motion planarity(double share) {
        return new LivenessCues.Motion(OptionalDouble.of(share), Optional.empty());
    }

    @Test
    void aHeadTurnByAFlatFaceIsRefused() {
        assertEquals(
                ErrorCode.GESTURE_BY_FLAT_FACE,
                QualityAnalyzer.refusal(seen(GestureCheck.Gesture.LEFT), planarity(0.8))
                        .orElseThrow()
                        .code());
    }

    @Test
    void aHeadTurnThatMovesIn3dPasses() {
        assertTrue(QualityAnalyzer.refusal(seen(GestureCheck.Gesture.LEFT), planarity(0.03))
                .isEmpty());
        assertTrue(QualityAnalyzer.refusal(seen(GestureCheck.Gesture.SCAN), LivenessCues.Motion.NONE)
                .isEmpty());
    }

    @Test
    void aBlinkIsNoHeadMovement() {
        assertTrue(QualityAnalyzer.refusal(seen(GestureCheck.Gesture.EYES), planarity(1.0))
                .isEmpty());
    }

    @Test
    void aGestureNotSeenIsRefusedWithItsReason() {
        GestureCheck.Result missed =
                new GestureCheck.Result(GestureCheck.Gesture.RIGHT, false, Map.of(), "no head turn to the right");
        QualityAnalyzer.Refusal refusal =
                QualityAnalyzer.refusal(missed, planarity(0.9)).orElseThrow();
        assertEquals(ErrorCode.GESTURE_NOT_PERFORMED, refusal.code());
        assertEquals("no head turn to the right", refusal.message());
    }
}
