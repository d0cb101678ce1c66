package argus.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The per-analysis time limit: an analysis that overruns it is FAILED with a code, the others are unaffected. */
class AnalysisRunnerTest {

    /** An analysis that takes longer than any time limit of this test. */
    private static final class Stalling implements Analyzer {
        @Override
        public AnalysisType type() {
            return AnalysisType.BIOMETRY;
        }

        @Override
        public void validate(Map<String, Object> params) {}

        @Override
        public AnalysisOutcome analyze(AnalysisRequest request, List<MediaEvidence> sources, UUID companyId) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return AnalysisOutcome.of(List.of(), null, List.of());
        }
    }

    /** An analysis that ends at once with a verdict. */
    private static final class Quick implements Analyzer {
        @Override
        public AnalysisType type() {
            return AnalysisType.QUALITY;
        }

        @Override
        public void validate(Map<String, Object> params) {}

        @Override
        public AnalysisOutcome analyze(AnalysisRequest request, List<MediaEvidence> sources, UUID companyId) {
            MediaResult result = new MediaResult(
                    UUID.randomUUID(), Resolution.SUCCESS, Map.of("confidence_spoofing", 0.1), null, null, List.of());
            return AnalysisOutcome.of(List.of(result), Map.of("confidence_spoofing", 0.1), List.of());
        }
    }

    @Test
    void anOverrunningAnalysisFailsWithATimeoutCode() {
        AnalysisEngine engine = new AnalysisEngine(
                new AnalysisConfig(2, 1, Duration.ofMillis(300), Duration.ofSeconds(1)), new SimpleMeterRegistry());
        AnalysisRunner runner =
                new AnalysisRunner(engine, null, List.of(new Stalling(), new Quick()), new SimpleMeterRegistry());
        List<AnalysisOutcome> outcomes = runner.run(List.of(
                new AnalysisRunner.Planned(
                        new AnalysisRequest(AnalysisType.BIOMETRY, Map.of(), Map.of()), List.of(), UUID.randomUUID()),
                new AnalysisRunner.Planned(
                        new AnalysisRequest(AnalysisType.QUALITY, Map.of(), Map.of()), List.of(), UUID.randomUUID())));

        assertEquals(AnalysisState.FAILED, outcomes.get(0).state());
        assertEquals(Resolution.FAILED, outcomes.get(0).resolution());
        assertEquals("ANALYSIS_TIMEOUT", outcomes.get(0).errorCode());
        assertEquals(AnalysisState.FINISHED, outcomes.get(1).state());
        assertEquals(Resolution.SUCCESS, outcomes.get(1).resolution());
    }
}
