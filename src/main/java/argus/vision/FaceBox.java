package argus.vision;

/** A detected face in pixel coordinates of its frame, with the detector's confidence. */
public record FaceBox(float x1, float y1, float x2, float y2, float score) {

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    public float area() {
        return Math.max(0, width()) * Math.max(0, height());
    }

    public float centerX() {
        return (x1 + x2) / 2;
    }

    public float centerY() {
        return (y1 + y2) / 2;
    }

    public float iou(FaceBox other) {
        float intersection = intersection(other);
        return intersection == 0 ? 0 : intersection / (area() + other.area() - intersection);
    }

    /** The area both boxes cover. */
    public float intersection(FaceBox other) {
        float w = Math.min(x2, other.x2) - Math.max(x1, other.x1);
        float h = Math.min(y2, other.y2) - Math.max(y1, other.y1);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    /** The square of side {@code max(width, height)} around the same centre, as the landmark model expects. */
    public FaceBox square() {
        float side = Math.max(width(), height());
        return new FaceBox(
                centerX() - side / 2, centerY() - side / 2, centerX() + side / 2, centerY() + side / 2, score);
    }
}
