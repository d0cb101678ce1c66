package argus.vision;

/** The 68 facial points (iBUG 300-W order) in picture coordinates: x at {@code 2i}, y at {@code 2i + 1}. */
public record FaceLandmarks(float[] points) {

    public float x(int index) {
        return points[2 * index];
    }

    public float y(int index) {
        return points[2 * index + 1];
    }

    /** Centre of the eye on the left of the picture (the subject's right eye, points 36-41). */
    public float[] leftEye() {
        return mean(37, 38, 40, 41);
    }

    /** Centre of the eye on the right of the picture (points 42-47). */
    public float[] rightEye() {
        return mean(43, 44, 46, 47);
    }

    public float[] noseTip() {
        return new float[] {x(30), y(30)};
    }

    public float[] leftMouthCorner() {
        return mean(48, 60);
    }

    public float[] rightMouthCorner() {
        return mean(54, 64);
    }

    /** The five points face alignment uses: eyes, nose tip, mouth corners. */
    public float[][] fivePoints() {
        return new float[][] {leftEye(), rightEye(), noseTip(), leftMouthCorner(), rightMouthCorner()};
    }

    private float[] mean(int... indices) {
        float x = 0;
        float y = 0;
        for (int index : indices) {
            x += x(index);
            y += y(index);
        }
        return new float[] {x / indices.length, y / indices.length};
    }
}
