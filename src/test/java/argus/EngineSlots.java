package argus;

import argus.analysis.AnalysisEngine;
import java.util.ArrayList;
import java.util.List;

/** Every slot of the engine taken, as under overload, until closed. */
public final class EngineSlots implements AutoCloseable {
    private final List<AnalysisEngine.Admission> held = new ArrayList<>();

    public EngineSlots(AnalysisEngine engine) {
        for (var slot = engine.tryAdmit(); slot.isPresent(); slot = engine.tryAdmit()) {
            held.add(slot.get());
        }
    }

    public int count() {
        return held.size();
    }

    @Override
    public void close() {
        held.forEach(AnalysisEngine.Admission::close);
    }
}
