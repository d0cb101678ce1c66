package argus;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** Request ids in the logs: which ids are accepted from callers, and carrying them onto other threads. */
public final class RequestIds {
    public static final String MDC_KEY = "request_id";
    /** Ids callers and proxies commonly send (UUIDs, hex, base64url, dotted trace ids); nothing that could forge a log line. */
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

    private RequestIds() {}

    public static String acceptOrCreate(String offered) {
        return offered != null && PLAUSIBLE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }

    /** The id of the request this thread works for, if any. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** {@code work} to run on another thread with this thread's log context. */
    public static <T> Callable<T> carried(Callable<T> work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            setContext(context);
            try {
                return work.call();
            } finally {
                setContext(previous);
            }
        };
    }

    /** Runs {@code work} with {@code id} as the request id of its log lines (a queued job of that request). */
    public static void runAs(String id, Runnable work) {
        if (id == null) {
            work.run();
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
            work.run();
        }
    }

    private static void setContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
