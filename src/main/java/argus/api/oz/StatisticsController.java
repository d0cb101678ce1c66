package argus.api.oz;

import argus.api.Refusals;
import argus.auth.Caller;
import argus.folder.FolderQuery;
import argus.statistics.StatisticsService;
import argus.statistics.StatisticsService.GroupBy;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

/**
 * What a company's folders came to, per period: {@code time_created.min}, {@code time_created.max} (Unix time),
 * {@code group_by} = day (the default), week or month, and for staff {@code company_id} (all companies without it).
 */
@Tag(name = "Oz reports")
@Refusals.Oz
@Controller("/api/statistics")
@ExecuteOn(TaskExecutors.BLOCKING)
class StatisticsController {
    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @Serdeable
    record CountsJson(
            Map<String, Long> folders,
            Map<String, Map<String, Long>> analyses,
            @JsonProperty("operator_overrides") Map<String, Long> operatorOverrides,
            @JsonProperty("failed_reasons") Map<String, Long> failedReasons,
            @JsonProperty("finished_analyses") long finishedAnalyses,
            @JsonProperty("analysis_time_ms_p50") @Nullable Long analysisTimeP50,
            @JsonProperty("analysis_time_ms_p95") @Nullable Long analysisTimeP95) {
        static CountsJson of(StatisticsService.Counts counts) {
            return new CountsJson(
                    counts.folders(),
                    counts.analyses(),
                    counts.overrides(),
                    counts.failedReasons(),
                    counts.finishedAnalyses(),
                    counts.analysisMillisP50(),
                    counts.analysisMillisP95());
        }
    }

    @Serdeable
    record PeriodJson(@JsonProperty("period_start") String periodStart, CountsJson counts) {}

    @Serdeable
    record StatisticsJson(
            @JsonProperty("company_id") @Nullable String companyId,
            @JsonProperty("group_by") String groupBy,
            List<PeriodJson> periods,
            CountsJson total) {}

    @Get
    StatisticsJson getStatistics(Caller caller, HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request);
        FolderQuery.TimeRange created = query.range("time_created");
        GroupBy groupBy = query.enumValue("group_by", GroupBy.class);
        StatisticsService.Statistics result = statistics.compute(
                caller,
                query.uuid("company_id"),
                created.from(),
                created.to(),
                groupBy == null ? GroupBy.DAY : groupBy);
        return new StatisticsJson(
                result.companyId() == null ? null : result.companyId().toString(),
                result.groupBy().name().toLowerCase(),
                result.periods().stream()
                        .map(p -> new PeriodJson(p.start().toString(), CountsJson.of(p.counts())))
                        .toList(),
                CountsJson.of(result.total()));
    }
}
