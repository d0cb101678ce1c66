package argus.folder;

import argus.analysis.AnalysisRequest;
import argus.auth.Caller;
import argus.auth.Permissions;
import java.util.List;
import java.util.Locale;

/** The per-user {@code can_start_analysis_*} flags applied to the analyses a request asks for. */
final class AnalysisPermissions {
    private AnalysisPermissions() {}

    static void check(Caller caller, List<AnalysisRequest> requests) {
        Permissions can = caller.permissions();
        for (AnalysisRequest request : requests) {
            boolean allowed = switch (request.type()) {
                case QUALITY -> can.quality();
                case BIOMETRY -> can.biometry();
                case BLACKLIST, COLLECTION -> can.collection();
                case DOCUMENTS -> true;
            };
            caller.require(
                    allowed, "start %s analyses".formatted(request.type().name().toLowerCase(Locale.ROOT)));
        }
    }
}
