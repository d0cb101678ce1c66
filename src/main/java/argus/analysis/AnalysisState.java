package argus.analysis;

/** Whether the system is still working on an analysis ({@code FAILED} means a system error, not a negative verdict). */
public enum AnalysisState {
    PROCESSING,
    FINISHED,
    FAILED
}
