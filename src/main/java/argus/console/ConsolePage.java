package argus.console;

import argus.auth.Caller;
import argus.auth.CallerBinder;
import argus.auth.Role;
import argus.statistics.StatisticsService;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import java.util.HashMap;
import java.util.Map;

/** A console page: its template and model, with the signed-in user and the form token every page's forms carry. */
final class ConsolePage {
    private ConsolePage() {}

    /** What the pages show of the signed-in user and which of their controls apply to it. */
    record Me(
            String email,
            String role,
            boolean decides,
            boolean enrols,
            boolean managesAccounts,
            boolean seesCompanies,
            boolean readsStatistics,
            boolean captures) {
        static Me of(Caller caller, boolean captureServed) {
            Role role = caller.role();
            return new Me(
                    caller.email(),
                    role.wireName(),
                    role.decides(),
                    role.createsFolders(),
                    role.managesUsers(),
                    role.scope() == Role.Scope.ALL,
                    StatisticsService.reads(role),
                    captureServed && role.createsFolders());
        }
    }

    /** One choice of a select box. */
    record Option(String value, String label) {}

    static ModelAndView<Map<String, Object>> of(HttpRequest<?> request, String view, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put(
                "me",
                Me.of(
                        CallerBinder.of(request),
                        request.getAttribute(ConsoleFilter.CAPTURE_ATTRIBUTE, Boolean.class)
                                .orElse(false)));
        all.put(
                "csrf",
                request.getAttribute(ConsoleSession.CSRF_ATTRIBUTE, String.class)
                        .orElse(""));
        return new ModelAndView<>("console/" + view, all);
    }
}
