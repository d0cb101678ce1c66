package argus.statistics;

import argus.ArgusException;
import argus.auth.Caller;
import argus.auth.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a company's folders came to over a time range, per day, ISO week (from Monday) or month in UTC: folders and
 * analyses by verdict, the standing operator decisions against the system's verdict, why analyses failed, and how long
 * finished analyses took (p50, p95). Rows are read as a stream and counted here, so the SQL is the same on H2 and
 * PostgreSQL; periods are those of the folders' and analyses' creation.
 */
@Singleton
public class StatisticsService {
    /** How periods are cut. */
    public enum GroupBy {
        DAY,
        WEEK,
        MONTH;

        LocalDate start(Instant time) {
            LocalDate day = time.atOffset(ZoneOffset.UTC).toLocalDate();
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }
    }

    /** What one period (or the whole range) came to. */
    public record Counts(
            Map<String, Long> folders,
            Map<String, Map<String, Long>> analyses,
            Map<String, Long> overrides,
            Map<String, Long> failedReasons,
            long finishedAnalyses,
            @Nullable Long analysisMillisP50,
            @Nullable Long analysisMillisP95) {}

    public record Period(LocalDate start, Counts counts) {}

    public record Statistics(
            @Nullable UUID companyId,
            @Nullable Instant from,
            @Nullable Instant to,
            GroupBy groupBy,
            List<Period> periods,
            Counts total) {}

    private final JdbcOperations jdbc;

    public StatisticsService(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Staff see every company or the one they name; a client company's administrators and operators their own. */
    public static boolean reads(Role role) {
        return role == Role.ADMIN || role == Role.OPERATOR || role == Role.CLIENT_ADMIN || role == Role.CLIENT_OPERATOR;
    }

    @ReadOnly
    public Statistics compute(
            Caller caller, @Nullable UUID company, @Nullable Instant from, @Nullable Instant to, GroupBy groupBy) {
        caller.require(reads(caller.role()), "read statistics");
        UUID scope = caller.role().scope() == Role.Scope.ALL ? company : caller.companyId();
        if (company != null && !company.equals(scope)) {
            throw ArgusException.notFound("company " + company);
        }
        Map<LocalDate, Tally> periods = new TreeMap<>();
        Tally total = new Tally();
        Filter filter = new Filter(scope, from, to);
        stream("select f.time_created, f.system_resolution from folder f" + filter.where("f"), filter, row -> {
            Instant created = instant(row, 1);
            String verdict = row.getString(2);
            for (Tally tally : List.of(total, period(periods, groupBy, created))) {
                tally.folders.merge(verdict, 1L, Long::sum);
            }
        });
        stream(
                "select a.time_created, a.time_updated, a.type, a.state, a.resolution_status, a.error_code"
                        + " from analysis a"
                        + filter.where("a"),
                filter,
                row -> {
                    Instant created = instant(row, 1);
                    Instant updated = instant(row, 2);
                    String type = row.getString(3);
                    boolean finished = "FINISHED".equals(row.getString(4));
                    String verdict = row.getString(5);
                    String reason = row.getString(6);
                    for (Tally tally : List.of(total, period(periods, groupBy, created))) {
                        tally.analyses
                                .computeIfAbsent(type, t -> new TreeMap<>())
                                .merge(verdict, 1L, Long::sum);
                        if ("FAILED".equals(verdict)) {
                            tally.failed.merge(reason == null ? "UNKNOWN" : reason, 1L, Long::sum);
                        }
                        if (finished) {
                            tally.durations.add(ChronoUnit.MILLIS.between(created, updated));
                        }
                    }
                });
        // The standing decision of each target (the latest), against the verdict the system gave that target.
        Map<String, String[]> standing = new HashMap<>();
        stream(
                "select coalesce(cast(d.analysis_id as varchar(36)), cast(d.folder_id as varchar(36))), d.resolution,"
                        + " coalesce(a.resolution_status, f.system_resolution), f.time_created"
                        + " from operator_decision d join folder f on f.id = d.folder_id"
                        + " left join analysis a on a.id = d.analysis_id"
                        + filter.where("f")
                        + " order by d.time_created",
                filter,
                row -> standing.put(row.getString(1), new String[] {
                    row.getString(3), row.getString(2), instant(row, 4).toString()
                }));
        for (String[] decision : standing.values()) {
            String override = decision[0] + " -> " + decision[1];
            for (Tally tally : List.of(total, period(periods, groupBy, Instant.parse(decision[2])))) {
                tally.overrides.merge(override, 1L, Long::sum);
            }
        }
        List<Period> list = new ArrayList<>();
        periods.forEach((start, tally) -> list.add(new Period(start, tally.counts())));
        return new Statistics(scope, from, to, groupBy, list, total.counts());
    }

    private static Tally period(Map<LocalDate, Tally> periods, GroupBy groupBy, Instant time) {
        return periods.computeIfAbsent(groupBy.start(time), start -> new Tally());
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void stream(String sql, Filter filter, RowReader reader) {
        jdbc.prepareStatement(sql, statement -> {
            filter.bind(statement);
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
            return null;
        });
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getObject(column, java.time.OffsetDateTime.class).toInstant();
    }

    /** The company and time bounds as SQL conditions on one table's columns, bound in the same order. */
    private record Filter(
            @Nullable UUID company,
            @Nullable Instant from,
            @Nullable Instant to) {
        String where(String table) {
            List<String> conditions = new ArrayList<>();
            if (company != null) {
                conditions.add(table + ".company_id = ?");
            }
            if (from != null) {
                conditions.add(table + ".time_created >= ?");
            }
            if (to != null) {
                conditions.add(table + ".time_created <= ?");
            }
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        void bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            if (company != null) {
                statement.setObject(index++, company);
            }
            if (from != null) {
                statement.setObject(index++, from.atOffset(ZoneOffset.UTC));
            }
            if (to != null) {
                statement.setObject(index, to.atOffset(ZoneOffset.UTC));
            }
        }
    }

    private static final class Tally {
        final Map<String, Long> folders = new TreeMap<>();
        final Map<String, Map<String, Long>> analyses = new TreeMap<>();
        final Map<String, Long> overrides = new TreeMap<>();
        final Map<String, Long> failed = new TreeMap<>();
        final Durations durations = new Durations();

        Counts counts() {
            long[] sorted = durations.sorted();
            return new Counts(
                    folders,
                    analyses,
                    overrides,
                    failed,
                    durations.size,
                    durations.percentile(sorted, 50),
                    durations.percentile(sorted, 95));
        }
    }

    /** Milliseconds of finished analyses, for their percentiles (nearest rank). */
    private static final class Durations {
        long[] values = new long[64];
        int size;

        void add(long millis) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = millis;
        }

        long[] sorted() {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted;
        }

        @Nullable
        Long percentile(long[] sorted, int percent) {
            return sorted.length == 0
                    ? null
                    : sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
        }
    }
}
