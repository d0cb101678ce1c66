package argus.deepfake;

/** A deepfake analysis was recorded; published inside the recording transaction. */
public record DeepfakeFinished(DeepfakeAnalysis analysis) {}
