package argus.api;

import argus.analysis.AnalysisEngine;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses an upload that would need the engine while every slot is taken, before its body is read: under overload
 * the refusal costs neither the transfer nor a disk write. The engine's own admission still decides for the requests
 * that pass (a slot may fill between this check and the request's turn).
 */
@ServerFilter(
        value = {"/api/folders/", "/api/folders/*/media/", "/api/instant/folders/", "/console/capture/folders"},
        methods = HttpMethod.POST)
@Order(10)
public class OverloadFilter {
    private final AnalysisEngine engine;

    public OverloadFilter(AnalysisEngine engine) {
        this.engine = engine;
    }

    @RequestFilter
    public void refuseWhenFull(HttpRequest<?> request) {
        engine.refuseWhenFull();
    }
}
