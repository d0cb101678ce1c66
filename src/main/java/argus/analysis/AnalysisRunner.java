package argus.analysis;

import argus.ErrorCode;
import argus.vision.FaceModels;
import argus.vision.FrameSeries;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a request's work on the bounded engine: first every media is decoded once (in parallel), then every analysis
 * runs on the shared evidence (in parallel), each within the configured time-out.
 */
@Singleton
public class AnalysisRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisRunner.class);

    private final AnalysisEngine engine;
    private final FaceModels models;
    private final Map<AnalysisType, Analyzer> analyzers = new EnumMap<>(AnalysisType.class);
    private final MeterRegistry metrics;
    private final Timer decoding;

    public AnalysisRunner(AnalysisEngine engine, FaceModels models, List<Analyzer> analyzers, MeterRegistry metrics) {
        this.engine = engine;
        this.models = models;
        this.metrics = metrics;
        this.decoding = Timer.builder("argus.media.decode")
                .description("opening a media and decoding its first sample")
                .register(metrics);
        analyzers.forEach(analyzer -> this.analyzers.put(analyzer.type(), analyzer));
    }

    public void validate(AnalysisRequest request) {
        if (realizes(request.type())) {
            analyzers.get(request.type().engine()).validate(request.params());
        }
    }

    /** Whether this service runs analyses of the type (DOCUMENTS, for one, it does not). */
    public boolean realizes(AnalysisType type) {
        return analyzers.containsKey(type.engine());
    }

    /** One media to decode, with the client's tags and the frames to sample from it. */
    public record DecodeJob(
            UUID mediaId, List<String> tags, MediaSource source, Function<MediaSource, FrameSeries> sampling) {}

    /** One analysis for a folder of a company, and the evidence of its source media. */
    public record Planned(AnalysisRequest request, List<MediaEvidence> sources, UUID companyId) {}

    /**
     * Opens every media's frame series in parallel and decodes its first sample, so that a media that cannot be
     * decoded at all refuses the whole request before any analysis runs. Later samples are decoded as analyses ask.
     */
    public List<MediaEvidence> decode(List<DecodeJob> jobs) {
        List<AnalysisEngine.Task<FrameSeries>> tasks = jobs.stream()
                .map(job -> engine.submit(() -> decoding.recordCallable(
                        () -> firstFrameDecoded(job.sampling().apply(job.source())))))
                .toList();
        List<MediaEvidence> evidence = new ArrayList<>();
        try {
            for (int i = 0; i < jobs.size(); i++) {
                DecodeJob job = jobs.get(i);
                evidence.add(new MediaEvidence(job.mediaId(), job.tags(), await(tasks.get(i)), models));
            }
            return evidence;
        } catch (RuntimeException e) {
            tasks.forEach(AnalysisEngine.Task::stop);
            tasks.subList(evidence.size(), tasks.size()).forEach(AnalysisRunner::closeProduced);
            evidence.forEach(MediaEvidence::close);
            throw e;
        }
    }

    private static FrameSeries firstFrameDecoded(FrameSeries series) {
        try {
            series.frame(0);
            return series;
        } catch (RuntimeException e) {
            series.close();
            throw e;
        }
    }

    private FrameSeries await(AnalysisEngine.Task<FrameSeries> task) {
        try {
            return task.get(engine.config().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MediaRejectedException(
                    ErrorCode.MEDIA_DECODE_TIMEOUT,
                    "decoding the media took longer than "
                            + engine.config().timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            throw rethrown(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        }
    }

    /** Frees a series a stopped decode produced anyway. */
    private static void closeProduced(AnalysisEngine.Task<FrameSeries> task) {
        try {
            FrameSeries series = task.get(0, TimeUnit.MILLISECONDS);
            if (series != null) {
                series.close();
            }
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException ignored) {
            // nothing was produced, nothing to free
        }
    }

    /**
     * Runs the analyses in parallel; a time-out or a crash fails that analysis alone, while media found damaged
     * during an analysis refuse the whole request. Returns only when no analysis is still running.
     */
    public List<AnalysisOutcome> run(List<Planned> planned) {
        long deadline = System.nanoTime() + engine.config().timeout().toNanos();
        List<AnalysisEngine.Task<AnalysisOutcome>> tasks = planned.stream()
                .map(p -> engine.submit(() -> analyzeMeasured(p)))
                .toList();
        try {
            List<AnalysisOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < planned.size(); i++) {
                AnalysisType type = planned.get(i).request().type();
                AnalysisOutcome outcome = outcome(tasks.get(i), deadline, type);
                Counter.builder("argus.analyses")
                        .description("analyses run, by type and resolution")
                        .tag("type", type.name())
                        .tag("resolution", outcome.resolution().name())
                        .register(metrics)
                        .increment();
                outcomes.add(outcome);
            }
            return outcomes;
        } finally {
            tasks.forEach(AnalysisEngine.Task::stop);
        }
    }

    /** Runs one analysis, timing it once for both the metric and the log line. */
    private AnalysisOutcome analyzeMeasured(Planned planned) {
        AnalysisType type = planned.request().type();
        long start = System.nanoTime();
        AnalysisOutcome outcome =
                analyzers.get(type.engine()).analyze(planned.request(), planned.sources(), planned.companyId());
        long nanos = System.nanoTime() - start;
        Timer.builder("argus.analysis.duration")
                .description("time one analysis took on the engine, by type")
                .tag("type", type.name())
                .register(metrics)
                .record(nanos, TimeUnit.NANOSECONDS);
        LOG.info(
                "{} analysis of {} media: {} in {} ms",
                type,
                planned.sources().size(),
                outcome.resolution(),
                nanos / 1_000_000);
        return outcome;
    }

    private AnalysisOutcome outcome(AnalysisEngine.Task<AnalysisOutcome> task, long deadline, AnalysisType type) {
        try {
            return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return AnalysisOutcome.systemFailure(
                    ErrorCode.ANALYSIS_TIMEOUT,
                    "the analysis did not finish within "
                            + engine.config().timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MediaRejectedException rejected) {
                throw rejected;
            }
            LOG.error("{} analysis failed", type, e.getCause());
            return AnalysisOutcome.systemFailure(ErrorCode.INTERNAL_ERROR, "the analysis failed unexpectedly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AnalysisOutcome.systemFailure(ErrorCode.INTERRUPTED, "the service is shutting down");
        }
    }

    private static RuntimeException rethrown(ExecutionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }

    /** Decodes {@code frames} samples of one media, hands them to {@code work}, and frees them afterwards. */
    public <T> T withSamples(MediaSource source, int frames, Function<MediaEvidence, T> work) {
        return withSamples(source, frames, List.of(), work);
    }

    /** {@link #withSamples(MediaSource, int, Function)} for a media with Oz tags (a gesture, say). */
    public <T> T withSamples(MediaSource source, int frames, List<String> tags, Function<MediaEvidence, T> work) {
        List<MediaEvidence> decoded =
                decode(List.of(new DecodeJob(UUID.randomUUID(), tags, source, s -> s.sample(frames))));
        try {
            return work.apply(decoded.getFirst());
        } finally {
            decoded.forEach(MediaEvidence::close);
        }
    }

    /** QUALITY with default parameters on one media's samples: its result for that media. */
    public MediaResult quality(MediaEvidence evidence, UUID companyId) {
        return quality(evidence, companyId, Map.of());
    }

    /** QUALITY with the given parameters on one media's samples. */
    public MediaResult quality(MediaEvidence evidence, UUID companyId, Map<String, Object> params) {
        return run(List.of(new Planned(
                        new AnalysisRequest(AnalysisType.QUALITY, params, Map.of()), List.of(evidence), companyId)))
                .getFirst()
                .mediaResults()
                .getFirst();
    }
}
