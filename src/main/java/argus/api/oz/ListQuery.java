package argus.api.oz;

import argus.ArgusException;
import argus.EnumNames;
import argus.ErrorCode;
import argus.folder.FolderQuery;
import argus.folder.MetaDataMatch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query parameters of Oz list endpoints, read the way clients send them: {@code limit}/{@code offset},
 * {@code time_created.min|max} and {@code time_updated.min|max} in Unix seconds (values above 10^11 are taken as the
 * milliseconds one real client sends), {@code sorting=time_created{desc}}, {@code meta_data=key==value} or
 * {@code key!=value} (and this service's {@code meta_data.key=value}), ids and enum values in any case.
 */
final class ListQuery {
    private static final BigDecimal MILLISECONDS_FROM = new BigDecimal("1e11");
    private static final Pattern SORTING = Pattern.compile("(-)?([a-z_]+)(?:\\{(asc|desc)})?");
    private static final Pattern META_DATA = Pattern.compile("(.+?)(==|!=)(.*)", Pattern.DOTALL);
    private static final Map<String, String> SORTABLE =
            Map.of("time_created", "timeCreated", "time_updated", "timeUpdated");

    private final HttpRequest<?> request;

    private ListQuery(HttpRequest<?> request) {
        this.request = request;
    }

    static ListQuery of(HttpRequest<?> request) {
        return new ListQuery(request);
    }

    @Nullable
    String text(String name) {
        String value = request.getParameters().get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    Paging paging() {
        return Paging.of(text("limit"), text("offset"));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(text(name));
    }

    FolderQuery.TimeRange range(String field) {
        return new FolderQuery.TimeRange(time(field + ".min"), time(field + ".max"));
    }

    private @Nullable Instant time(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            BigDecimal millis = number.compareTo(MILLISECONDS_FROM) > 0 ? number : number.movePointRight(3);
            return Instant.ofEpochMilli(millis.longValueExact());
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            throw new ArgusException(
                    ErrorCode.INVALID_QUERY, "%s is a Unix time in seconds (or milliseconds)".formatted(name));
        }
    }

    @Nullable
    UUID uuid(String name) {
        String value = text(name);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ArgusException(ErrorCode.INVALID_QUERY, "%s is not an id".formatted(name));
        }
    }

    /** The named enum constant, or null when the value names none of {@code type}'s. */
    static <E extends Enum<E>> @Nullable E constant(Class<E> type, String value) {
        return EnumNames.find(type, value).orElse(null);
    }

    <E extends Enum<E>> @Nullable E enumValue(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        E constant = constant(type, value);
        if (constant == null) {
            throw unknownValue(name, value);
        }
        return constant;
    }

    static ArgusException unknownValue(String name, String value) {
        return new ArgusException(
                ErrorCode.INVALID_QUERY, "unknown %s '%s'".formatted(name, ArgusException.clip(value)));
    }

    /** {@code sorting=time_created{desc}} (or {@code -time_created}); {@code fallback} when absent. */
    Sort sort(Sort fallback) {
        String value = text("sorting");
        if (value == null) {
            return fallback;
        }
        Matcher matcher = SORTING.matcher(value.toLowerCase(Locale.ROOT));
        if (!matcher.matches() || !SORTABLE.containsKey(matcher.group(2))) {
            throw new ArgusException(
                    ErrorCode.INVALID_QUERY,
                    "sorting is one of time_created{asc}, time_created{desc}, time_updated{asc}, time_updated{desc}");
        }
        String property = SORTABLE.get(matcher.group(2));
        boolean descending = matcher.group(1) != null || "desc".equals(matcher.group(3));
        return Sort.of(descending ? Sort.Order.desc(property) : Sort.Order.asc(property));
    }

    List<MetaDataMatch> metaData() {
        List<MetaDataMatch> matches = new ArrayList<>();
        for (String condition : request.getParameters().getAll("meta_data")) {
            Matcher matcher = META_DATA.matcher(condition);
            if (!matcher.matches()) {
                throw new ArgusException(ErrorCode.INVALID_QUERY, "meta_data is key==value or key!=value");
            }
            matches.add(new MetaDataMatch(
                    matcher.group(1), matcher.group(3), matcher.group(2).equals("==")));
        }
        request.getParameters().forEach((name, values) -> {
            if (name.startsWith("meta_data.") && name.length() > "meta_data.".length()) {
                values.forEach(
                        value -> matches.add(new MetaDataMatch(name.substring("meta_data.".length()), value, true)));
            }
        });
        return matches;
    }
}
