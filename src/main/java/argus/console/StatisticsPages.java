package argus.console;

import argus.ArgusException;
import argus.ErrorCode;
import argus.auth.Caller;
import argus.statistics.StatisticsService;
import argus.statistics.StatisticsService.GroupBy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The statistics page: the same figures as {@code GET /api/statistics/}, filtered by dates, as tables and a chart. */
@Hidden
@Controller(ConsoleSession.PATH + "/statistics")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class StatisticsPages {
    /** The folder verdicts the chart stacks, bottom up. */
    static final List<String> VERDICTS = List.of("SUCCESS", "DECLINED", "OPERATOR_REQUIRED", "FAILED", "PROCESSING");

    private static final int CHART_HEIGHT = 160;
    private static final int BAR_WIDTH = 22;
    private static final int BAR_GAP = 10;
    private static final int LEFT = 40;

    private final StatisticsService statistics;

    StatisticsPages(StatisticsService statistics) {
        this.statistics = statistics;
    }

    record Segment(String verdict, long count, int x, int y, int height) {}

    record Column(String label, int x, List<Segment> segments) {}

    record Chart(List<Column> columns, int width, int height, long largest) {}

    record Row(
            String period,
            Map<String, Long> folders,
            long analyses,
            String analysesByType,
            String overrides,
            String failedReasons,
            String p50,
            String p95) {}

    @Get
    ModelAndView<Map<String, Object>> show(
            Caller caller,
            HttpRequest<?> request,
            @QueryValue(defaultValue = "") String from,
            @QueryValue(defaultValue = "") String to,
            @QueryValue(defaultValue = "day") String group,
            @QueryValue(defaultValue = "") String company) {
        GroupBy groupBy = FolderPages.constant(GroupBy.class, group, "group");
        StatisticsService.Statistics figures = statistics.compute(
                caller,
                company.isBlank() ? null : FolderPages.uuid(company, "company"),
                day(from, "from", false),
                day(to, "to", true),
                groupBy);
        List<Row> rows = new ArrayList<>();
        figures.periods().forEach(p -> rows.add(row(p.start().toString(), p.counts())));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Statistics");
        model.put("from", from);
        model.put("to", to);
        model.put("group", groupBy.name().toLowerCase());
        model.put("company", company);
        model.put("verdicts", VERDICTS);
        model.put("rows", rows);
        model.put("total", row("total", figures.total()));
        model.put("chart", chart(figures.periods()));
        return ConsolePage.of(request, "statistics", model);
    }

    /** A date of the form as the start of that day in UTC, or its end for the upper bound. */
    private static @Nullable Instant day(String text, String name, boolean end) {
        if (text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            return (end ? day.plusDays(1) : day)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC)
                    .minusNanos(end ? 1000 : 0);
        } catch (DateTimeParseException e) {
            throw new ArgusException(
                    ErrorCode.INVALID_VALUE,
                    "%s must be a date (yyyy-mm-dd), not '%s'".formatted(name, ArgusException.clip(text)));
        }
    }

    private static Row row(String period, StatisticsService.Counts counts) {
        long analyses = counts.analyses().values().stream()
                .flatMap(byVerdict -> byVerdict.values().stream())
                .mapToLong(Long::longValue)
                .sum();
        return new Row(
                period,
                counts.folders(),
                analyses,
                summary(counts.analyses().entrySet().stream()
                        .collect(
                                LinkedHashMap<String, Object>::new,
                                (map, e) -> map.put(e.getKey(), summary(e.getValue())),
                                Map::putAll)),
                summary(counts.overrides()),
                summary(counts.failedReasons()),
                counts.analysisMillisP50() == null ? "" : counts.analysisMillisP50() + " ms",
                counts.analysisMillisP95() == null ? "" : counts.analysisMillisP95() + " ms");
    }

    private static String summary(Map<String, ?> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    /** Folders per period by verdict, stacked, against the busiest period. */
    static Chart chart(List<StatisticsService.Period> periods) {
        long largest = periods.stream()
                .mapToLong(p -> p.counts().folders().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .max()
                .orElse(0);
        List<Column> columns = new ArrayList<>();
        int x = LEFT;
        for (StatisticsService.Period period : periods) {
            List<Segment> segments = new ArrayList<>();
            int top = CHART_HEIGHT;
            for (String verdict : VERDICTS) {
                long count = period.counts().folders().getOrDefault(verdict, 0L);
                if (count == 0) {
                    continue;
                }
                int height = (int) Math.max(1, Math.round((double) count * (CHART_HEIGHT - 10) / largest));
                top -= height;
                segments.add(new Segment(verdict, count, x, top, height));
            }
            columns.add(new Column(period.start().toString(), x, segments));
            x += BAR_WIDTH + BAR_GAP;
        }
        return new Chart(columns, Math.max(x + LEFT, 200), CHART_HEIGHT + 40, largest);
    }
}
