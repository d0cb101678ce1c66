package argus.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.vision.FaceLandmarks;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mechanics of the planarity measure on synthetic facial points (what it fires on in real clips is measured by
 * the evaluation command, not here): a face printed on a plane and turned before a pinhole camera moves as a
 * homography; the same points on a head with a nose, turned alike, do not; a still face tells nothing.
 */
class PlanarityTest {
    private static final double FOCAL = 800;
    private static final double DISTANCE = 600;

    /** 68 points in the iBUG layout, in millimetres around the face's centre, with the depth of a real face. */
    private static double[][] face() {
        double[][] points = new double[68][];
        for (int i = 0; i <= 16; i++) {
            double angle = Math.PI * (i / 16.0);
            points[i] = new double[] {-70 * Math.cos(angle), 10 + 60 * Math.sin(angle), -40};
        }
        for (int i = 17; i <= 26; i++) {
            double x = i <= 21 ? -55 + 9 * (i - 17) : 15 + 9 * (i - 22);
            points[i] = new double[] {x, -45 - 4 * Math.sin(Math.PI * ((i - 17) % 5) / 4), 5};
        }
        for (int i = 27; i <= 30; i++) {
            points[i] = new double[] {0, -30 + 12 * (i - 27), 10 + 7 * (i - 27)};
        }
        for (int i = 31; i <= 35; i++) {
            points[i] = new double[] {-14 + 7 * (i - 31), 15, 15};
        }
        for (int i = 36; i <= 47; i++) {
            double centre = i <= 41 ? -32 : 32;
            double angle = 2 * Math.PI * ((i - 36) % 6) / 6;
            points[i] = new double[] {centre + 13 * Math.cos(angle), -25 + 5 * Math.sin(angle), 0};
        }
        for (int i = 48; i <= 67; i++) {
            double angle = 2 * Math.PI * ((i - 48) % 12) / 12;
            double radius = i <= 59 ? 1.0 : 0.6;
            points[i] = new double[] {25 * radius * Math.cos(angle), 40 + 10 * radius * Math.sin(angle), 8};
        }
        return points;
    }

    /** The points turned by the yaw and pitch (degrees), flattened onto the face's plane first when {@code flat}. */
    private static FaceLandmarks seen(double[][] face, double yaw, double pitch, boolean flat, Random noise) {
        double cy = Math.cos(Math.toRadians(yaw));
        double sy = Math.sin(Math.toRadians(yaw));
        double cp = Math.cos(Math.toRadians(pitch));
        double sp = Math.sin(Math.toRadians(pitch));
        float[] projected = new float[136];
        for (int i = 0; i < 68; i++) {
            double x = face[i][0];
            double y = face[i][1];
            double z = flat ? 0 : face[i][2];
            double x1 = cy * x + sy * z;
            double z1 = -sy * x + cy * z;
            double y2 = cp * y - sp * z1;
            double z2 = sp * y + cp * z1;
            projected[2 * i] = (float) (320 + FOCAL * x1 / (DISTANCE - z2) + noise.nextGaussian() * 0.4);
            projected[2 * i + 1] = (float) (240 + FOCAL * y2 / (DISTANCE - z2) + noise.nextGaussian() * 0.4);
        }
        return new FaceLandmarks(projected);
    }

    private static OptionalDouble turned(boolean flat) {
        Random noise = new Random(7);
        List<FaceLandmarks> frames = new ArrayList<>();
        for (double yaw = 0; yaw <= 30; yaw += 5) {
            frames.add(seen(face(), yaw, yaw / 3, flat, noise));
        }
        return Planarity.of(frames);
    }

    @Test
    void aTurnedPrintMovesAsOnePlane() {
        OptionalDouble planarity = turned(true);
        assertTrue(planarity.isPresent());
        assertEquals(1.0, planarity.getAsDouble(), 1e-9);
    }

    @Test
    void aTurnedHeadDoesNot() {
        OptionalDouble planarity = turned(false);
        assertTrue(planarity.isPresent());
        assertEquals(0.0, planarity.getAsDouble(), 1e-9);
    }

    @Test
    void aStillFaceTellsNothing() {
        Random noise = new Random(7);
        List<FaceLandmarks> frames = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            frames.add(seen(face(), 0, 0, false, noise));
        }
        assertEquals(OptionalDouble.empty(), Planarity.of(frames));
    }
}
