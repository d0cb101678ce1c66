package argus.analysis;

import argus.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** What running one analysis produced: its verdict, its results per media, and any images it made. */
public record AnalysisOutcome(
        AnalysisState state,
        Resolution resolution,
        @Nullable Map<String, Object> resultsData,
        List<MediaResult> mediaResults,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        List<OutputImage> outputImages,
        @Nullable Double score,
        @Nullable Double threshold) {

    /** The analysis could not run at all (time-out, internal error): a system failure. */
    public static AnalysisOutcome systemFailure(ErrorCode code, String message) {
        return new AnalysisOutcome(
                AnalysisState.FAILED, Resolution.FAILED, null, List.of(), code.name(), message, List.of(), null, null);
    }

    /** The analysis ran but the media did not allow a verdict (no face, too few media). */
    public static AnalysisOutcome unresolved(List<MediaResult> results, String code, String message) {
        return new AnalysisOutcome(
                AnalysisState.FINISHED, Resolution.FAILED, null, results, code, message, List.of(), null, null);
    }

    /**
     * Combines per-media verdicts: the media verdicts consolidate, and the first media with a reason (a failure, or a
     * refusal such as a missing gesture) names the analysis's error.
     */
    public static AnalysisOutcome of(
            List<MediaResult> results, @Nullable Map<String, Object> resultsData, List<OutputImage> images) {
        MediaResult reason = results.stream()
                .filter(r -> r.resolution() == Resolution.FAILED)
                .findFirst()
                .or(() -> results.stream().filter(r -> r.errorCode() != null).findFirst())
                .orElse(null);
        Resolution resolution = Resolution.consolidate(
                results.stream().map(MediaResult::resolution).toList());
        return new AnalysisOutcome(
                AnalysisState.FINISHED,
                resolution,
                resultsData,
                results,
                reason == null ? null : reason.errorCode(),
                reason == null ? null : reason.errorMessage(),
                images,
                null,
                null);
    }

    /** This outcome with the score that decided it and its threshold, for review near the threshold. */
    public AnalysisOutcome scored(double decidingScore, double against) {
        return new AnalysisOutcome(
                state,
                resolution,
                resultsData,
                mediaResults,
                errorCode,
                errorMessage,
                outputImages,
                decidingScore,
                against);
    }
}
