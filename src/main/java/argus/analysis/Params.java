package argus.analysis;

import argus.ArgusException;
import argus.ErrorCode;
import java.util.Map;

/** Typed reading of an analysis's {@code params}, refusing values of the wrong type or range. */
final class Params {
    private Params() {}

    static double threshold(Map<String, Object> params, String name, double fallback) {
        Object value = params.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number)
                || number.doubleValue() < 0
                || number.doubleValue() > 1
                || Double.isNaN(number.doubleValue())) {
            throw new ArgusException(
                    ErrorCode.INVALID_PARAMS, "params.%s must be a number between 0 and 1".formatted(name));
        }
        return number.doubleValue();
    }

    static boolean flag(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean bool)) {
            throw new ArgusException(ErrorCode.INVALID_PARAMS, "params.%s must be true or false".formatted(name));
        }
        return bool;
    }
}
