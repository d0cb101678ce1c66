package argus.analysis;

import argus.vision.DecodedMedia;
import argus.vision.FaceModels;
import argus.vision.MediaRejectedException;
import argus.vision.MediaSource;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

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

    public AnalysisRunner(AnalysisEngine engine, FaceModels models, List<Analyzer> analyzers) {
        this.engine = engine;
        this.models = models;
        analyzers.forEach(analyzer -> this.analyzers.put(analyzer.type(), analyzer));
    }

    public void validate(AnalysisRequest request) {
        analyzers.get(request.type()).validate(request.params());
    }

    /** One media to decode, with the client's tags. */
    public record DecodeJob(UUID mediaId, List<String> tags, MediaSource source) {
    }

    /** One analysis and the evidence of its source media. */
    public record Planned(AnalysisRequest request, List<MediaEvidence> sources) {
    }

    /** Decodes every media once, in parallel; a media that cannot be decoded refuses the whole request. */
    public List<MediaEvidence> decode(List<DecodeJob> jobs, Function<MediaSource, DecodedMedia> decoding) {
        List<Future<DecodedMedia>> futures = jobs.stream()
                .map(job -> engine.submit(() -> decoding.apply(job.source())))
                .toList();
        List<MediaEvidence> evidence = new ArrayList<>();
        try {
            for (int i = 0; i < jobs.size(); i++) {
                DecodeJob job = jobs.get(i);
                evidence.add(new MediaEvidence(job.mediaId(), job.tags(), await(futures.get(i)), models));
            }
            return evidence;
        } catch (RuntimeException e) {
            futures.forEach(future -> future.cancel(true));
            futures.forEach(AnalysisRunner::closeQuietly);
            evidence.forEach(MediaEvidence::close);
            throw e;
        }
    }

    private DecodedMedia await(Future<DecodedMedia> future) {
        try {
            return future.get(engine.config().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MediaRejectedException(HttpStatus.BAD_REQUEST, "MEDIA_DECODE_TIMEOUT",
                    "decoding the media took longer than " + engine.config().timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        }
    }

    /** Frees media a cancelled decode produced anyway. */
    private static void closeQuietly(Future<DecodedMedia> future) {
        if (future.isDone() && !future.isCancelled()) {
            try {
                future.get().close();
            } catch (ExecutionException | InterruptedException | RuntimeException ignored) {
                // nothing was produced, nothing to free
            }
        }
    }

    /** Runs the analyses in parallel; a time-out or a crash fails that analysis alone. */
    public List<AnalysisOutcome> run(List<Planned> planned) {
        long deadline = System.nanoTime() + engine.config().timeout().toNanos();
        List<Future<AnalysisOutcome>> futures = planned.stream()
                .map(p -> engine.submit(() -> analyzers.get(p.request().type()).analyze(p.request(), p.sources())))
                .toList();
        List<AnalysisOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            outcomes.add(outcome(futures.get(i), deadline, planned.get(i).request().type()));
        }
        return outcomes;
    }

    private AnalysisOutcome outcome(Future<AnalysisOutcome> future, long deadline, AnalysisType type) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return AnalysisOutcome.systemFailure("ANALYSIS_TIMEOUT",
                    "the analysis did not finish within " + engine.config().timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            LOG.error("{} analysis failed", type, e.getCause());
            return AnalysisOutcome.systemFailure("INTERNAL_ERROR", "the analysis failed unexpectedly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return AnalysisOutcome.systemFailure("INTERRUPTED", "the service is shutting down");
        }
    }
}
