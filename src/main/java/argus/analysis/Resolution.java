package argus.analysis;

import java.util.Collection;

/** The verdict of an analysis, of one media in it, or of a whole folder ({@code system_resolution}). */
public enum Resolution {
    INITIAL,
    PROCESSING,
    FAILED,
    SUCCESS,
    DECLINED,
    OPERATOR_REQUIRED;

    /**
     * Oz's consolidation: any DECLINED wins (it is evidence of fraud), then OPERATOR_REQUIRED, then FAILED (the
     * verdict could not be reached); SUCCESS only when every part succeeded.
     */
    public static Resolution consolidate(Collection<Resolution> parts) {
        if (parts.isEmpty()) {
            return INITIAL;
        }
        for (Resolution precedence : new Resolution[] {PROCESSING, DECLINED, OPERATOR_REQUIRED, FAILED}) {
            if (parts.contains(precedence)) {
                return precedence;
            }
        }
        return SUCCESS;
    }
}
